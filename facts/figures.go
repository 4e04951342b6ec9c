package facts

import (
	"github.com/briefbot/briefbot/facts/numbers"
	"github.com/briefbot/briefbot/facts/prose"
	"strings"
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
				at:        f.Start,
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

// NumberIn is a figure a text gives, such as a statement someone asks the
// bot about: its number as written, with its hedge, and what it counts.
type NumberIn struct {
	Value string // "up to 30", "2.5%"
	Unit  string // "countries"; "" for a share or a sum
}

// NumbersIn returns the figures of a text that say what they count, as
// the extraction of figures reads them in articles.
func NumbersIn(text string) []NumberIn {
	var out []NumberIn
	for _, f := range numbers.Find(text) {
		if keepFigure(f) {
			out = append(out, NumberIn{Value: strings.TrimSpace(f.Qualifier + " " + f.Value), Unit: f.Unit})
		}
	}
	return out
}
