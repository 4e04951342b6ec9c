package facts

import (
	"github.com/briefbot/briefbot/facts/search"
)

// buildIndex makes the search index of the articles' sentences. With the
// base this load replaces, it edits that base's index instead of building
// one: the sentences of an article whose bytes did not change keep their
// unit ids (in the article's docWork), those of an article gone or changed
// are taken out, and only new text is read, so a reload costs what
// changed. The ranking is the same as a fresh build's: the index breaks
// ties by the order of the articles given here, not by unit id.
func (b *Base) buildIndex(prev *Base) {
	var ed *search.Editor
	if prev != nil && prev.index != nil {
		ed = prev.index.Edit()
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
	} else {
		ed = (&search.Index{}).Edit()
	}
	total, top := 0, int32(-1)
	for _, d := range b.docs {
		if d.work.units == nil {
			d.work.units = make([]int32, len(d.Sentences))
			for i := range d.Sentences {
				d.work.units[i] = ed.Add(d.SentenceText(i))
			}
		}
		total += len(d.work.units)
		for _, u := range d.work.units {
			top = max(top, u)
		}
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
}
