package facts

import (
	"github.com/briefbot/briefbot/facts/extract"
	"github.com/briefbot/briefbot/facts/numbers"
	"github.com/briefbot/briefbot/facts/prose"
)

// What an article yields, made ready for a base: everything that depends
// on the article alone (ids, sentences, values), so that a reload, which
// must make every item again for its own documents, only copies these.

// figPrep is an extracted figure of an article, but for the curated
// figures that may cover it.
type figPrep struct {
	id, value, unit string
	start, end      int // the number, in the article
	sent            int // its story sentence
}

// prepareFigures keeps the figures of an article that say what they count,
// in a story sentence.
func prepareFigures(d *Document, found []numbers.Figure) []figPrep {
	var out []figPrep
	for _, f := range found {
		if !keepFigure(f) {
			continue
		}
		si := d.SentenceAt(f.Start)
		if si < 0 || d.Sentences[si].Kind != prose.Story {
			continue
		}
		value := f.Value
		if f.Qualifier != "" {
			value = f.Qualifier + " " + value
		}
		out = append(out, figPrep{id: d.ID + "-" + itoa(f.Start), value: value, unit: f.Unit, start: f.Start, end: f.End, sent: si})
	}
	return out
}

// peoplePrep is an article's second extraction pass made ready: the
// sentence of each mention of each person (-1 outside any) and the id of
// each quote.
type peoplePrep struct {
	from     *extract.Result
	sents    [][]int32
	quoteIDs []string
}

// preparePeople readies r, the second pass over d.
func preparePeople(d *Document, r *extract.Result) *peoplePrep {
	p := &peoplePrep{from: r, sents: make([][]int32, len(r.People)), quoteIDs: make([]string, len(r.Quotes))}
	n := 0
	for _, xp := range r.People {
		n += len(xp.Mentions)
	}
	all := make([]int32, 0, n)
	for i, xp := range r.People {
		for _, m := range xp.Mentions {
			all = append(all, int32(d.SentenceAt(m.Start)))
		}
		p.sents[i] = all[len(all)-len(xp.Mentions) : len(all) : len(all)]
	}
	for i, q := range r.Quotes {
		p.quoteIDs[i] = "q-" + d.ID + "-" + itoa(q.Start)
	}
	return p
}
