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
	var prevExt [itemKinds]*extWords
	var gone []*Document // prev's articles this base did not keep, found once for the three kinds
	if prev != nil {
		prevExt = [itemKinds]*extWords{prev.eventWords.ext, prev.figureWords.ext, prev.quoteWords.ext}
		for _, pd := range prev.docs {
			if d := b.docByID[pd.ID]; d == nil || !d.work.kept {
				gone = append(gone, pd)
			}
		}
	}
	var wg sync.WaitGroup
	work := func(kind int, ix *wordIndex, n int, entryOf func(i int) (*Document, wordEntry, bool), curatedTexts func(i int) []string) {
		defer wg.Done()
		*ix = newWordIndex(n, func(i int) []string {
			if _, _, ok := entryOf(i); ok {
				return nil
			}
			return curatedTexts(i)
		}, b.index)
		b.indexExtracted(kind, ix, gone, prevExt[kind], terms, entryOf)
	}
	build := func(kind int, ix *wordIndex, n int, entryOf func(i int) (*Document, wordEntry, bool), curatedTexts func(i int) []string) {
		if b.workers > 1 {
			go work(kind, ix, n, entryOf, curatedTexts)
		} else {
			work(kind, ix, n, entryOf, curatedTexts) // one worker: keep to one core
		}
	}
	wg.Add(itemKinds)
	build(eventItems, &b.eventWords, len(b.events), func(i int) (*Document, wordEntry, bool) {
		e := b.events[i]
		if !e.Extracted {
			return nil, wordEntry{}, false
		}
		return e.Citations[0].Doc, wordEntry{a: e.sent}, true
	}, func(i int) []string {
		e := b.events[i]
		texts := []string{e.Text}
		for _, id := range e.People {
			if p := b.personByID[id]; p != nil {
				texts = append(texts, p.Names()...)
			}
		}
		return appendQuotes(texts, e.Citations)
	})
	build(figureItems, &b.figureWords, len(b.figures), func(i int) (*Document, wordEntry, bool) {
		f := b.figures[i]
		if !f.Extracted {
			return nil, wordEntry{}, false
		}
		return f.Citations[0].Doc, wordEntry{a: int32(f.at), value: f.Value, unit: f.Unit}, true
	}, func(i int) []string {
		f := b.figures[i]
		return appendQuotes([]string{f.Value, f.Unit, f.About, f.Topic}, f.Citations)
	})
	// A quote is about what its sentence names outside the quote marks
	// too, and often what the sentence before it names ("Some fear X will
	// sue. "…," he said.").
	build(quoteItems, &b.quoteWords, len(b.quotes), func(i int) (*Document, wordEntry, bool) {
		q := b.quotes[i]
		if !q.Extracted {
			return nil, wordEntry{}, false
		}
		return q.Cite.Doc, wordEntry{a: int32(q.Cite.Start), b: int32(q.Cite.End)}, true
	}, func(i int) []string { return quoteTexts(b.quotes[i]) })
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
	wg.Wait()
}

// indexExtracted adds the extracted items of one kind to ix: an item an
// article kept from the previous base yielded before keeps its handle; the
// entries of gone, the articles that base had and this one does not keep,
// are taken out.
func (b *Base) indexExtracted(kind int, ix *wordIndex, gone []*Document, prevExt *extWords, terms *sentTerms, entryOf func(i int) (*Document, wordEntry, bool)) {
	ed := newExtEdit(prevExt, b.index, terms)
	if prevExt != nil {
		for _, pd := range gone {
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
		fresh[d] = append(fresh[d], e)
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
