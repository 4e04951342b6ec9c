package timex

import (
	"time"

	"github.com/briefbot/briefbot/facts/lexer"
)

// form is the shape of an expression, which decides how it resolves.
type form uint8

const (
	fAbs     form = iota + 1 // year given; month and day optional
	fMD                      // month, maybe a day, no year
	fDOM                     // day of the month only: "on the 11th"
	fRel                     // off periods of gran from publication
	fWeekday                 // a weekday, maybe in a given week
	fWeekend                 // the ISO week holding a Saturday
	fVague                   // a period size with no date: "within days"
)

// spec is an expression as written, before resolution.
type spec struct {
	form    form
	y, m, d int
	wd      time.Weekday
	dx      int  // -1 last, 0 this or none, +1 next
	deix    bool // dx was written ("this", "last", "next")
	week    bool // weekday pinned to the week dx away: "Monday next week"
	off     int  // fRel: periods from publication
	gran    Gran // fRel and fVague
	end     *spec
}

// match is an expression's tokens [i, j), qualifier and spec.
type match struct {
	i, j int
	q    qual
	s    spec
}

// ctx is what came before an expression's core; bare months and "the
// weekend" are dates only after one of these.
type ctx struct {
	q   qual
	pp  prep
	mod bool
}

type parser struct {
	text string
	toks []token       // converted when first asked, if lts is set (see tok)
	lts  []lexer.Token // the lexer's tokens of text, or nil: toks are all converted
}

func (p *parser) cls(k int) class {
	if k < 0 || k >= len(p.toks) {
		return cNone
	}
	return p.tok(k).cls
}

// punct reports whether token k is the punctuation mark s.
func (p *parser) punct(k int, s string) bool {
	return k >= 0 && k < len(p.toks) && p.tok(k).kind == lexer.Punct && p.text[p.tok(k).start:p.tok(k).end] == s
}

func (p *parser) dash(k int) bool { return p.punct(k, "-") || p.punct(k, "–") || p.punct(k, "—") }

// tight reports whether token k follows the one before with no space.
func (p *parser) tight(k int) bool { return k < len(p.toks) && p.tok(k).gap == lexer.GapNone }

// starters is the set of classes a word opening an expression can have,
// as a bit mask so that most tokens are passed over with one test.
const starters = 1<<cQual | 1<<cPrep | 1<<cMod | 1<<cMonth | 1<<cMonAbbr | 1<<cWeekday |
	1<<cDayWord | 1<<cDeictic | 1<<cThe | 1<<cQty

// canStart reports whether an expression may begin at token t.
func canStart(t *token) bool { return t.kind == lexer.Num || starters&(1<<t.cls) != 0 }

// parseAt reads an expression starting at token i: an optional qualifier,
// preposition and "early"/"late"/"mid", then a core date.
func (p *parser) parseAt(i int) (match, bool) {
	t := p.tok(i)
	var c ctx
	j := i
	if t.cls == cQual {
		c.q, j = qual(t.v), j+1
		if c.q == qPrior {
			if p.cls(j) != cTo {
				return match{}, false
			}
			j++
		}
		if c.q == qWithin {
			return p.vague(i, j, qWithin)
		}
	}
	if p.cls(j) == cPrep {
		c.pp, j = prep(p.tok(j).v), j+1
		if c.pp == pIn || c.pp == pOver {
			if m, ok := p.vague(i, j, c.q); ok {
				return m, true
			}
		}
	}
	if p.cls(j) == cMod {
		c.mod, j = true, j+1
		if p.punct(j, "-") && p.tight(j) {
			j++
		}
	}
	s, k, ok := p.core(j, c)
	if !ok {
		return match{}, false
	}
	m := match{i: i, j: k, q: c.q, s: s}
	p.extend(&m)
	if m.s.end != nil && (m.q == qFrom || m.q == qBetween) {
		m.q = qNone // a closed range: Until says where it stops
	}
	return m, true
}

// core reads the date proper at token j.
func (p *parser) core(j int, c ctx) (spec, int, bool) {
	if j >= len(p.toks) {
		return spec{}, 0, false
	}
	if p.tok(j).kind == lexer.Num {
		return p.number(j, c)
	}
	switch p.tok(j).cls {
	case cMonth, cMonAbbr:
		return p.month(j, c)
	case cWeekday:
		return p.weekday(j, 0, false)
	case cDayWord:
		return p.dayWord(j)
	case cDeictic:
		return p.deictic(j)
	case cThe:
		return p.the(j, c)
	case cQty:
		return p.ago(j)
	}
	return spec{}, 0, false
}

// extend turns "from A to B", "between A and B" and "A-B" into a range.
func (p *parser) extend(m *match) {
	k := m.j
	switch closed := m.q == qFrom || m.q == qBetween; {
	case p.dash(k):
	case closed && (p.cls(k) == cTo || p.cls(k) == cQual && qual(p.tok(k).v) == qUntil):
	case m.q == qBetween && p.cls(k) == cAnd:
	default:
		return
	}
	if m.s.end != nil {
		return
	}
	b, k2, ok := p.core(k+1, ctx{pp: pIn})
	if !ok || !rangeable(m.s, b) {
		return
	}
	m.s.end, m.j = &b, k2
}

// rangeable reports whether a and b name periods of the same kind, so
// that b can end a range a starts.
func rangeable(a, b spec) bool {
	date := func(s spec) bool { return s.form == fAbs || s.form == fMD }
	return date(a) && date(b) || a.form == fWeekday && b.form == fWeekday && !b.week
}

// number reads a core starting with digits: "11 March", "3-5 June",
// "3 weeks ago", a year or an ISO date.
func (p *parser) number(j int, c ctx) (spec, int, bool) {
	t := p.tok(j)
	if p.cls(j+1) == cUnit && p.cls(j+2) == cAgo && t.n > 0 && t.digits() <= 3 {
		return p.agoSpec(t.n, j+1), j + 3, true
	}
	if t.n < 0 {
		return spec{}, 0, false
	}
	if t.digits() == 4 && !t.ord {
		return p.year(j, c)
	}
	d, ok := p.day(j)
	if !ok {
		return spec{}, 0, false
	}
	k, d2 := j+1, 0
	if p.dash(k) || p.cls(k) == cTo || c.q == qBetween && p.cls(k) == cAnd {
		if e, ok := p.day(k + 1); ok && e > d {
			d2, k = e, k+2
		}
	}
	if p.tok(k-1).ord && p.cls(k) == cOf {
		k++
	}
	mo, k, ok := p.monthName(k)
	if !ok {
		return spec{}, 0, false
	}
	return p.dayMonth(mo, d, d2, k)
}

// dayMonth finishes "11 March" or "March 11" with an optional year at k.
func (p *parser) dayMonth(mo, d, d2, k int) (spec, int, bool) {
	y, k := p.yearAfter(k)
	if d > daysIn(mo, y) || d2 > daysIn(mo, y) {
		return spec{}, 0, false
	}
	s := spec{form: fMD, m: mo, d: d, y: y}
	if y != 0 {
		s.form = fAbs
	}
	if d2 != 0 {
		e := s
		e.d = d2
		s.end = &e
	}
	return s, k, true
}

// day reads token k as a day of the month: 1-31, one or two digits or
// an ordinal, not glued to letters ("5G") or a percent sign.
func (p *parser) day(k int) (int, bool) {
	if k >= len(p.toks) {
		return 0, false
	}
	t := p.tok(k)
	if t.kind != lexer.Num || t.n < 1 || t.n > 31 || t.digits() > 2 || p.glued(k) {
		return 0, false
	}
	return t.n, true
}

// glued reports whether number k runs straight into a letter, a percent
// sign or a colon, as in "10am", "5%" or "10:30".
func (p *parser) glued(k int) bool {
	if !p.tight(k + 1) {
		return false
	}
	n := p.tok(k + 1)
	return n.kind == lexer.Word || p.punct(k+1, "%") || p.punct(k+1, ":")
}

// monthName reads a capitalised month at k; an abbreviation may carry a
// full stop.
func (p *parser) monthName(k int) (int, int, bool) {
	if c := p.cls(k); (c != cMonth && c != cMonAbbr) || !p.tok(k).upper {
		return 0, 0, false
	}
	mo := int(p.tok(k).v)
	if p.cls(k) == cMonAbbr && p.punct(k+1, ".") && p.tight(k+1) {
		return mo, k + 2, true
	}
	return mo, k + 1, true
}

// yearAfter reads an optional year, maybe after a comma, at k.
func (p *parser) yearAfter(k int) (int, int) {
	if p.punct(k, ",") {
		if y, ok := p.yearNum(k + 1); ok {
			return y, k + 2
		}
	}
	if y, ok := p.yearNum(k); ok {
		return y, k + 1
	}
	return 0, k
}

// yearNum reads token k as the year of an explicit date.
func (p *parser) yearNum(k int) (int, bool) {
	if k >= len(p.toks) {
		return 0, false
	}
	t := p.tok(k)
	if t.kind != lexer.Num || t.digits() != 4 || t.ord || t.n < 1000 || t.n > 2999 || p.glued(k) {
		return 0, false
	}
	return t.n, true
}

func daysIn(m, y int) int {
	if y == 0 {
		y = 2000 // a leap year: 29 February is possible until a year says not
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
