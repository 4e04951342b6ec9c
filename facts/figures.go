package facts

import (
	"github.com/briefbot/briefbot/facts/numbers"
	"github.com/briefbot/briefbot/facts/prose"
)

// extractFigures adds the numbers each story sentence gives with a unit
// ("31 allied nations", "up to 30 countries", "2.5% of …"). A figure a
// curator already cites is not added again; a bare number with nothing it
// counts says too little to list.
func (b *Base) extractFigures() {
	curated := b.figures
	found := parallel(b.docs, b.workers, func(d *Document) []numbers.Figure {
		if w := d.work; w != nil && w.figsDone {
			return w.figures
		}
		figs := numbers.Find(d.Text)
		if w := d.work; w != nil {
			w.figures, w.figsDone = figs, true
		}
		return figs
	})
	for di, d := range b.docs {
		for _, f := range found[di] {
			if !keepFigure(f) {
				continue
			}
			si := d.SentenceAt(f.Start)
			if si < 0 || d.Sentences[si].Kind != prose.Story {
				continue
			}
			c := Citation{Doc: d, Start: f.Start, End: f.End}
			if curatedFigureAt(curated, c) {
				continue
			}
			s := d.Sentences[si]
			value := f.Value
			if f.Qualifier != "" {
				value = f.Qualifier + " " + value
			}
			b.figures = append(b.figures, &Figure{
				ID:        d.ID + "-" + itoa(f.Start),
				Value:     value,
				Unit:      f.Unit,
				Citations: []Citation{{Doc: d, Start: s.Start, End: s.End}},
				Extracted: true,
			})
		}
	}
}

// curatedFigureAt reports whether a curated figure cites text overlapping c.
func curatedFigureAt(curated []*Figure, c Citation) bool {
	for _, f := range curated {
		if citesWithin(f.Citations, c) {
			return true
		}
	}
	return false
}
