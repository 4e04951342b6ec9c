package search

import (
	"iter"
	"math"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/names"
)

// Term is a query word as the index sees it: its stem, how rare it is, and
// whether any unit holds it.
type Term struct {
	Typed string  // the word as normalised from the query
	Word  string  // the same, or the known word it was corrected to
	Stem  string  // Word's stem
	IDF   float64 // inverse unit frequency; the unseen maximum when !Known
	Known bool    // some unit holds the stem
	// Corrected is set when the word was unknown and a known word within a
	// typo or two was used instead.
	Corrected bool
}

// Terms returns the distinct non-stop words of a query with their weights.
// A word the index has never seen is corrected to the most frequent known
// word within the typo tolerance (one edit up to 7 letters, two beyond,
// none under 4), so "sanctons" weighs as "sanctions"; words still unknown
// weigh as much as the rarest possible word, which is what lets a caller
// tell that a question is about something the units never mention.
func (ix *Index) Terms(query string) []Term {
	var out []Term
	for wd := range words(query) {
		w := string(wd.norm)
		t := Term{Typed: w, Word: w}
		id := ix.termOf(wd.norm)
		switch {
		case id == stopTerm:
			continue
		case id >= 0:
			t.Stem, t.IDF, t.Known = ix.voc.stems[id], ix.idf[id], true
		default:
			if t.Stem = stemOf(w); t.Stem == "" {
				continue
			}
			if fix, ok := ix.correct(w); ok {
				id := ix.voc.wordTerm[ix.voc.words[fix]]
				t.Word, t.Stem, t.IDF, t.Known, t.Corrected = fix, ix.voc.stems[id], ix.idf[id], true, true
			} else {
				t.IDF = ix.unseenIDF()
			}
		}
		dup := false
		for _, o := range out {
			dup = dup || o.Stem == t.Stem
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// unseenIDF is the weight of a word no unit holds.
func (ix *Index) unseenIDF() float64 {
	n := float64(ix.live)
	return math.Log(1 + (n+0.5)/0.5)
}

// spelling groups the known words by first byte and rune length, built on
// first need: most bases never see a misspelt query.
type spelling struct {
	byKey map[[2]int][]string
}

func (ix *Index) spelling() *spelling {
	ix.spellOnce.Do(func() {
		sp := &spelling{byKey: map[[2]int][]string{}}
		for w, id := range ix.wordsKnown() {
			if t := ix.voc.wordTerm[id]; t == stopTerm || len(w) < 3 {
				continue
			}
			k := [2]int{int(w[0]), utf8.RuneCountInString(w)}
			sp.byKey[k] = append(sp.byKey[k], w)
		}
		for _, ws := range sp.byKey {
			sort.Strings(ws) // a fixed order, so that ties resolve the same way every run
		}
		ix.spell = sp
	})
	return ix.spell
}

// wordsKnown yields the words some live unit holds, with their ids.
func (ix *Index) wordsKnown() iter.Seq2[string, int32] {
	return func(yield func(string, int32) bool) {
		if ix.voc == nil {
			return
		}
		for w, id := range ix.voc.words {
			if ix.wordDF[id] > 0 && !yield(w, id) {
				return
			}
		}
	}
}

// correct finds the known word closest to an unknown one: same first
// letter (typos rarely hit it), length within the tolerance, fewest edits,
// then the most frequent.
func (ix *Index) correct(w string) (string, bool) {
	n := utf8.RuneCountInString(w)
	tol := 1
	switch {
	case n < 4:
		return "", false
	case n >= 8:
		tol = 2
	}
	sp := ix.spelling()
	best, bestD, bestDF := "", tol+1, -1
	for l := n - tol; l <= n+tol; l++ {
		for _, cand := range sp.byKey[[2]int{int(w[0]), l}] {
			d := names.Edits(w, cand, tol)
			if d > tol {
				continue
			}
			df := ix.df(ix.voc.wordTerm[ix.voc.words[cand]])
			if d < bestD || (d == bestD && df > bestDF) {
				best, bestD, bestDF = cand, d, df
			}
		}
	}
	return best, best != ""
}

// EachStem calls fn with the stem of every non-stop word of text, looking
// words up in the index's own vocabulary first: text from the indexed
// articles then costs map look-ups, not stemming.
func (ix *Index) EachStem(text string, fn func(stem string)) {
	for w := range words(text) {
		if stem := ix.stem(w.norm); stem != "" {
			fn(stem)
		}
	}
}

// EachTerm calls fn with the term and stem of every non-stop word of
// text, as EachStem does, and a term of -1 for a stem no version of the
// index has had: a caller can then tell stems apart by term id, which
// costs no hashing.
func (ix *Index) EachTerm(text string, fn func(term int32, stem string)) {
	for w := range words(text) {
		if id := ix.word(w.norm); id >= 0 {
			if t := ix.voc.wordTerm[id]; t != stopTerm {
				fn(t, ix.voc.stems[t])
			}
			continue
		}
		stem := stemOf(string(w.norm))
		if stem == "" {
			continue
		}
		t := int32(-1)
		if ix.voc != nil {
			if k, ok := ix.voc.terms[stem]; ok {
				t = k
			}
		}
		fn(t, stem)
	}
}

// TermCount returns how many terms the index and the versions before it
// have had: every term id is below it.
func (ix *Index) TermCount() int {
	if ix.voc == nil {
		return 0
	}
	return len(ix.voc.stems)
}

// Stem returns the stem of a term AddTerms gave for this index or the
// version it was edited from: term ids stay from one version to the next.
func (ix *Index) Stem(term int32) string { return ix.voc.stems[term] }

// stem returns the stem of a normalised word, "" for a stop word: from the
// vocabulary when the index has seen the word, else by stemming it.
func (ix *Index) stem(norm []byte) string {
	if w := ix.word(norm); w >= 0 {
		if t := ix.voc.wordTerm[w]; t != stopTerm {
			return ix.voc.stems[t]
		}
		return ""
	}
	return stemOf(string(norm))
}

// Highlight returns the byte ranges [start, end) of the words of text
// whose stem is one of stems, in order, for bolding matched words in a
// result. Stop words are never highlighted. Words the index knows are
// stemmed by look-up, the rest by the stemmer.
func (ix *Index) Highlight(text string, stems []string) [][2]int {
	if len(stems) == 0 {
		return nil
	}
	var out [][2]int
	for w := range words(text) {
		if stem := ix.stem(w.norm); stem != "" && slices.Contains(stems, stem) {
			out = append(out, [2]int{w.start, w.end})
		}
	}
	return out
}
