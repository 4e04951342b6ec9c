package facts

import (
	"time"

	"github.com/briefbot/briefbot/facts/lexer"
	"github.com/briefbot/briefbot/facts/numbers"
	"github.com/briefbot/briefbot/facts/timex"
)

// readers is what a worker reads dates and figures with, reused from
// article to article.
type readers struct {
	toks    []lexer.Token
	dates   timex.Finder
	figures numbers.Finder
}

func newReaders() *readers { return &readers{} }

// readDatesAndFigures reads the dated sentences and the figures of every
// article in one pass, lexing each article once for both readers. An
// article whose docWork holds them (a reload kept it) is not read again.
func (b *Base) readDatesAndFigures() ([][]evPrep, [][]figPrep) {
	type read struct {
		evs  []evPrep
		figs []figPrep
	}
	found := parallelWith(b.docs, b.workers, newReaders, func(r *readers, d *Document) read {
		w := b.workOf(d)
		datesDone := w != nil && w.datesDone && w.published == d.Published
		figsDone := w != nil && w.figsDone
		var out read
		if datesDone {
			out.evs = w.evPreps
		}
		if figsDone {
			out.figs = w.figPreps
		}
		if datesDone && figsDone {
			return out
		}
		r.toks = lexer.Lex(r.toks, d.Text)
		if !datesDone {
			var published time.Time
			if !d.Published.IsZero() {
				published = d.Published.Start()
			}
			out.evs = prepareEvents(d, r.dates.FindLexed(d.Text, r.toks, published))
			if w != nil {
				w.evPreps, w.published, w.datesDone = out.evs, d.Published, true
			}
		}
		if !figsDone {
			out.figs = prepareFigures(d, r.figures.FindLexed(d.Text, r.toks))
			if w != nil {
				w.figPreps, w.figsDone = out.figs, true
			}
		}
		return out
	})
	evs, figs := make([][]evPrep, len(found)), make([][]figPrep, len(found))
	for i, f := range found {
		evs[i], figs[i] = f.evs, f.figs
	}
	return evs, figs
}
