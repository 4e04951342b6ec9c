package facts

import (
	"slices"
	"sync"

	"github.com/briefbot/briefbot/facts/search"
)

// wordIndex finds the items (events, figures or quotes) whose words include
// those of an about: filter, by their stems, so that "meeting" finds
// "meets" and the filter costs the length of its postings, not a scan of
// every item's text.
//
// Curated items are indexed afresh at every load: there are few. Extracted
// ones, tens of thousands in a large base, are indexed by handle (see
// extWords), which a reload carries over for every article that did not
// change; pos maps a handle to the item it is in this base.
type wordIndex struct {
	post  map[string][]int32 // stem -> curated items holding it, ascending
	ext   *extWords
	pos   []int32 // handle -> item, or -1
	n     int     // items
	count *sync.Pool
}

// newWordIndex indexes n items; textsOf gives the texts of item i. Words
// are stemmed through the search index's vocabulary (texts of the articles
// are all in it), which costs a look-up where the stemmer costs a
// microsecond.
func newWordIndex(n int, textsOf func(i int) []string, vocab *search.Index) wordIndex {
	ix := wordIndex{post: map[string][]int32{}, n: n}
	for i := 0; i < n; i++ {
		for _, text := range textsOf(i) {
			vocab.EachStem(text, func(stem string) {
				p := ix.post[stem]
				if len(p) == 0 || p[len(p)-1] != int32(i) {
					ix.post[stem] = append(p, int32(i))
				}
			})
		}
	}
	ix.count = &sync.Pool{New: func() any { return &counter{n: make([]uint16, n)} }}
	return ix
}

// counter counts, per item, the query stems it holds.
type counter struct {
	n       []uint16
	touched []int32
}

// each calls fn with every item holding stem, in no particular order.
func (ix wordIndex) each(stem string, fn func(item int32)) {
	for _, i := range ix.post[stem] {
		fn(i)
	}
	if ix.ext == nil {
		return
	}
	for _, h := range ix.ext.post[stem] {
		if i := ix.pos[h]; i >= 0 {
			fn(i)
		}
	}
}

// best returns, in ascending order, the items holding the most of the
// query's distinct stems (at least one); nil when none holds any. A filter
// of several words thus still finds the closest items when none has all.
func (ix wordIndex) best(query string) []int {
	if ix.n == 0 {
		return nil
	}
	c := ix.count.Get().(*counter)
	defer ix.count.Put(c)
	top := uint16(0)
	for _, s := range distinctStems(query) {
		ix.each(s, func(i int32) {
			if c.n[i] == 0 {
				c.touched = append(c.touched, i)
			}
			c.n[i]++
			top = max(top, c.n[i])
		})
	}
	var out []int
	if len(c.touched) > ix.n/16 {
		// Scanning the counts keeps them in order for free.
		for i, k := range c.n {
			if k == top && k > 0 {
				out = append(out, i)
			}
		}
	} else {
		for _, i := range c.touched {
			if c.n[i] == top {
				out = append(out, int(i))
			}
		}
		slices.Sort(out)
	}
	for _, i := range c.touched {
		c.n[i] = 0
	}
	c.touched = c.touched[:0]
	return out
}
