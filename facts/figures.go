package facts

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts/numbers"
)

// extractFigures adds the numbers each story sentence gives with a unit
// ("31 allied nations", "up to 30 countries", "2.5% of …"). A figure a
// curator already cites is not added again; a bare number with nothing it
// counts says too little to list.
// found holds each article's figures (see readDatesAndFigures).
func (b *Base) extractFigures(found [][]figPrep) {
	curated := b.figures
	// One array of figures and one of citations for them all: tens of
	// thousands of small allocations less at every load and reload.
	n := totalLen(found)
	figs := make([]Figure, 0, n)
	cites := make([]Citation, 0, n)
	b.figures = slices.Grow(b.figures, n) // not grown and copied again and again
	// The curated figures' citations by article: most articles have none.
	cited := map[*Document][]Citation{}
	for _, f := range curated {
		for _, c := range f.Citations {
			cited[c.Doc] = append(cited[c.Doc], c)
		}
	}
	for di, d := range b.docs {
		mine := cited[d]
		for _, f := range found[di] {
			if len(mine) > 0 && citesWithin(mine, Citation{Doc: d, Start: f.start, End: f.end}) {
				continue
			}
			s := d.Sentences[f.sent]
			cites = append(cites, Citation{Doc: d, Start: s.Start, End: s.End})
			k := len(cites)
			figs = append(figs, Figure{
				ID:        f.id,
				Value:     f.value,
				Unit:      f.unit,
				Citations: cites[k-1 : k : k],
				Extracted: true,
				at:        f.start,
			})
			b.figures = append(b.figures, &figs[len(figs)-1])
		}
	}
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
