// Package names finds a person or organisation from a name as a person types
// it: with typos, without accents or titles, in part, or with punctuation
// that differs from the stored name.
//
// Names are folded before any comparison: case is ignored, Latin diacritics
// are removed (é→e, ł→l, ß→ss), apostrophes and dots vanish ("O’Brien" ~
// "O'Brien", "J.D." ~ "JD"), other punctuation separates words, and leading
// honorifics or offices ("Mr", "Admiral Sir", "Prime Minister") and trailing
// post-nominals ("Jr", "MP") are ignored whenever something else remains.
//
// An Index is built once from a list of entries and then answers Find,
// Resolve and Complete from memory; it is safe for concurrent use.
package names

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Entry is one findable thing: its id and its names (Names[0] is the display
// name, the rest aliases).
type Entry struct {
	ID    string
	Names []string
}

// Match is one candidate for a query.
type Match struct {
	ID    string
	Name  string // the display name (Names[0]) of the entry
	Alias string // which of its names matched best
	Score int    // higher is better; comparable within one query
	Exact bool   // the query equals one of the names (after folding)
}

// Index finds entries by typed names. It is immutable once built and safe
// for concurrent use.
type Index struct {
	entries []entryInfo
	names   []nameInfo
	// toks holds every distinct folded word, sorted so that exact and
	// prefix look-ups are binary searches.
	toks []tokenInfo
	// toksByLen lists words by rune length with their rune sets, so that a
	// typo scan reads only words of a plausible length, from packed memory.
	toksByLen [][]tokRef
	// alpha lists entries by display name for an empty autocomplete.
	alpha []int32
	// Per-name facts needed by whole-index scans, packed apart from
	// nameInfo so that a scan of thousands of names stays in cache.
	nameEntry []int32
	nameMask  []uint64 // rune bits of all words of the name
	nameInits []uint64 // rune bits of each word's first rune
	// cmpctNames finds names by their words run together, for input typed
	// without spaces ("janedoe") or with extra ones ("mac donald").
	cmpctNames map[string][]int32
	// joinedByLen lists names of two or more core words by the rune length
	// of their compact form, so that a typo in run-together input is only
	// checked against names of a plausible length.
	joinedByLen [][]int32
}

type entryInfo struct {
	id, display string
	key         string // folded display name, for stable alphabetical order
	rank        int32  // position in alpha: the tie-break between equal scores
}

type nameInfo struct {
	entry int32
	alias string // the name as given, reported in Match.Alias
	full  string // folded words joined by spaces
	core  string // the same without titles and post-nominals
	cmpct string // core words joined without spaces: "janedoe"
	cmask uint64 // rune bits of cmpct
	// cmpctLen is cmpct's length in runes.
	cmpctLen int
	toks     []int32
	coreLo   int // toks[coreLo:coreHi] are the core words
	coreHi   int
}

type tokRef struct {
	id   int32
	mask uint64
}

type tokenInfo struct {
	text  string
	runes []rune
	mask  uint64
	names []int32 // names containing the word, ascending
}

// maxNameWords bounds the words of one name so that a uint64 can record
// which of them a query has used.
const maxNameWords = 64

// maxLenBucket is the last joinedByLen bucket; longer compact names share it.
const maxLenBucket = 63

// NewIndex builds an Index. Entries without an ID or display name are
// skipped, as are names that fold to nothing and repeats of a name within
// one entry. Entry IDs are expected to be unique.
func NewIndex(entries []Entry) *Index {
	ix := &Index{cmpctNames: map[string][]int32{}, joinedByLen: make([][]int32, maxLenBucket+1)}
	v := &vocab{ids: map[string]int32{}}
	for _, e := range entries {
		if e.ID == "" || len(e.Names) == 0 || strings.TrimSpace(e.Names[0]) == "" {
			continue
		}
		ei := int32(len(ix.entries))
		ix.entries = append(ix.entries, entryInfo{
			id: e.ID, display: e.Names[0], key: Key(e.Names[0]),
		})
		first := len(ix.names)
		for _, alias := range e.Names {
			ix.addName(v, ei, first, alias)
		}
	}
	ix.sortTokens(v.words, v.posts)
	ix.sortAlpha()
	return ix
}

// vocab numbers the distinct words of all names while the index is built,
// with the names holding each.
type vocab struct {
	ids   map[string]int32
	words []string
	posts [][]int32
}

// addName adds one name of entry ei, unless it folds to nothing or repeats
// a name of the same entry (whose names start at first).
func (ix *Index) addName(v *vocab, ei int32, first int, alias string) {
	toks := tokenize(alias, 0)
	if len(toks) == 0 {
		return
	}
	if len(toks) > maxNameWords {
		toks = toks[:maxNameWords]
	}
	lo, hi := coreRange(toks)
	nm := nameInfo{
		entry: ei, alias: alias, full: strings.Join(toks, " "),
		core: strings.Join(toks[lo:hi], " "), cmpct: strings.Join(toks[lo:hi], ""),
		coreLo: lo, coreHi: hi,
	}
	nm.cmask, nm.cmpctLen = maskOf(nm.cmpct), utf8.RuneCountInString(nm.cmpct)
	if slices.ContainsFunc(ix.names[first:], func(o nameInfo) bool { return o.full == nm.full }) {
		return
	}
	ni := int32(len(ix.names))
	var mask, inits uint64
	for _, t := range toks {
		id, ok := v.ids[t]
		if !ok {
			id = int32(len(v.words))
			v.ids[t] = id
			v.words = append(v.words, t)
			v.posts = append(v.posts, nil)
		}
		if p := v.posts[id]; len(p) == 0 || p[len(p)-1] != ni {
			v.posts[id] = append(p, ni)
		}
		nm.toks = append(nm.toks, id)
		mask |= maskOf(t)
		r, _ := utf8.DecodeRuneInString(t)
		inits |= runeBit(r)
	}
	ix.names = append(ix.names, nm)
	ix.nameEntry = append(ix.nameEntry, ei)
	ix.nameMask = append(ix.nameMask, mask)
	ix.nameInits = append(ix.nameInits, inits)
	ix.cmpctNames[nm.cmpct] = append(ix.cmpctNames[nm.cmpct], ni)
	if hi-lo > 1 {
		b := min(nm.cmpctLen, maxLenBucket)
		ix.joinedByLen[b] = append(ix.joinedByLen[b], ni)
	}
}

// sortAlpha orders the entries by display name for an empty autocomplete,
// and gives each its rank: the tie-break between equal scores.
func (ix *Index) sortAlpha() {
	ix.alpha = make([]int32, len(ix.entries))
	for i := range ix.alpha {
		ix.alpha[i] = int32(i)
	}
	slices.SortFunc(ix.alpha, func(a, b int32) int {
		ea, eb := &ix.entries[a], &ix.entries[b]
		return cmp.Or(strings.Compare(ea.key, eb.key), strings.Compare(ea.display, eb.display),
			strings.Compare(ea.id, eb.id), cmp.Compare(a, b))
	})
	for rank, e := range ix.alpha {
		ix.entries[e].rank = int32(rank)
	}
}

// sortTokens orders the words and renumbers the names' word ids to match.
func (ix *Index) sortTokens(words []string, posts [][]int32) {
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(words[a], words[b]) })
	renum := make([]int32, len(words))
	ix.toks = make([]tokenInfo, len(words))
	ix.toksByLen = make([][]tokRef, maxTypoRunes+1)
	for newID, old := range order {
		renum[old] = int32(newID)
		w := words[old]
		t := tokenInfo{text: w, runes: []rune(w), mask: maskOf(w), names: posts[old]}
		ix.toks[newID] = t
		if n := len(t.runes); n <= maxTypoRunes {
			ix.toksByLen[n] = append(ix.toksByLen[n], tokRef{int32(newID), t.mask})
		}
	}
	for i := range ix.names {
		for j, id := range ix.names[i].toks {
			ix.names[i].toks[j] = renum[id]
		}
	}
}

// findToken returns the position of the first word >= s.
func (ix *Index) findToken(s string) int {
	i, _ := slices.BinarySearchFunc(ix.toks, s, func(t tokenInfo, s string) int {
		return strings.Compare(t.text, s)
	})
	return i
}

// toMatch reports candidate c as a Match.
func (ix *Index) toMatch(c cand) Match {
	e := &ix.entries[c.entry]
	return Match{ID: e.id, Name: e.display, Alias: ix.names[c.name].alias, Score: int(c.score), Exact: c.exact}
}
