package timex

import (
	"time"

	"github.com/briefbot/briefbot/facts/lexer"
)

// Find returns the date expressions of text in order, none overlapping.
// published is the article's publication date; only its calendar date
// counts. When it is zero only absolute expressions ("13 June 2019", "in
// 1998") are resolved, and the rest are returned with a zero Date.
//
// Weekdays and months without a year resolve by tense: a past clause
// takes the latest such day or month on or before publication, a future
// one the earliest on or after it, and otherwise a weekday is the nearest
// (the earlier on a tie) and a month falls in the publication year unless
// that puts it more than six months away.
func Find(text string, published time.Time) []Expr {
	return new(Finder).Find(text, published)
}

// Finder is Find for text after text, reusing its memory: its tokens, an
// array as long as the text, are most of what Find allocates. It is not
// safe for concurrent use; the zero Finder is ready.
type Finder struct {
	lts  []lexer.Token
	toks []token
}

// Find is the package's Find.
func (f *Finder) Find(text string, published time.Time) []Expr {
	f.lts = lexer.Lex(f.lts, text)
	return f.FindLexed(text, f.lts, published)
}

// FindLexed is Find given toks, lexer.Lex of text: a caller that reads
// figures too lexes each text once. A token is converted only when the
// search looks at it (see parser.tok).
func (f *Finder) FindLexed(text string, toks []lexer.Token, published time.Time) []Expr {
	f.toks = unconverted(f.toks, len(toks))
	return f.find(text, toks, published)
}

// find reads the dates of text from f.toks, converted from lts as the
// search reaches them; with lts nil, f.toks are all converted already
// (as the test that holds the lazy conversion to an eager one has them).
func (f *Finder) find(text string, lts []lexer.Token, published time.Time) []Expr {
	p := parser{text: text, toks: f.toks, lts: lts}
	pub := dayOf(published)
	var out []Expr
	for i := 0; i < len(p.toks); {
		if !p.canStart(i) {
			i++
			continue
		}
		m, ok := p.parseAt(i)
		if !ok {
			i++
			continue
		}
		t := p.tense(m.i, m.j)
		if t == Unknown {
			t = inherent(m)
		}
		e := Expr{
			Start:     int(p.tok(m.i).start),
			End:       int(p.tok(m.j - 1).end),
			Qualifier: qualName[m.q],
			Tense:     t,
		}
		e.Date, e.Gran = resolve(m.s, pub, t)
		if m.s.end != nil && !e.Date.IsZero() {
			if d, g := resolveEnd(*m.s.end, e.Date, pub, t); !d.IsZero() {
				if u := after(d, g); u.After(e.Date) {
					e.Until = u
				}
			}
		}
		out = append(out, e)
		i = m.j
	}
	return out
}

// inherent is the tense an expression carries by itself, used when no
// verb near it says: "yesterday", "last week" and "since 2013" look back,
// "tomorrow", "next month" and "later this year" forward.
func inherent(m match) Tense {
	switch m.q {
	case qSince, qEarlier:
		return Past
	case qLater:
		return Future
	}
	off := m.s.dx
	if m.s.form == fRel {
		off = m.s.off
	}
	switch {
	case off < 0:
		return Past
	case off > 0:
		return Future
	}
	return Unknown
}
