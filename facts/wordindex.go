package facts

import (
	mathbits "math/bits"
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

// counter counts, per item, the query stems it holds; bits marks the
// best items so that they come out in order by a scan of n/64 words, where
// sorting thousands of hits of a common word cost more than the look-up.
type counter struct {
	n       []uint16
	touched []int32
	bits    []uint64
}

// add counts one more stem for item i and returns the new top count.
func (c *counter) add(i int32, top uint16) uint16 {
	if c.n[i] == 0 {
		c.touched = append(c.touched, i)
	}
	c.n[i]++
	return max(top, c.n[i])
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
// query's distinct stems (at least one), picked from items (the base's
// items the index was built on); nil when none holds any. A filter of
// several words thus still finds the closest items when none has all. Its
// cost is that of the postings (no call per posting), n/64 words and one
// allocation, of the result.
func best[T any](ix wordIndex, query string, items []T) []T {
	if ix.n == 0 {
		return nil
	}
	stems := distinctStems(query)
	c := ix.count.Get().(*counter)
	defer ix.count.Put(c)
	if c.bits == nil {
		c.bits = make([]uint64, (ix.n+63)/64)
	}
	if len(stems) == 1 {
		// Every item holding the one stem is best: mark them, no counts.
		k := ix.mark(stems[0], c.bits)
		return drain(c.bits, k, items)
	}
	top := uint16(0)
	for _, s := range stems {
		for _, i := range ix.post[s] {
			top = c.add(i, top)
		}
		if ix.ext == nil {
			continue
		}
		for _, h := range ix.ext.post[s] {
			if i := ix.pos[h]; i >= 0 {
				top = c.add(i, top)
			}
		}
	}
	k := 0
	for _, i := range c.touched {
		if c.n[i] == top {
			c.bits[i>>6] |= 1 << (i & 63)
			k++
		}
	}
	for _, i := range c.touched {
		c.n[i] = 0
	}
	c.touched = c.touched[:0]
	return drain(c.bits, k, items)
}

// mark sets the bit of every item holding stem and returns how many
// postings it read (at least the number of items).
func (ix wordIndex) mark(stem string, bits []uint64) int {
	k := 0
	for _, i := range ix.post[stem] {
		bits[i>>6] |= 1 << (i & 63)
		k++
	}
	if ix.ext == nil {
		return k
	}
	for _, h := range ix.ext.post[stem] {
		if i := ix.pos[h]; i >= 0 {
			bits[i>>6] |= 1 << (i & 63)
			k++
		}
	}
	return k
}

// drain returns the items whose bits are set, in order, and clears the
// bits; k bounds their number.
func drain[T any](bits []uint64, k int, items []T) []T {
	if k == 0 {
		return nil
	}
	out := make([]T, 0, k)
	for w, word := range bits {
		if word == 0 {
			continue
		}
		for word != 0 {
			out = append(out, items[w<<6|mathbits.TrailingZeros64(word)])
			word &= word - 1
		}
		bits[w] = 0
	}
	return out
}
