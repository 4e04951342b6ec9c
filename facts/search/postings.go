package search

import "slices"

// added is one posting added: term is in unit id tf times.
type added struct {
	term, id int32
	tf       uint16
}

// Reserve makes room for about n more postings (each distinct term of a
// unit makes one) in units more units: a first load that knows the size
// of its text then grows no array.
func (e *Editor) Reserve(n, units int) {
	e.addTerm, e.addTF = slices.Grow(e.addTerm, n), slices.Grow(e.addTF, n)
	e.addID, e.addEnd = slices.Grow(e.addID, units), slices.Grow(e.addEnd, units)
	if units > 0 && !e.counted { // they will be added: the counts are this edit's then
		e.wordDF, e.counted = slices.Clone(e.wordDF), true
		e.lens = append(make([]int32, 0, len(e.lens)+units), e.lens...)
	}
}

// eachAdded calls fn with every posting added, in the order added.
func (e *Editor) eachAdded(fn func(a added)) {
	k := 0
	for u, id := range e.addID {
		for ; k < int(e.addEnd[u]); k++ {
			fn(added{term: e.addTerm[k], id: id, tf: e.addTF[k]})
		}
	}
}

// mergeAdded merges the added postings into post, by term: the ids of
// all terms go into one pair of arrays of exactly their size, each term's
// ascending. It leaves addTerm as it is, for Added's callers.
func (e *Editor) mergeAdded(post []postings) {
	n := len(e.addTerm)
	ids, tfs := make([]int32, n), make([]uint16, n)
	put := func(t int32, lo, hi int32) {
		post[t] = merged(post[t], postings{ids: ids[lo:hi:hi], tfs: tfs[lo:hi:hi]})
	}
	defer func() { e.addTerm, e.addTF, e.addID, e.addEnd = nil, nil, nil, nil }()
	if n < len(post)/8 {
		// A reload's few: sorting them costs less than counting by term.
		// Stable, so that each term's ids stay ascending.
		all := make([]added, 0, n)
		e.eachAdded(func(a added) { all = append(all, a) })
		slices.SortStableFunc(all, func(a, b added) int { return int(a.term - b.term) })
		for i, a := range all {
			ids[i], tfs[i] = a.id, a.tf
		}
		for i := 0; i < n; {
			j := i + 1
			for j < n && all[j].term == all[i].term {
				j++
			}
			put(all[i].term, int32(i), int32(j))
			i = j
		}
		return
	}
	// A counting sort, which keeps each term's ids in the order added.
	at := make([]int32, len(post)+1) // term t's postings: at[t] to at[t+1]
	for _, t := range e.addTerm {
		at[t+1]++
	}
	for t := 1; t < len(at); t++ {
		at[t] += at[t-1]
	}
	next := slices.Clone(at[:len(post)])
	k := 0
	for u, id := range e.addID {
		for ; k < int(e.addEnd[u]); k++ {
			i := next[e.addTerm[k]]
			ids[i], tfs[i] = id, e.addTF[k]
			next[e.addTerm[k]]++
		}
	}
	for t := range post {
		if at[t] < at[t+1] {
			put(int32(t), at[t], at[t+1])
		}
	}
}

// without returns p less the units ids (in any order), as new slices.
func without(p postings, ids []int32) postings {
	slices.Sort(ids)
	out := postings{ids: make([]int32, 0, len(p.ids)), tfs: make([]uint16, 0, len(p.tfs))}
	for i, id := range p.ids {
		if _, found := slices.BinarySearch(ids, id); !found {
			out.ids = append(out.ids, id)
			out.tfs = append(out.tfs, p.tfs[i])
		}
	}
	return out
}

// merged returns the union of two postings with distinct ids, ascending.
func merged(a, b postings) postings {
	if len(a.ids) == 0 {
		return b
	}
	out := postings{ids: make([]int32, 0, len(a.ids)+len(b.ids)), tfs: make([]uint16, 0, len(a.ids)+len(b.ids))}
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		if j == len(b.ids) || (i < len(a.ids) && a.ids[i] < b.ids[j]) {
			out.ids, out.tfs = append(out.ids, a.ids[i]), append(out.tfs, a.tfs[i])
			i++
		} else {
			out.ids, out.tfs = append(out.ids, b.ids[j]), append(out.tfs, b.tfs[j])
			j++
		}
	}
	return out
}
