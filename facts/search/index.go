package search

import (
	"math"
	"sync"
)

// BM25 parameters: the customary defaults, which suit sentence-length units.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// stopTerm marks a cached word that is a stop word.
const stopTerm = -1

// Builder accumulates text units for an Index. It is not safe for
// concurrent use.
type Builder struct {
	ed *Editor
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return &Builder{ed: (&Index{}).Edit()} }

// Add indexes one unit, typically a sentence, and returns its id. Ids are
// consecutive from 0, so callers can keep unit metadata in a parallel slice.
func (bl *Builder) Add(text string) int { return int(bl.ed.Add(text)) }

// Build returns an Index of the units added so far. The Builder stays
// usable: the Index shares none of its mutable state.
func (bl *Builder) Build() *Index {
	ix := bl.ed.Build(nil)
	bl.ed = ix.Edit()
	return ix
}

// vocab is what an index knows of words: each normalised word seen, its
// term, and how many live units hold it. Words and terms of units removed
// by an Editor stay (a unit frequency of 0 says they are gone), so that an
// edit copies the maps only when a new word comes, and term ids stay the
// same from one version of an index to the next.
type vocab struct {
	words    map[string]int32 // normalised word → word id
	wordTerm []int32          // word id → term id, or stopTerm
	terms    map[string]int32 // stem → term id
	stems    []string         // term id → stem
}

// Index is a BM25 index over text units. It is immutable and safe for
// concurrent use; Edit derives the next version without changing it.
type Index struct {
	voc    *vocab
	wordDF []int32 // word id → live units holding the word
	// post[t] holds the units holding term t, ascending, with how often.
	post []postings
	idf  []float64 // term id → inverse unit frequency
	// Per unit id; an id freed by a removal has lens -1 until reused.
	lens []int32
	// norm[u] is k1·(1−b+b·len(u)/avglen), the length part of the BM25
	// denominator, computed once rather than per posting per query.
	norm []float32
	// rank[u] is the unit's place in the caller's order, which breaks
	// ties: ids are reused after removals, so they do not keep the order.
	rank []int32
	free []int32 // ids of removed units, ascending, for reuse
	live int     // units in the index
	sum  int64   // total of the live units' lengths
	// scores recycles the per-query score accumulators.
	scores sync.Pool
	// spell holds the known words grouped for spelling correction,
	// built once on first need.
	spellOnce sync.Once
	spell     *spelling
}

// postings are the units of one term, ascending by id, with the term's
// frequency in each.
type postings struct {
	ids []int32
	tfs []uint16
}

// Len returns the number of units in the index.
func (ix *Index) Len() int { return ix.live }

// df is the number of units holding term t.
func (ix *Index) df(t int32) int { return len(ix.post[t].ids) }

// word returns the word id of a normalised word, or -1.
func (ix *Index) word(norm []byte) int32 {
	if ix.voc == nil {
		return -1
	}
	// string(norm) in a map index does not allocate.
	if w, ok := ix.voc.words[string(norm)]; ok {
		return w
	}
	return -1
}

// termOfStem returns the live term of a stem, or -2.
func (ix *Index) termOfStem(stem string) int32 {
	if ix.voc == nil {
		return -2
	}
	if t, ok := ix.voc.terms[stem]; ok && ix.df(t) > 0 {
		return t
	}
	return -2
}

// termOf returns the term id of a normalised word: stopTerm for a stop
// word, -2 for a word whose stem no unit holds.
func (ix *Index) termOf(word []byte) int32 {
	if w := ix.word(word); w >= 0 {
		t := ix.voc.wordTerm[w]
		if t == stopTerm || ix.df(t) > 0 {
			return t
		}
		return -2
	}
	stem := stemOf(string(word))
	if stem == "" {
		return stopTerm
	}
	return ix.termOfStem(stem)
}

// setStats computes the per-term and per-unit weights from the counts.
func (ix *Index) setStats() {
	n := float64(ix.live)
	ix.idf = make([]float64, len(ix.post))
	for t, p := range ix.post {
		// The +1 inside the log (as in Lucene) keeps idf positive even
		// for terms in most units, so every match adds to the score.
		df := float64(len(p.ids))
		ix.idf[t] = math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	avg := 1.0
	if ix.sum > 0 {
		avg = float64(ix.sum) / n
	}
	ix.norm = make([]float32, len(ix.lens))
	for u, l := range ix.lens {
		if l >= 0 {
			ix.norm[u] = float32(bm25K1 * (1 - bm25B + bm25B*float64(l)/avg))
		}
	}
	size := len(ix.lens)
	ix.scores.New = func() any { return newAccumulator(size) }
}
