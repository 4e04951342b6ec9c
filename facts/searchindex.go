package facts

import (
	"sync"

	"github.com/briefbot/briefbot/facts/search"
)

// indexBuild builds a base's search index once started, on a goroutine of
// its own when the load has more than one worker.
type indexBuild struct {
	b, prev *Base
	once    sync.Once
	done    chan struct{}
	terms   *sentTerms
}

// start starts the build, the first time it is called.
func (ib *indexBuild) start() {
	ib.once.Do(func() {
		if ib.b.workers > 1 {
			go ib.run()
		} else {
			ib.run() // one worker: keep to one core
		}
	})
}

func (ib *indexBuild) run() {
	defer close(ib.done)
	ib.terms = ib.b.buildIndex(ib.prev)
}

// wait starts the build if it has not started, waits for it, and returns
// the terms of the sentences it read (see buildIndex).
func (ib *indexBuild) wait() *sentTerms {
	ib.start()
	<-ib.done
	return ib.terms
}

// buildIndex makes the search index of the articles' sentences. With the
// base this load replaces, it edits that base's index instead of building
// one: the sentences of an article whose bytes did not change keep their
// unit ids (in the article's docWork), those of an article gone or changed
// are taken out, and only new text is read, so a reload costs what
// changed. The ranking is the same as a fresh build's: the index breaks
// ties by the order of the articles given here, not by unit id.
//
// On a first load it returns the distinct terms of the sentences, which
// the about: indexes read instead of tokenising those sentences again.
func (b *Base) buildIndex(prev *Base) *sentTerms {
	ed := b.indexEditor(prev)
	total, top := 0, int32(-1)
	for _, d := range b.docs {
		if d.work.units == nil {
			total += len(d.Sentences)
			top += int32(len(d.Text))
		}
	}
	// About one distinct term in ten bytes of news text (BBC articles:
	// 9.96), so one in nine leaves room: one allocation of about the size
	// needed, not a growing array of several megabytes copied on the way.
	ed.Reserve(int(top/9), total) // a posting per distinct term of a sentence
	var st *sentTerms
	if prev == nil {
		// A reload reads few sentences: they are tokenised again.
		st = &sentTerms{start: make([]int32, total), end: make([]int32, total)}
	}
	total, top = 0, -1
	for _, d := range b.docs {
		if d.work.units == nil {
			st.add(ed, d)
		}
		total += len(d.work.units)
		for _, u := range d.work.units {
			top = max(top, u)
		}
	}
	if st != nil {
		st.terms = ed.Added() // the editor's array, which Build leaves
	}
	order := make([]int32, 0, total)
	b.units = make([]unit, top+1)
	for _, d := range b.docs {
		order = append(order, d.work.units...)
		for i, u := range d.work.units {
			b.units[u] = unit{d, i}
		}
	}
	b.index = ed.Build(order)
	return st
}

// indexEditor edits prev's index, with the sentences of the articles this
// base does not keep taken out, or starts an empty one.
func (b *Base) indexEditor(prev *Base) *search.Editor {
	if prev == nil || prev.index == nil {
		return (&search.Index{}).Edit()
	}
	ed := prev.index.Edit()
	for _, pd := range prev.docs {
		if d := b.docByID[pd.ID]; d != nil && d.work != nil && d.work.units != nil {
			continue // kept, with its unit ids
		}
		if pd.work == nil || pd.work.units == nil {
			continue
		}
		for i, u := range pd.work.units {
			ed.Remove(u, pd.SentenceText(i))
		}
	}
	return ed
}

// add puts d's sentences into the index ed builds, giving d its unit ids,
// and records their terms in st; a nil st (a reload) records none.
func (st *sentTerms) add(ed *search.Editor, d *Document) {
	d.work.units = make([]int32, len(d.Sentences))
	for i := range d.Sentences {
		if st == nil {
			d.work.units[i] = ed.Add(d.SentenceText(i))
			continue
		}
		u, from, to := ed.AddTerms(d.SentenceText(i))
		d.work.units[i] = u
		st.set(u, from, to)
	}
}

// sentTerms holds the distinct terms of the sentences a load added to the
// search index, by unit id; it lives only until the about: indexes are
// built. A reload has none: its few sentences are tokenised again.
type sentTerms struct {
	start, end []int32 // unit id → its terms' range; end 0: none
	terms      []int32 // the search index editor's (Editor.Added)
}

// set records that unit u's terms are terms[start:end].
func (st *sentTerms) set(u, start, end int32) {
	for int(u) >= len(st.start) {
		st.start, st.end = append(st.start, 0), append(st.end, 0)
	}
	st.start[u], st.end[u] = start, end
}

// of returns unit u's terms, and false when this load did not add it.
func (st *sentTerms) of(u int32) ([]int32, bool) {
	if st == nil || int(u) >= len(st.end) || st.end[u] == 0 {
		return nil, false
	}
	return st.terms[st.start[u]:st.end[u]], true
}
