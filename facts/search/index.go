package search

import (
	"maps"
	"math"
	"slices"
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
	// words caches, per distinct normalised word, its term id (or
	// stopTerm): Snowball costs about a microsecond a word, a map lookup a
	// few nanoseconds, and news vocabulary repeats heavily.
	words map[string]int32
	terms map[string]int32 // stem → term id
	stems []string         // term id → stem
	// Postings per term, in unit order: ids[t][i] holds term t tfs[t][i]
	// times.
	ids     [][]int32
	tfs     [][]uint16
	lens    []int32 // unit id → number of non-stop words
	scratch []int32 // term ids of the unit being added
	buf     []byte  // scanner buffer, reused across units
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		words: make(map[string]int32, 1<<14),
		terms: make(map[string]int32, 1<<13),
	}
}

// Add indexes one unit, typically a sentence, and returns its id. Ids are
// consecutive from 0, so callers can keep unit metadata in a parallel slice.
func (bl *Builder) Add(text string) int {
	id := len(bl.lens)
	sc := scanner{text: text, buf: bl.buf}
	terms := bl.scratch[:0]
	for {
		_, _, norm, ok := sc.next()
		if !ok {
			break
		}
		// string(norm) in a map index does not allocate.
		t, seen := bl.words[string(norm)]
		if !seen {
			t = bl.learn(string(norm))
		}
		if t != stopTerm {
			terms = append(terms, t)
		}
	}
	bl.buf = sc.buf
	bl.lens = append(bl.lens, int32(len(terms)))
	// Sorting groups repeats so that each term gets one posting with its
	// frequency; units are short, so this beats a map.
	slices.Sort(terms)
	for i := 0; i < len(terms); {
		j := i + 1
		for j < len(terms) && terms[j] == terms[i] {
			j++
		}
		t := terms[i]
		bl.ids[t] = append(bl.ids[t], int32(id))
		bl.tfs[t] = append(bl.tfs[t], uint16(min(j-i, math.MaxUint16)))
		i = j
	}
	bl.scratch = terms
	return id
}

// learn stems a word seen for the first time and records its term id.
func (bl *Builder) learn(word string) int32 {
	stem := stemOf(word)
	if stem == "" {
		bl.words[word] = stopTerm
		return stopTerm
	}
	t, ok := bl.terms[stem]
	if !ok {
		t = int32(len(bl.stems))
		bl.terms[stem] = t
		bl.stems = append(bl.stems, stem)
		bl.ids = append(bl.ids, nil)
		bl.tfs = append(bl.tfs, nil)
	}
	bl.words[word] = t
	return t
}

// Index is a BM25 index over the units added to a Builder. It is immutable
// and safe for concurrent use.
type Index struct {
	words map[string]int32 // normalised word → term id or stopTerm
	terms map[string]int32 // stem → term id
	stems []string         // term id → stem
	idf   []float64        // term id → inverse document frequency
	// The postings of term t are ids[start[t]:start[t+1]] with the
	// matching tfs: flat arrays keep them compact and cache-friendly.
	start []int
	ids   []int32
	tfs   []uint16
	// norm[u] is k1·(1−b+b·len(u)/avglen), the length part of the BM25
	// denominator, computed once rather than per posting per query.
	norm []float32
	// scores recycles the per-query score accumulators.
	scores sync.Pool
	// spell holds the known words grouped for spelling correction,
	// built once on first need.
	spellOnce sync.Once
	spell     *spelling
}

// Build returns an Index of the units added so far. The Builder stays
// usable: the Index shares none of its mutable state.
func (bl *Builder) Build() *Index {
	n := len(bl.lens)
	ix := &Index{
		words: maps.Clone(bl.words),
		terms: maps.Clone(bl.terms),
		stems: slices.Clone(bl.stems),
		idf:   make([]float64, len(bl.stems)),
		start: make([]int, len(bl.stems)+1),
		norm:  make([]float32, n),
	}
	total := 0
	for t, p := range bl.ids {
		ix.start[t] = total
		total += len(p)
		// The +1 inside the log (as in Lucene) keeps idf positive even
		// for terms in most units, so every match adds to the score.
		df := float64(len(p))
		ix.idf[t] = math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
	}
	ix.start[len(bl.ids)] = total
	ix.ids = make([]int32, 0, total)
	ix.tfs = make([]uint16, 0, total)
	for t := range bl.ids {
		ix.ids = append(ix.ids, bl.ids[t]...)
		ix.tfs = append(ix.tfs, bl.tfs[t]...)
	}
	sum := 0
	for _, l := range bl.lens {
		sum += int(l)
	}
	avg := 1.0
	if sum > 0 {
		avg = float64(sum) / float64(n)
	}
	for u, l := range bl.lens {
		ix.norm[u] = float32(bm25K1 * (1 - bm25B + bm25B*float64(l)/avg))
	}
	ix.scores.New = func() any { return newAccumulator(n) }
	return ix
}

// Len returns the number of units in the index.
func (ix *Index) Len() int { return len(ix.norm) }

// termOf returns the term id of a normalised word: stopTerm for a stop
// word, -2 for a word whose stem the index has never seen.
func (ix *Index) termOf(word []byte) int32 {
	if t, ok := ix.words[string(word)]; ok {
		return t
	}
	stem := stemOf(string(word))
	if stem == "" {
		return stopTerm
	}
	if t, ok := ix.terms[stem]; ok {
		return t
	}
	return -2
}
