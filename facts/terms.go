package facts

import (
	"strings"

	"github.com/briefbot/briefbot/facts/search"
)

// Terms are the words of a question that say what it is about, each
// weighted by how rare it is in the base: a word no article holds weighs
// most, so a question about something the articles never mention is seen
// to be so.
type Terms struct {
	list []search.Term
	ix   *search.Index
}

// Terms weighs the words of q against the base's own index; misspelt words
// are corrected to the closest word the articles use.
func (b *Base) Terms(q string) Terms {
	ts := b.index.Terms(q)
	for i, t := range ts {
		if lightWords[t.Word] {
			ts[i].IDF *= lightWeight
		}
	}
	return Terms{list: ts, ix: b.index}
}

// Len is the number of words.
func (ts Terms) Len() int { return len(ts.list) }

// Weight is the total weight of the terms.
func (ts Terms) Weight() float64 {
	w := 0.0
	for _, t := range ts.list {
		w += t.IDF
	}
	return w
}

// Missing returns the words no article holds.
func (ts Terms) Missing() []string {
	var out []string
	for _, t := range ts.list {
		if !t.Known {
			out = append(out, t.Typed)
		}
	}
	return out
}

// query rebuilds a search query from the terms, misspelt words replaced by
// their correction.
func (ts Terms) query() string {
	words := make([]string, 0, len(ts.list))
	for _, t := range ts.list {
		if t.Known {
			words = append(words, t.Word)
		}
	}
	return strings.Join(words, " ")
}

// Cover returns the share of the terms' weight that the texts hold, from 0
// (none of the question's words) to 1 (all of them).
func (ts Terms) Cover(texts ...string) float64 {
	total := ts.Weight()
	if total == 0 || ts.ix == nil {
		return 0
	}
	var have uint64 // bit i: term i is in the texts (a question has few words)
	for _, text := range texts {
		ts.ix.EachStem(text, func(stem string) {
			for i, t := range ts.list {
				if i < 64 && t.Known && t.Stem == stem {
					have |= 1 << i
				}
			}
		})
	}
	got := 0.0
	for i, t := range ts.list {
		if i < 64 && have&(1<<i) != 0 {
			got += t.IDF
		}
	}
	return got / total
}

// coverUnit is Cover of the sentence the search index holds as unit id,
// read from the index's postings: a unit holds a term exactly when one of
// its words has the term's stem, so this is Cover of its text without
// stemming every word of it again, which was a fifth of the CPU of 200
// ask queries (TestCoverUnit compares the two on every story sentence).
// It sums the same weights in the same order as Cover.
func (ts Terms) coverUnit(id int) float64 {
	total := ts.Weight()
	if total == 0 || ts.ix == nil {
		return 0
	}
	got := 0.0
	for i, t := range ts.list {
		if i < 64 && t.Known && ts.ix.Holds(id, ts.ix.TermID(t.Stem)) {
			got += t.IDF
		}
	}
	return got / total
}

// Correct returns text with each word the articles never use replaced by
// the closest word they do ("parlament" by "parliament"), so that a typo in
// a name or a role does not stop the look-up.
func (b *Base) Correct(text string) string {
	words := strings.Fields(text)
	changed := false
	for i, w := range words {
		ts := b.index.Terms(w)
		if len(ts) == 1 && ts[0].Corrected {
			words[i], changed = ts[0].Word, true
		}
	}
	if !changed {
		return text
	}
	return strings.Join(words, " ")
}
