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
	lookName     = 'k' // a folded name: who has it (id, first name)
	lookNameRole = 'n' // and the role they hold, when the pass used it
	lookRole     = 'r' // a folded role, from its head word on
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

// knownRole returns the role of known entry k, found by the folded name
// key, noting that the pass used it: an article that never did need not be
// read again when only that role changes.
func (d *doc) knownRole(key string, k int) string {
	if d.ix.record {
		d.looked = append(d.looked, lookHash(lookNameRole, key))
	}
	return d.ix.known[k].Role
}

// knownPersonNamed is knownPerson for an entry found by the folded name
// key: the person it adds, if any, holds the entry's role.
func (d *doc) knownPersonNamed(key string, k int) int {
	d.knownRole(key, k)
	return d.knownPerson(k)
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
	return samePerson(a, b, i, j) && a.known[i].Role == b.known[j].Role && a.roles[i] == b.roles[j]
}

// samePerson reports whether two known entries are the same person by id and
// first name, whatever their roles.
func samePerson(a, b *knownIndex, i, j int) bool {
	x, y := &a.known[i], &b.known[j]
	return x.ID == y.ID && x.Names[0] == y.Names[0]
}

// changedLookups returns, sorted, the hashes of the look-ups whose answer
// differs between two indexes.
func changedLookups(old, cur *knownIndex) []uint32 {
	var out []uint32
	for key, i := range old.byKey {
		j, ok := cur.byKey[key]
		switch {
		case !ok || !samePerson(old, cur, i, j):
			out = append(out, lookHash(lookName, key), lookHash(lookNameRole, key))
		case old.known[i].Role != cur.known[j].Role:
			out = append(out, lookHash(lookNameRole, key))
		}
	}
	for key := range cur.byKey {
		if _, ok := old.byKey[key]; !ok {
			out = append(out, lookHash(lookName, key), lookHash(lookNameRole, key))
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
// look-up answers the first entry whose role ends in the key, so only the
// keys some role of either list ends in have an answer at all: those are
// compared, answer by answer.
func changedRoles(out []uint32, old, cur *knownIndex, is, js []int) []uint32 {
	same := len(is) == len(js)
	for n := 0; same && n < len(is); n++ {
		same = sameKnown(old, cur, is[n], js[n])
	}
	if same {
		return out
	}
	before, after := firstByRole(old, is), firstByRole(cur, js)
	for key, i := range before {
		if j, ok := after[key]; !ok || !sameKnown(old, cur, i, j) {
			out = append(out, lookHash(lookRole, key))
		}
	}
	for key := range after {
		if _, ok := before[key]; !ok {
			out = append(out, lookHash(lookRole, key))
		}
	}
	return out
}

// firstByRole maps every key the roles of entries end in to the first
// entry whose role ends in it: the answer of a role look-up.
func firstByRole(ix *knownIndex, entries []int) map[string]int {
	first := map[string]int{}
	for _, i := range entries {
		r := ix.roles[i]
		for k := range len(r) {
			if _, ok := first[r[k:]]; !ok {
				first[r[k:]] = i
			}
		}
	}
	return first
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
