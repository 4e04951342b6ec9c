package facts

import (
	"maps"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts/search"
)

// Kinds of extracted item an about: filter looks through.
const (
	eventItems = iota
	figureItems
	quoteItems
	itemKinds
)

// wordEntry is an extracted item an article can yield, by where it is in
// the article, and its handle in the extracted items' word index. Its words
// depend on nothing but the article's text and the entry, so the entry and
// its postings hold for as long as the article's bytes do.
type wordEntry struct {
	a, b        int32  // events: sentence; figures: start; quotes: start, end
	value, unit string // figures
	handle      int32
}

func entryLess(x, y wordEntry) int {
	if x.a != y.a {
		return int(x.a - y.a)
	}
	if x.b != y.b {
		return int(x.b - y.b)
	}
	if c := strings.Compare(x.value, y.value); c != 0 {
		return c
	}
	return strings.Compare(x.unit, y.unit)
}

// entryTexts returns the texts an entry's item is found by, as the
// curated items' texts are made: an event's sentence; a figure's value,
// unit and sentence; a quote's words, its sentence and the one before.
func entryTexts(kind int, d *Document, e wordEntry) []string {
	texts, sents := entrySources(kind, d, e)
	for _, s := range sents {
		texts = append(texts, d.SentenceText(s))
	}
	return texts
}

// entrySources returns entryTexts in two parts: the texts that are not
// whole sentences, and the sentences, whose terms the search index may
// hold already.
func entrySources(kind int, d *Document, e wordEntry) (texts []string, sents []int) {
	switch kind {
	case eventItems:
		return nil, []int{int(e.a)}
	case figureItems:
		if s := d.SentenceAt(int(e.a)); s >= 0 {
			return []string{e.value, e.unit}, []int{s}
		}
		return []string{e.value, e.unit}, nil
	}
	texts = []string{d.Text[e.a:e.b]}
	if s := d.SentenceAt(int(e.a)); s >= 0 {
		for _, j := range []int{s - 1, s} {
			if j >= 0 {
				sents = append(sents, j)
			}
		}
	}
	return texts, sents
}

// extWords maps stems to the handles of extracted items holding them. It
// is immutable once built; a reload derives the next one with extEdit,
// sharing the postings of every stem no changed article touches.
type extWords struct {
	post map[string][]int32 // stem -> handles, ascending
	free []int32            // handles of entries gone, for reuse
	next int32              // handles ever given
}

// extEdit derives the next extWords.
type extEdit struct {
	prev  *extWords
	vocab *search.Index
	terms *sentTerms // of the sentences this load indexed, or nil
	// The distinct stems of the entry read last (see read): term ids
	// where the search index has the stem, which cost no hashing and
	// are told apart by a mark per term, else strings.
	pass   int32
	seen   []int32 // term id → the pass that last read it
	ids    []int32
	odd    []string
	addT   [][]int32 // term id → handles added; folded into add by build
	add    map[string][]int32
	remove map[string][]int32
	free   []int32
	freed  []int32
	next   int32
}

func newExtEdit(prev *extWords, vocab *search.Index, terms *sentTerms) *extEdit {
	ed := &extEdit{prev: prev, vocab: vocab, terms: terms, add: map[string][]int32{}, remove: map[string][]int32{}}
	if prev == nil {
		// A first load marks most terms: one allocation each. A reload
		// grows them as far as its few entries need.
		n := vocab.TermCount()
		ed.prev, ed.seen, ed.addT = &extWords{}, make([]int32, n), make([][]int32, n)
	}
	ed.free, ed.next = ed.prev.free, ed.prev.next
	return ed
}

// read gathers the distinct stems of texts and of d's sentences sents
// into ids and odd; a sentence's terms come from the search index's
// build where it has them.
func (ed *extEdit) read(texts []string, d *Document, sents []int) {
	ed.pass++
	ed.ids, ed.odd = ed.ids[:0], ed.odd[:0]
	term := func(t int32, stem string) {
		if t < 0 {
			if !slices.Contains(ed.odd, stem) {
				ed.odd = append(ed.odd, stem)
			}
			return
		}
		if int(t) >= len(ed.seen) {
			ed.seen = append(ed.seen, make([]int32, int(t)+1-len(ed.seen))...)
		}
		if ed.seen[t] != ed.pass {
			ed.seen[t] = ed.pass
			ed.ids = append(ed.ids, t)
		}
	}
	for _, t := range texts {
		ed.vocab.EachTerm(t, term)
	}
	for _, s := range sents {
		terms, ok := ed.terms.of(d.work.units[s])
		if !ok {
			ed.vocab.EachTerm(d.SentenceText(s), term)
			continue
		}
		for _, t := range terms {
			term(t, "")
		}
	}
}

// put indexes a new entry and returns its handle: texts and d's
// sentences sents are what it is found by (see entrySources).
func (ed *extEdit) put(texts []string, d *Document, sents []int) int32 {
	var h int32
	if len(ed.free) > 0 {
		h, ed.free = ed.free[0], ed.free[1:]
	} else {
		h = ed.next
		ed.next++
	}
	ed.read(texts, d, sents)
	for _, t := range ed.ids {
		if int(t) >= len(ed.addT) {
			ed.addT = append(ed.addT, make([][]int32, int(t)+1-len(ed.addT))...)
		}
		ed.addT[t] = append(ed.addT[t], h)
	}
	for _, s := range ed.odd {
		ed.add[s] = append(ed.add[s], h)
	}
	return h
}

// drop takes an entry of an article gone or changed out of the index.
func (ed *extEdit) drop(h int32, texts []string) {
	ed.read(texts, nil, nil)
	for _, t := range ed.ids {
		s := ed.vocab.Stem(t)
		ed.remove[s] = append(ed.remove[s], h)
	}
	for _, s := range ed.odd {
		ed.remove[s] = append(ed.remove[s], h)
	}
	ed.freed = append(ed.freed, h)
}

func (ed *extEdit) build() *extWords {
	out := &extWords{post: ed.prev.post, next: ed.next}
	out.free = append(slices.Clone(ed.free), ed.freed...)
	slices.Sort(out.free)
	added := len(ed.add)
	for _, hs := range ed.addT {
		if len(hs) > 0 {
			added++
		}
	}
	if added == 0 && len(ed.remove) == 0 {
		return out
	}
	if out.post == nil {
		out.post = make(map[string][]int32, added)
	} else {
		out.post = maps.Clone(out.post)
	}
	for s, hs := range ed.remove {
		slices.Sort(hs)
		p := make([]int32, 0, len(out.post[s]))
		for _, h := range out.post[s] {
			if _, gone := slices.BinarySearch(hs, h); !gone {
				p = append(p, h)
			}
		}
		if len(p) == 0 {
			delete(out.post, s)
		} else {
			out.post[s] = p
		}
	}
	for s, hs := range ed.add {
		addPostings(out.post, s, hs)
	}
	for t, hs := range ed.addT {
		if len(hs) > 0 {
			addPostings(out.post, ed.vocab.Stem(int32(t)), hs) // no stem with a term is in add
		}
	}
	return out
}

// addPostings adds the handles hs to stem s's postings.
func addPostings(post map[string][]int32, s string, hs []int32) {
	slices.Sort(hs)
	old := post[s]
	if len(old) == 0 {
		post[s] = hs
		return
	}
	p := make([]int32, 0, len(old)+len(hs))
	i, j := 0, 0
	for i < len(old) || j < len(hs) {
		if j == len(hs) || (i < len(old) && old[i] < hs[j]) {
			p = append(p, old[i])
			i++
		} else {
			p = append(p, hs[j])
			j++
		}
	}
	post[s] = p
}
