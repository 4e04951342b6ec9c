package names

import (
	"cmp"
	"slices"
)

// entrySet is a bit set of entry indices.
type entrySet []uint64

func (s entrySet) has(e int32) bool { return s[e/64]&(1<<uint(e%64)) != 0 }

func (s entrySet) clone() entrySet { return slices.Clone(s) }

// collector keeps the best candidate of each entry as candidates stream in,
// so that a query matching thousands of names never holds them all.
type collector struct {
	k          int
	strongOnly bool     // Resolve acts on strong candidates only
	seen       entrySet // every entry offered so far, kept or not
	entries    int      // how many entries seen holds
	strong     bool     // whether any strong candidate was offered
	out        []cand   // the best k, best first; all of them if k is large
}

func newCollector(numEntries, k int, strongOnly bool) *collector {
	return &collector{k: k, strongOnly: strongOnly, seen: make(entrySet, (numEntries+63)/64)}
}

// better orders candidates best first: higher score, then alphabetical.
func better(a, b cand) int {
	return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.rank, b.rank))
}

func (col *collector) add(c cand) {
	if col.strongOnly && !c.strong {
		return
	}
	col.strong = col.strong || c.strong
	if w, bit := c.entry/64, uint64(1)<<uint(c.entry%64); col.seen[w]&bit == 0 {
		col.seen[w] |= bit
		col.entries++
	}
	if col.k > 2*MaxComplete {
		// Inserting into a long list costs more than sorting once.
		col.out = append(col.out, c)
		return
	}
	k := col.k
	if k <= 0 || len(col.out) == k && better(c, col.out[k-1]) >= 0 {
		return
	}
	// An entry already kept is replaced only by a better candidate of its
	// own; one that was pushed out cannot come back with a worse one.
	if i := slices.IndexFunc(col.out, func(o cand) bool { return o.entry == c.entry }); i >= 0 {
		if better(c, col.out[i]) >= 0 {
			return
		}
		col.out = slices.Delete(col.out, i, i+1)
	}
	i, _ := slices.BinarySearchFunc(col.out, c, better)
	col.out = slices.Insert(col.out, i, c)
	if len(col.out) > k {
		col.out = col.out[:k]
	}
}

// result returns the kept candidates, best first, one per entry.
func (col *collector) result() []cand {
	if col.k <= 2*MaxComplete {
		return col.out
	}
	out := col.out
	slices.SortFunc(out, func(a, b cand) int { return cmp.Or(cmp.Compare(a.entry, b.entry), better(a, b)) })
	out = slices.CompactFunc(out, func(a, b cand) bool { return a.entry == b.entry })
	slices.SortFunc(out, better)
	return out[:min(col.k, len(out))]
}
