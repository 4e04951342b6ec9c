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
	prev   *extWords
	vocab  *search.Index
	terms  *sentTerms // of the sentences this load indexed, or nil
	out    []string   // stems' result, reused from entry to entry
	add    map[string][]int32
	remove map[string][]int32
	free   []int32
	freed  []int32
	next   int32
}

func newExtEdit(prev *extWords, vocab *search.Index, terms *sentTerms) *extEdit {
	if prev == nil {
		prev = &extWords{}
	}
	return &extEdit{prev: prev, vocab: vocab, terms: terms, add: map[string][]int32{}, remove: map[string][]int32{},
		free: prev.free, next: prev.next}
}

// stems returns the distinct stems of texts and of d's sentences sents,
// which are read from the terms the search index gave where it has them.
// The result is valid until the next call.
func (ed *extEdit) stems(texts []string, d *Document, sents []int) []string {
	out := ed.out[:0]
	add := func(stem string) {
		if !slices.Contains(out, stem) {
			out = append(out, stem)
		}
	}
	for _, t := range texts {
		ed.vocab.EachStem(t, add)
	}
	for _, s := range sents {
		terms, ok := ed.terms.of(d.work.units[s])
		if !ok {
			ed.vocab.EachStem(d.SentenceText(s), add)
			continue
		}
		for _, t := range terms {
			add(ed.vocab.Stem(t))
		}
	}
	ed.out = out
	return out
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
	for _, s := range ed.stems(texts, d, sents) {
		ed.add[s] = append(ed.add[s], h)
	}
	return h
}

// drop takes an entry of an article gone or changed out of the index.
func (ed *extEdit) drop(h int32, texts []string) {
	for _, s := range ed.stems(texts, nil, nil) {
		ed.remove[s] = append(ed.remove[s], h)
	}
	ed.freed = append(ed.freed, h)
}

func (ed *extEdit) build() *extWords {
	out := &extWords{post: ed.prev.post, next: ed.next}
	out.free = append(slices.Clone(ed.free), ed.freed...)
	slices.Sort(out.free)
	if len(ed.add) == 0 && len(ed.remove) == 0 {
		return out
	}
	if out.post == nil {
		out.post = make(map[string][]int32, len(ed.add))
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
		slices.Sort(hs)
		old := out.post[s]
		if len(old) == 0 {
			out.post[s] = hs
			continue
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
		out.post[s] = p
	}
	return out
}
