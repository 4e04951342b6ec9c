package search

import (
	"slices"
	"strings"
)

// Hit is a unit matching a query, with its BM25 score.
type Hit struct {
	// ID is the unit's id as returned by Builder.Add.
	ID int
	// Score is the unit's BM25 score; only its order is meaningful.
	Score float64
}

// accumulator holds the partial scores of one query. It is as long as the
// index, so it is pooled rather than allocated per query; touched lists the
// units with a non-zero score so that resetting costs only the matches.
type accumulator struct {
	score   []float64
	touched []int32
}

func newAccumulator(n int) *accumulator {
	return &accumulator{score: make([]float64, n)}
}

// Search returns the units best matching query under BM25 (k1=1.2,
// b=0.75), best first, ties broken by the order the index was built with (by ID unless
// Editor.Build was given one). At most limit hits are
// returned; limit <= 0 returns every match. A repeated query word counts
// once. Search returns nil when the query has no indexed non-stop word.
func (ix *Index) Search(query string, limit int) []Hit {
	var buf [16]int32
	terms := ix.queryTerms(buf[:0], query)
	if len(terms) == 0 {
		return nil
	}
	top := topK{limit: limit, rank: ix.rank}
	if limit > 0 {
		top.hits = make([]Hit, 0, min(limit, 256))
	}
	if len(terms) == 1 {
		// One term needs no accumulation: each posting is a final score.
		t := terms[0]
		ids, tfs := ix.postings(t)
		for i, id := range ids {
			top.push(int(id), ix.weight(t, id, tfs[i]))
		}
		return top.sorted()
	}
	acc := ix.scores.Get().(*accumulator)
	// Terms are visited in stem order so that units with equal term
	// statistics sum in the same order and tie exactly, whichever ids the
	// terms got (a reloaded index numbers them by its history).
	for _, t := range terms {
		ids, tfs := ix.postings(t)
		for i, id := range ids {
			if acc.score[id] == 0 {
				acc.touched = append(acc.touched, id)
			}
			acc.score[id] += ix.weight(t, id, tfs[i])
		}
	}
	for _, id := range acc.touched {
		top.push(int(id), acc.score[id])
		acc.score[id] = 0
	}
	acc.touched = acc.touched[:0]
	ix.scores.Put(acc)
	return top.sorted()
}

// TermID returns the term of a stem that some unit holds, or -1.
func (ix *Index) TermID(stem string) int32 { return max(ix.termOfStem(stem), -1) }

// Holds reports whether unit id holds term t (a TermID; -1 is held by
// none): whether a word of the unit has the term's stem, read from the
// term's postings by binary search rather than by stemming the unit's
// text again.
func (ix *Index) Holds(id int, t int32) bool {
	if t < 0 || int(t) >= len(ix.post) {
		return false
	}
	_, ok := slices.BinarySearch(ix.post[t].ids, int32(id))
	return ok
}

// postings returns the units holding term t and the term's frequency in
// each.
func (ix *Index) postings(t int32) ([]int32, []uint16) {
	p := ix.post[t]
	return p.ids, p.tfs
}

// weight is the BM25 contribution of term t occurring tf times in unit id.
// It is always positive, which lets a zero score mean "untouched".
func (ix *Index) weight(t, id int32, tf uint16) float64 {
	f := float64(tf)
	return ix.idf[t] * f * (bm25K1 + 1) / (f + float64(ix.norm[id]))
}

// queryTerms appends the distinct indexed terms of query to dst, in the
// order of their stems.
func (ix *Index) queryTerms(dst []int32, query string) []int32 {
	for w := range words(query) {
		if t := ix.termOf(w.norm); t >= 0 && !slices.Contains(dst, t) {
			dst = append(dst, t)
		}
	}
	slices.SortFunc(dst, func(a, b int32) int { return strings.Compare(ix.voc.stems[a], ix.voc.stems[b]) })
	return dst
}

// QueryStems returns the distinct stems of the query's non-stop words, in
// query order, whether or not the index contains them. Pass them to
// Highlight to mark the words a hit matched.
func (ix *Index) QueryStems(query string) []string {
	var out []string
	for w := range words(query) {
		if stem := ix.stem(w.norm); stem != "" && !slices.Contains(out, stem) {
			out = append(out, stem)
		}
	}
	return out
}

// topK keeps the best limit hits seen so far in a min-heap whose root is
// the worst of them, so each new candidate costs one comparison unless it
// enters. limit <= 0 keeps everything.
type topK struct {
	limit int
	hits  []Hit
	rank  []int32 // unit id → place in the caller's order
}

// worse reports whether x ranks below y: lower score, or equal score and
// later in the caller's order.
func (k *topK) worse(x, y Hit) bool {
	return x.Score < y.Score || (x.Score == y.Score && k.rank[x.ID] > k.rank[y.ID])
}

func (k *topK) push(id int, score float64) {
	h := Hit{ID: id, Score: score}
	if k.limit <= 0 || len(k.hits) < k.limit {
		k.hits = append(k.hits, h)
		if k.limit > 0 {
			k.up(len(k.hits) - 1)
		}
		return
	}
	if !k.worse(k.hits[0], h) {
		return
	}
	k.hits[0] = h
	k.down(0)
}

func (k *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !k.worse(k.hits[i], k.hits[p]) {
			return
		}
		k.hits[i], k.hits[p] = k.hits[p], k.hits[i]
		i = p
	}
}

func (k *topK) down(i int) {
	n := len(k.hits)
	for {
		m, l, r := i, 2*i+1, 2*i+2
		if l < n && k.worse(k.hits[l], k.hits[m]) {
			m = l
		}
		if r < n && k.worse(k.hits[r], k.hits[m]) {
			m = r
		}
		if m == i {
			return
		}
		k.hits[i], k.hits[m] = k.hits[m], k.hits[i]
		i = m
	}
}

// sorted returns the kept hits best first, or nil when there are none.
func (k *topK) sorted() []Hit {
	if len(k.hits) == 0 {
		return nil
	}
	slices.SortFunc(k.hits, func(x, y Hit) int {
		switch {
		case k.worse(y, x):
			return -1
		case k.worse(x, y):
			return 1
		}
		return 0
	})
	return k.hits
}
