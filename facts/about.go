package facts

import (
	"sort"

	"github.com/briefbot/briefbot/facts/search"
)

// wordIndex finds the items (events, figures or quotes) whose words include
// those of an about: filter, by their stems, so that "meeting" finds
// "meets" and the filter costs the length of its postings, not a scan of
// every item's text.
type wordIndex struct {
	post map[string][]int32 // stem -> items holding it, ascending
}

// newWordIndex indexes n items; textsOf gives the texts of item i. Words
// are stemmed through the search index's vocabulary (texts of the articles
// are all in it), which costs a look-up where the stemmer costs a
// microsecond.
func newWordIndex(n int, textsOf func(i int) []string, vocab *search.Index) wordIndex {
	ix := wordIndex{post: map[string][]int32{}}
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
	return ix
}

// best returns, in ascending order, the items holding the most of the
// query's distinct stems (at least one); nil when none holds any. A filter
// of several words thus still finds the closest items when none has all.
// The postings are merged in order, with no map: a common word can have
// tens of thousands of them.
func (ix wordIndex) best(query string) []int {
	stems := distinctStems(query)
	lists := make([][]int32, 0, len(stems))
	for _, s := range stems {
		if p := ix.post[s]; len(p) > 0 {
			lists = append(lists, p)
		}
	}
	if len(lists) == 0 {
		return nil
	}
	if len(lists) == 1 {
		out := make([]int, len(lists[0]))
		for i, v := range lists[0] {
			out[i] = int(v)
		}
		return out
	}
	heads := make([]int, len(lists))
	var out []int
	top := 0
	for {
		// The smallest item at the heads, and how many lists hold it.
		next, n := int32(-1), 0
		for l, p := range lists {
			if heads[l] == len(p) {
				continue
			}
			switch v := p[heads[l]]; {
			case next < 0 || v < next:
				next, n = v, 1
			case v == next:
				n++
			}
		}
		if next < 0 {
			return out
		}
		for l, p := range lists {
			if heads[l] < len(p) && p[heads[l]] == next {
				heads[l]++
			}
		}
		switch {
		case n > top:
			top, out = n, append(out[:0], int(next))
		case n == top:
			out = append(out, int(next))
		}
	}
}

// distinctStems returns the stems of a query's words, stop words left out.
func distinctStems(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range search.Tokens(q) {
		if t.Stem != "" && !seen[t.Stem] {
			seen[t.Stem] = true
			out = append(out, t.Stem)
		}
	}
	return out
}

// HasWords reports whether a filter has any word to match (not only stop
// words or punctuation).
func HasWords(q string) bool { return len(distinctStems(q)) > 0 }

// EventsAbout returns the events, in date order, best matching an about:
// filter: their text, their people's names and their citations.
func (b *Base) EventsAbout(q string) []*Event {
	var out []*Event
	for _, i := range b.eventWords.best(q) {
		out = append(out, b.events[i])
	}
	return out
}

// FiguresAbout returns the figures, in base order, best matching an about:
// filter over their value, unit, context and citations.
func (b *Base) FiguresAbout(q string) []*Figure {
	var out []*Figure
	for _, i := range b.figureWords.best(q) {
		out = append(out, b.figures[i])
	}
	return out
}

// QuotesAbout returns one speaker's quotes, in date order, best matching an
// about: filter over the quote and its topic.
func (b *Base) QuotesAbout(speaker, q string) []*Quote {
	stems := distinctStems(q)
	if len(stems) == 0 {
		return nil
	}
	mine := b.quotesBy[speaker]
	count := make([]int, len(mine))
	top := 0
	for _, s := range stems {
		for _, qi := range b.quoteWords.post[s] {
			// Postings and a speaker's quotes are both in base order.
			k := sort.Search(len(mine), func(j int) bool { return mine[j] >= int(qi) })
			if k < len(mine) && mine[k] == int(qi) {
				count[k]++
				top = max(top, count[k])
			}
		}
	}
	var out []*Quote
	for k, n := range count {
		if top > 0 && n == top {
			out = append(out, b.quotes[mine[k]])
		}
	}
	return out
}

// indexWords builds the about: indexes and the per-person lists once the
// base is complete.
func (b *Base) indexWords() {
	b.eventWords = newWordIndex(len(b.events), func(i int) []string {
		e := b.events[i]
		texts := []string{e.Text}
		for _, id := range e.People {
			if p := b.personByID[id]; p != nil {
				texts = append(texts, p.Names()...)
			}
		}
		if !e.Extracted { // an extracted event's text is its citation
			texts = appendQuotes(texts, e.Citations)
		}
		return texts
	}, b.index)
	b.figureWords = newWordIndex(len(b.figures), func(i int) []string {
		f := b.figures[i]
		return appendQuotes([]string{f.Value, f.Unit, f.About, f.Topic}, f.Citations)
	}, b.index)
	// A quote is about what its sentence names outside the quote marks
	// too, and often what the sentence before it names ("Some fear X will
	// sue. "…," he said.").
	b.quoteWords = newWordIndex(len(b.quotes), func(i int) []string {
		q := b.quotes[i]
		texts := []string{q.Cite.Quote(), q.About}
		if s := q.Cite.Doc.SentenceAt(q.Cite.Start); s >= 0 {
			for _, j := range []int{s - 1, s} {
				if j >= 0 {
					texts = append(texts, q.Cite.Doc.SentenceText(j))
				}
			}
		}
		return texts
	}, b.index)
	b.quotesBy = map[string][]int{}
	for i, q := range b.quotes {
		b.quotesBy[q.Speaker] = append(b.quotesBy[q.Speaker], i)
	}
	b.eventsWith = map[string][]*Event{}
	for _, e := range b.events {
		for _, id := range e.People {
			b.eventsWith[id] = append(b.eventsWith[id], e)
		}
	}
}

// appendQuotes appends the quoted words of each citation to texts.
func appendQuotes(texts []string, cites []Citation) []string {
	for _, c := range cites {
		texts = append(texts, c.Quote())
	}
	return texts
}

// EventsWith returns the events a person takes part in, in date order.
func (b *Base) EventsWith(id string) []*Event { return b.eventsWith[id] }
