package facts

import (
	"slices"
	"sort"

	"github.com/briefbot/briefbot/facts/search"
)

// distinctStems returns the stems of a query's words, stop words left out.
func distinctStems(q string) []string {
	var out []string
	for _, t := range search.Tokens(q) {
		if t.Stem != "" && !slices.Contains(out, t.Stem) { // a query has few words
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
	return best(b.eventWords, q, b.events)
}

// FiguresAbout returns the figures, in base order, best matching an about:
// filter over their value, unit, context and citations.
func (b *Base) FiguresAbout(q string) []*Figure {
	return best(b.figureWords, q, b.figures)
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
		b.quoteWords.each(s, func(qi int32) {
			// A speaker's quotes are in base order.
			k := sort.Search(len(mine), func(j int) bool { return mine[j] >= int(qi) })
			if k < len(mine) && mine[k] == int(qi) {
				count[k]++
				top = max(top, count[k])
			}
		})
	}
	var out []*Quote
	for k, n := range count {
		if top > 0 && n == top {
			out = append(out, b.quotes[mine[k]])
		}
	}
	return out
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
