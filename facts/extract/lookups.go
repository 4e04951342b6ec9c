package extract

import (
	"slices"
	"strings"
)

// An article's second pass depends on the known people only through the
// look-ups it makes: a folded name (is "smith" someone's name or
// surname?) and the head word of a role (who is "the minister"?). It
// records a hash of each, so that a reload, where a few articles came or
// went and with them a few names, reads again only the articles that
// looked up a name or role whose answer changed; every other article
// would run the same way and yield the same result.

// Kinds of look-up, hashed with the word looked up.
const (
	lookName = 'k' // a folded name
	lookRole = 'r' // a folded role, from its head word on
)

// lookHash is FNV-1a over the kind and the word. Two look-ups sharing a
// hash only make an article be read again when it need not be.
func lookHash(kind byte, s string) uint32 {
	h := uint32(2166136261)
	h = (h ^ uint32(kind)) * 16777619
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// knownByName looks a folded name up among the known people.
func (d *doc) knownByName(key string) (int, bool) {
	if d.ix.record {
		d.looked = append(d.looked, lookHash(lookName, key))
	}
	k, ok := d.ix.byKey[key]
	return k, ok
}

// knownByRole returns the first known person whose folded role ends in
// key ("minister" for "the foreign minister"), or -1.
func (d *doc) knownByRole(key string) int {
	if d.ix.record {
		d.looked = append(d.looked, lookHash(lookRole, key))
	}
	for _, i := range d.ix.byRoleHead[key[strings.LastIndexByte(key, ' ')+1:]] {
		if strings.HasSuffix(d.ix.roles[i], key) {
			return i
		}
	}
	return -1
}

// lookups returns the article's look-ups, sorted, each once.
func (d *doc) lookups() []uint32 {
	if len(d.looked) == 0 {
		return nil
	}
	slices.Sort(d.looked)
	return slices.Clip(slices.Compact(d.looked))
}

// sameKnown reports whether two known entries answer a look-up alike: the
// pass reads their id, first name and role, and nothing else of them.
func sameKnown(a, b *knownIndex, i, j int) bool {
	x, y := &a.known[i], &b.known[j]
	return x.ID == y.ID && x.Names[0] == y.Names[0] && x.Role == y.Role && a.roles[i] == b.roles[j]
}

// changedLookups returns, sorted, the hashes of the look-ups whose answer
// differs between two indexes.
func changedLookups(old, cur *knownIndex) []uint32 {
	var out []uint32
	for key, i := range old.byKey {
		if j, ok := cur.byKey[key]; !ok || !sameKnown(old, cur, i, j) {
			out = append(out, lookHash(lookName, key))
		}
	}
	for key := range cur.byKey {
		if _, ok := old.byKey[key]; !ok {
			out = append(out, lookHash(lookName, key))
		}
	}
	for head, is := range old.byRoleHead {
		out = changedRoles(out, old, cur, is, cur.byRoleHead[head])
	}
	for head, js := range cur.byRoleHead {
		if _, ok := old.byRoleHead[head]; !ok {
			out = changedRoles(out, old, cur, nil, js)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// changedRoles appends the role look-ups whose answer differs between
// is, entries of old, and js, entries of cur, with one head word. A
// look-up answers the first entry whose role ends in the key. Where the
// lists are the same once the entries in only one of them are taken out
// (an article added or removed inserts or deletes entries), only a key
// one of those entries' roles ends in can find another answer: those keys
// are among the suffixes of their roles. Otherwise
// (entries reordered) every key of every role of either list is changed.
func changedRoles(out []uint32, old, cur *knownIndex, is, js []int) []uint32 {
	id := func(ix *knownIndex, i int) string {
		k := &ix.known[i]
		return k.ID + "\x00" + k.Names[0] + "\x00" + k.Role + "\x00" + ix.roles[i]
	}
	same := len(is) == len(js)
	for n := 0; same && n < len(is); n++ {
		same = sameKnown(old, cur, is[n], js[n])
	}
	if same {
		return out
	}
	count := map[string]int{}
	for _, i := range is {
		count[id(old, i)]++
	}
	for _, j := range js {
		count[id(cur, j)]--
	}
	var common [2][]string
	var diff []string // roles of the entries in one list only
	for side, list := range [][]int{is, js} {
		ix, sign := old, 1
		if side == 1 {
			ix, sign = cur, -1
		}
		for _, i := range list {
			if c := count[id(ix, i)]; c*sign > 0 {
				diff = append(diff, ix.roles[i])
			} else {
				common[side] = append(common[side], id(ix, i))
			}
		}
	}
	if !slices.Equal(common[0], common[1]) {
		diff = diff[:0]
		for _, i := range is {
			diff = append(diff, old.roles[i])
		}
		for _, j := range js {
			diff = append(diff, cur.roles[j])
		}
	}
	for _, r := range diff {
		for k := range len(r) { // every key r ends in; most are never looked up
			out = append(out, lookHash(lookRole, r[k:]))
		}
	}
	return out
}

// touches reports whether an article's look-ups include a changed one.
func touches(looked, changed []uint32) bool {
	small, large := changed, looked
	if len(small) > len(large) {
		small, large = large, small
	}
	for _, h := range small {
		if _, found := slices.BinarySearch(large, h); found {
			return true
		}
	}
	return false
}
