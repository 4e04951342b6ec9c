package search

import (
	"maps"
	"math"
	"slices"
)

// Editor derives a new version of an Index with units removed and added,
// leaving the original as it was: a reload then costs the units that
// changed, not the whole corpus. The new version shares the postings of
// every term the edit did not touch. It is not safe for concurrent use.
type Editor struct {
	prev *Index
	voc  *vocab // prev's, until a new word comes; then a copy
	own  bool   // voc is this editor's copy
	// Counts and postings as they will be: prev's until the first change
	// (counted), then copies.
	counted bool
	wordDF  []int32
	lens    []int32
	free    []int32 // prev's free ids not yet reused
	freed   []int32 // ids removed by this edit
	live    int
	sum     int64
	// Postings added, unit after unit in the order added, so ascending
	// ids within a term: sorted by term once in Build, where a list per
	// term meant tens of thousands of growing arrays on a first load.
	// addTerm and addTF hold each unit's distinct terms, ascending, and
	// their frequencies; addID and addEnd each unit's id and the end of
	// its terms. Six bytes a posting, not a struct of twelve, and a
	// caller that reads the terms again keeps addTerm (see Added).
	addTerm []int32
	addTF   []uint16
	addID   []int32
	addEnd  []int32
	remove  map[int32][]int32 // term → ids removed
	scratch []int32
	mark    []int32 // word id → the call of terms that last counted it
	call    int32
	buf     []byte
	hot     *[hotSlots]hotWord // made on the first word learned
}

// hotSlots is the size of an Editor's cache of learned words.
const hotSlots = 1 << 12

// hotWord is a word and its id in the cache in front of the vocabulary
// map. Its slot is the word's first learned claimant: news vocabulary is
// Zipfian, and the words an index learns first are mostly its most
// frequent, which then cost a short hash and a compare, not a probe of a
// map too large for the processor's caches.
type hotWord struct {
	word string
	id   int32
}

// hotSlot returns the cache slot of a normalised word (FNV-1a).
func hotSlot(norm []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range norm {
		h = (h ^ uint32(c)) * 16777619
	}
	return h & (hotSlots - 1)
}

// Edit starts a new version of the index.
func (ix *Index) Edit() *Editor {
	e := &Editor{prev: ix, voc: ix.voc, live: ix.live, sum: ix.sum,
		wordDF: ix.wordDF, lens: ix.lens, free: ix.free,
		remove: map[int32][]int32{}}
	if e.voc == nil {
		e.voc = &vocab{words: make(map[string]int32, 1<<14), terms: make(map[string]int32, 1<<13)}
		e.own = true
	}
	return e
}

// Add indexes one unit, typically a sentence, and returns its id: the
// lowest id a removal freed before this edit, or the next unused one.
func (e *Editor) Add(text string) int32 { return e.add(text) }

// AddTerms is Add that also returns where the unit's distinct terms,
// ascending, are in Added: Added()[from:to] (see Index.Stem). A caller
// that reads a unit's stems again then need not tokenise and look up its
// words a second time.
func (e *Editor) AddTerms(text string) (id, from, to int32) {
	from = int32(len(e.addTerm))
	id = e.add(text)
	return id, from, int32(len(e.addTerm))
}

// Added returns the distinct terms of every unit added by this edit so
// far, unit after unit (see AddTerms). Build does not change it, and it
// is the editor's own array: a caller keeping it keeps no copy.
func (e *Editor) Added() []int32 { return e.addTerm }

// add indexes one unit and returns its id.
func (e *Editor) add(text string) int32 {
	e.ownCounts()
	var id int32
	if len(e.free) > 0 {
		id, e.free = e.free[0], e.free[1:]
	} else {
		id = int32(len(e.lens))
		e.lens = append(e.lens, -1)
	}
	terms := e.terms(text, true)
	e.lens[id] = int32(len(terms))
	e.live++
	e.sum += int64(len(terms))
	// Sorting groups repeats so that each term gets one posting with its
	// frequency; units are short, so this beats a map.
	slices.Sort(terms)
	for i := 0; i < len(terms); {
		j := i + 1
		for j < len(terms) && terms[j] == terms[i] {
			j++
		}
		e.addTerm = append(e.addTerm, terms[i])
		e.addTF = append(e.addTF, uint16(min(j-i, math.MaxUint16)))
		i = j
	}
	e.addID = append(e.addID, id)
	e.addEnd = append(e.addEnd, int32(len(e.addTerm)))
	return id
}

// Remove takes unit id out of the index; text must be the text it was
// added with, which is read again rather than kept for every unit.
func (e *Editor) Remove(id int32, text string) {
	if int(id) >= len(e.lens) || e.lens[id] < 0 {
		return
	}
	e.ownCounts()
	terms := e.terms(text, false)
	e.live--
	e.sum -= int64(e.lens[id])
	e.lens[id] = -1
	e.freed = append(e.freed, id)
	slices.Sort(terms)
	for i, t := range terms {
		if i == 0 || terms[i-1] != t {
			e.remove[t] = append(e.remove[t], id)
		}
	}
}

// terms returns the non-stop term ids of text, learning new words when
// adding, and counts each distinct word of the unit once in wordDF: a
// word is counted when its mark is not this call's, which costs less than
// sorting the unit's words to find repeats.
func (e *Editor) terms(text string, adding bool) []int32 {
	delta := int32(1)
	if !adding {
		delta = -1
	}
	e.call++
	sc := scanner{text: text, buf: e.buf}
	terms := e.scratch[:0]
	for {
		_, _, norm, ok := sc.next()
		if !ok {
			break
		}
		var w int32
		var hot *hotWord
		if e.hot != nil {
			hot = &e.hot[hotSlot(norm)]
		}
		if hot != nil && hot.word == string(norm) {
			w = hot.id
		} else if id, seen := e.voc.words[string(norm)]; seen {
			w = id
		} else {
			if !adding {
				continue // cannot be: the unit was added with this text
			}
			word := string(norm)
			w = e.learn(word)
			if e.hot == nil {
				e.hot = new([hotSlots]hotWord)
				hot = &e.hot[hotSlot(norm)]
			}
			if hot.word == "" {
				hot.word, hot.id = word, w
			}
		}
		if int(w) >= len(e.mark) {
			e.mark = append(e.mark, make([]int32, int(w)+1-len(e.mark))...)
		}
		if e.mark[w] != e.call {
			e.mark[w] = e.call
			e.wordDF[w] += delta
		}
		if t := e.voc.wordTerm[w]; t != stopTerm {
			terms = append(terms, t)
		}
	}
	e.buf = sc.buf
	e.scratch = terms
	return terms
}

// learn records a word seen for the first time, stemming it once:
// Snowball costs about a microsecond a word, a map lookup a few
// nanoseconds, and news vocabulary repeats heavily.
func (e *Editor) learn(word string) int32 {
	if !e.own {
		v := e.voc
		e.voc = &vocab{words: maps.Clone(v.words), wordTerm: slices.Clone(v.wordTerm),
			terms: maps.Clone(v.terms), stems: slices.Clone(v.stems)}
		e.own = true
	}
	v := e.voc
	t := int32(stopTerm)
	if stem := stemOf(word); stem != "" {
		var ok bool
		if t, ok = v.terms[stem]; !ok {
			t = int32(len(v.stems))
			v.terms[stem] = t
			v.stems = append(v.stems, stem)
		}
	}
	w := int32(len(v.wordTerm))
	v.words[word] = w
	v.wordTerm = append(v.wordTerm, t)
	e.wordDF = append(e.wordDF, 0)
	return w
}

// ownCounts copies prev's counts before the first change.
func (e *Editor) ownCounts() {
	if !e.counted {
		e.wordDF, e.lens, e.counted = slices.Clone(e.wordDF), slices.Clone(e.lens), true
	}
}

// unchanged reports whether the edit changed nothing and order ranks the
// units as prev does: prev is then the edited index.
func (e *Editor) unchanged(order []int32) bool {
	if e.counted || e.prev == nil || e.prev.voc == nil || e.own || len(order) != e.prev.live {
		return false
	}
	for i, u := range order {
		if e.prev.rank[u] != int32(i) {
			return false
		}
	}
	return true
}

// Build returns the edited index. order lists the live unit ids in the
// caller's order, which breaks ties between equal scores; nil means by id.
// The Editor must not be used afterwards.
func (e *Editor) Build(order []int32) *Index {
	if e.unchanged(order) {
		return e.prev // immutable: a reload that changed no article shares it
	}
	ix := &Index{voc: e.voc, wordDF: e.wordDF, lens: e.lens, live: e.live, sum: e.sum}
	ix.free = append(slices.Clone(e.free), e.freed...)
	slices.Sort(ix.free)
	ix.post = make([]postings, len(e.voc.stems))
	if e.prev != nil {
		copy(ix.post, e.prev.post)
	}
	for t, ids := range e.remove {
		ix.post[t] = without(ix.post[t], ids)
	}
	e.mergeAdded(ix.post)
	ix.rank = make([]int32, len(ix.lens))
	if order == nil {
		for u := range ix.rank {
			ix.rank[u] = int32(u)
		}
	} else {
		for i, u := range order {
			ix.rank[u] = int32(i)
		}
	}
	ix.setStats()
	return ix
}
