package facts

import (
	"slices"
	"sync"
)

// indexWords builds the about: indexes and the per-person lists once the
// base is complete. prev is the base this one replaces, or nil: the words
// of the extracted items of every article a reload kept are in its indexes
// already, so only the items of new or changed articles are read.
func (b *Base) indexWords(prev *Base, terms *sentTerms) {
	src := b.extSourceFrom(prev, terms)
	var wg sync.WaitGroup
	build := func(kind int, ix *wordIndex, n int, entryOf entryFunc, curatedTexts func(i int) []string) {
		work := func() {
			defer wg.Done()
			*ix = newWordIndex(n, func(i int) []string {
				if _, _, ok := entryOf(i); ok {
					return nil
				}
				return curatedTexts(i)
			}, b.index)
			b.indexExtracted(kind, ix, src, entryOf)
		}
		if b.workers > 1 {
			go work()
		} else {
			work() // one worker: keep to one core
		}
	}
	wg.Add(itemKinds)
	build(eventItems, &b.eventWords, len(b.events), b.eventEntry, b.eventTexts)
	build(figureItems, &b.figureWords, len(b.figures), b.figureEntry, b.figureTexts)
	build(quoteItems, &b.quoteWords, len(b.quotes), b.quoteEntry, func(i int) []string { return quoteTexts(b.quotes[i]) })
	b.indexByPerson()
	wg.Wait()
}

// entryFunc gives item i's article and about: entry when it was extracted
// from an article, and ok false for a curated one.
type entryFunc func(i int) (d *Document, e wordEntry, ok bool)

// extSource is what indexing extracted items reads besides the base: the
// previous base's indexes of them and the articles it had that this one
// does not keep (none on a first load), and the terms of every sentence
// the search index's build read.
type extSource struct {
	prev  [itemKinds]*extWords
	gone  []*Document
	terms *sentTerms
}

// extSourceFrom finds prev's articles this base did not keep once, for the
// three kinds of items.
func (b *Base) extSourceFrom(prev *Base, terms *sentTerms) extSource {
	src := extSource{terms: terms}
	if prev == nil {
		return src
	}
	src.prev = [itemKinds]*extWords{prev.eventWords.ext, prev.figureWords.ext, prev.quoteWords.ext}
	for _, pd := range prev.docs {
		if d := b.docByID[pd.ID]; d == nil || !d.work.kept {
			src.gone = append(src.gone, pd)
		}
	}
	return src
}

func (b *Base) eventEntry(i int) (*Document, wordEntry, bool) {
	e := b.events[i]
	if !e.Extracted {
		return nil, wordEntry{}, false
	}
	return e.Citations[0].Doc, wordEntry{a: e.sent}, true
}

// eventTexts is what a curated event is about: its text, its people's
// names and its quotes.
func (b *Base) eventTexts(i int) []string {
	e := b.events[i]
	texts := []string{e.Text}
	for _, id := range e.People {
		if p := b.personByID[id]; p != nil {
			texts = append(texts, p.Names()...)
		}
	}
	return appendQuotes(texts, e.Citations)
}

func (b *Base) figureEntry(i int) (*Document, wordEntry, bool) {
	f := b.figures[i]
	if !f.Extracted {
		return nil, wordEntry{}, false
	}
	return f.Citations[0].Doc, wordEntry{a: int32(f.at), value: f.Value, unit: f.Unit}, true
}

func (b *Base) figureTexts(i int) []string {
	f := b.figures[i]
	return appendQuotes([]string{f.Value, f.Unit, f.About, f.Topic}, f.Citations)
}

// quoteEntry is a quote's whole sentence: a quote is about what its
// sentence names outside the quote marks too, and often what the sentence
// before it names ("Some fear X will sue. "…," he said.").
func (b *Base) quoteEntry(i int) (*Document, wordEntry, bool) {
	q := b.quotes[i]
	if !q.Extracted {
		return nil, wordEntry{}, false
	}
	return q.Cite.Doc, wordEntry{a: int32(q.Cite.Start), b: int32(q.Cite.End)}, true
}

// indexByPerson lists the quotes of each speaker and the events of each
// person.
func (b *Base) indexByPerson() {
	b.quotesBy = map[string][]int{}
	for i, q := range b.quotes {
		b.quotesBy[q.Speaker] = append(b.quotesBy[q.Speaker], i)
	}
	b.eventsWith = map[string][]*Event{}
	for _, e := range b.events {
		for _, id := range e.People {
			b.eventsWith[id] = append(b.eventsWith[id], e)
		}
	}
}

// indexExtracted adds the extracted items of one kind to ix: an item an
// article kept from the previous base yielded before keeps its handle; the
// entries of src.gone, the articles that base had and this one does not
// keep, are taken out.
func (b *Base) indexExtracted(kind int, ix *wordIndex, src extSource, entryOf entryFunc) {
	ed := newExtEdit(src.prev[kind], b.index, src.terms)
	if src.prev[kind] != nil {
		for _, pd := range src.gone {
			for _, e := range pd.work.entries[kind] {
				ed.drop(e.handle, entryTexts(kind, pd, e))
			}
		}
	}
	handles := make([]int32, ix.n)
	fresh := map[*Document][]wordEntry{} // entries new to a kept article
	for i := range handles {
		d, e, ok := entryOf(i)
		if !ok {
			handles[i] = -1
			continue
		}
		have := d.work.entries[kind]
		if k, found := slices.BinarySearchFunc(have, e, entryLess); found {
			handles[i] = have[k].handle
			continue
		}
		texts, sents := entrySources(kind, d, e)
		e.handle = ed.put(texts, d, sents)
		handles[i] = e.handle
		if !b.noReload {
			fresh[d] = append(fresh[d], e)
		}
	}
	for d, es := range fresh {
		// The entries came from prev's docWork and are shared with it:
		// this base gets its own list.
		all := append(slices.Clone(d.work.entries[kind]), es...)
		slices.SortFunc(all, entryLess)
		d.work.entries[kind] = all
	}
	ix.ext = ed.build()
	ix.pos = make([]int32, ix.ext.next)
	for h := range ix.pos {
		ix.pos[h] = -1
	}
	for i, h := range handles {
		if h >= 0 {
			ix.pos[h] = int32(i)
		}
	}
}

// quoteTexts are the texts a quote is about: its words and what it is
// about, and its sentence and the one before, which often name what the
// quote leaves unsaid ("Some fear X will sue. "…," he said.").
func quoteTexts(q *Quote) []string {
	texts := []string{q.Cite.Quote(), q.About}
	if s := q.Cite.Doc.SentenceAt(q.Cite.Start); s >= 0 {
		for _, j := range []int{s - 1, s} {
			if j >= 0 {
				texts = append(texts, q.Cite.Doc.SentenceText(j))
			}
		}
	}
	return texts
}
