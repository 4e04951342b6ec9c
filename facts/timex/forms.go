package timex

import (
	"time"

	"github.com/briefbot/briefbot/facts/lexer"
)

// weekday reads "Monday", "Monday morning", "Monday next week" or a
// weekday introducing a full date ("Monday 10 June"), which then wins.
func (p *parser) weekday(j, dx int, deix bool) (spec, int, bool) {
	t := p.tok(j)
	if !t.upper || p.titled(j) {
		return spec{}, 0, false
	}
	k := j + 1
	if !deix {
		kk := k
		if p.punct(kk, ",") {
			kk++
		}
		if s, k2, ok := p.core(kk, ctx{pp: pOn}); ok && (s.form == fAbs || s.form == fMD) && s.d > 0 {
			return s, k2, true
		}
	}
	s := spec{form: fWeekday, wd: time.Weekday(t.v), dx: dx, deix: deix}
	if !deix && p.cls(k) == cDeictic && p.cls(k+1) == cUnit && Gran(p.tok(k+1).v) == Week &&
		p.tok(k+1).x == 0 {
		s.dx, s.week, k = int(p.tok(k).v), true, k+2
	}
	if p.cls(k) == cPart {
		k++
	}
	return s, k, true
}

// titled reports whether the weekday at j is part of a name: a paper or
// a programme ("Sunday Times", "Mail on Sunday", "Sunday programme"), a
// person ("Mike Friday") or a day with a name of its own ("Black
// Friday"); or a narrative day ("the Friday") that no calendar fixes.
func (p *parser) titled(j int) bool {
	if j+1 < len(p.toks) && (p.tok(j+1).upper && inSet(nameAfter, p.word(j+1)) || inSet(show, p.word(j+1))) {
		return true
	}
	if j > 0 && p.tok(j-1).kind == lexer.Word {
		prev := p.tok(j - 1)
		switch {
		case prev.upper && (prev.cls == cNone && !p.sentenceStart(j-1) || inSet(nameBefore, p.word(j-1))):
			return true // "Mike Friday", "Black Friday"
		case prev.cls == cThe || prev.cls == cDet || prev.cls == cEdge || prev.cls == cQty && prev.x == 1:
			return true // "the middle Saturday" is some week's, not this one's
		}
	}
	return j > 1 && p.tok(j-1).cls == cPrep && prep(p.tok(j-1).v) == pOn &&
		p.tok(j-2).upper && p.word(j-2) == "Mail"
}

// dayWord reads "yesterday", "today", "tonight", "tomorrow", with an
// optional part of the day. Capitalised inside a sentence it is a title
// ("the Today programme", "USA Today"), not a date.
func (p *parser) dayWord(j int) (spec, int, bool) {
	if p.tok(j).upper && !p.sentenceStart(j) {
		return spec{}, 0, false
	}
	k := j + 1
	if p.cls(k) == cPart {
		k++
	}
	return spec{form: fRel, gran: Day, off: int(p.tok(j).v)}, k, true
}

// deictic reads "this", "last" or "next" followed by a period, a weekday,
// a month or a part of the day.
func (p *parser) deictic(j int) (spec, int, bool) {
	dx := int(p.tok(j).v)
	if p.cls(j-1) == cThe {
		return spec{}, 0, false // "the last week" is a span ending now
	}
	k := j + 1
	if dx == 0 && p.cls(k) == cComing {
		k++
	}
	if k >= len(p.toks) {
		return spec{}, 0, false
	}
	t := p.tok(k)
	switch t.cls {
	case cUnit:
		if g := Gran(t.v); t.x == 0 && g != Day {
			return spec{form: fRel, gran: g, off: dx}, k + 1, true
		}
	case cWeekend:
		return spec{form: fWeekend, dx: dx, deix: true}, k + 1, true
	case cWeekday:
		return p.weekday(k, dx, true)
	case cMonth:
		if t.upper {
			return spec{form: fMD, m: int(t.v), dx: dx, deix: true}, k + 1, true
		}
	case cPart:
		switch {
		case dx == 0:
			return spec{form: fRel, gran: Day}, k + 1, true
		case dx < 0 && t.x == 1:
			return spec{form: fRel, gran: Day, off: -1}, k + 1, true
		}
	}
	return spec{}, 0, false
}

// the reads "the weekend", "the 11th", "the 11th of March" and "the end of
// March".
func (p *parser) the(j int, c ctx) (spec, int, bool) {
	k := j + 1
	switch {
	case p.cls(k) == cWeekend:
		if c.pp == pAt || c.pp == pOver || c.pp == pDuring || c.pp == pOn || c.q != qNone {
			return spec{form: fWeekend}, k + 1, true
		}
	case p.cls(k) == cEdge && p.cls(k+1) == cOf:
		return p.core(k+2, ctx{pp: pIn})
	case k < len(p.toks) && p.tok(k).ord:
		d, ok := p.day(k)
		if !ok {
			break
		}
		if p.cls(k+1) == cOf {
			if mo, k2, ok := p.monthName(k + 2); ok {
				return p.dayMonth(mo, d, 0, k2)
			}
		}
		if (c.pp == pOn || c.q != qNone && c.q != qBetween) && p.clauseEnds(k+1) {
			return spec{form: fDOM, d: d}, k + 1, true
		}
	}
	return spec{}, 0, false
}

// clauseEnds reports whether token k ends the phrase before it, so that
// "on the 11th" is a date but "on the 11th floor" is not.
func (p *parser) clauseEnds(k int) bool {
	if k >= len(p.toks) || p.tok(k).kind != lexer.Word || p.tok(k).gap == lexer.GapLine || p.tok(k).upper {
		return true
	}
	switch p.tok(k).cls {
	case cConj, cAnd, cPrep, cQual, cTo, cFut, cBePres, cBePast, cHad, cHave, cDid, cPast:
		return true
	}
	return p.isEd(k)
}

// ago reads "a week ago", "two years ago", "a few days ago".
func (p *parser) ago(j int) (spec, int, bool) {
	n, k := int(p.tok(j).v), j+1
	vague := p.tok(j).v == 0
	if p.tok(j).x == 1 && p.cls(k) == cQty { // "a few", "a couple of"
		n, vague, k = int(p.tok(k).v), p.tok(k).v == 0, k+1
		if p.cls(k) == cOf {
			k++
		}
	}
	if p.cls(k) != cUnit || p.cls(k+1) != cAgo {
		return spec{}, 0, false
	}
	if vague {
		return spec{form: fVague, gran: Gran(p.tok(k).v)}, k + 2, true
	}
	return p.agoSpec(n, k), k + 2, true
}

// agoSpec makes "n units ago" from the unit word at k.
func (p *parser) agoSpec(n, k int) spec {
	t := p.tok(k)
	g := Gran(t.v)
	switch t.x {
	case 2:
		n *= 2 // fortnights are two weeks
	case 3:
		n = 0 // hours ago is still today
	}
	return spec{form: fRel, gran: g, off: -n}
}

// vague reads "within days", "within the next few weeks", "in the coming
// months" from token j on: a period size with no date, qualified within.
func (p *parser) vague(i, j int, q qual) (match, bool) {
	k := j
	if p.cls(k) == cThe {
		k++
		if p.cls(k) == cComing || p.cls(k) == cDeictic && p.tok(k).v == 1 {
			k++
		} else if q != qWithin {
			return match{}, false
		}
	} else if q != qWithin {
		return match{}, false
	}
	if p.cls(k) == cQty {
		k++
		if p.cls(k) == cQty {
			k++
		}
		if p.cls(k) == cOf {
			k++
		}
	} else if k < len(p.toks) && p.tok(k).kind == lexer.Num && p.tok(k).n > 0 {
		k++
	}
	if p.cls(k) != cUnit {
		return match{}, false
	}
	return match{i: i, j: k + 1, q: qWithin, s: spec{form: fVague, gran: Gran(p.tok(k).v)}}, true
}

// sentenceStart reports whether token j opens a sentence, a line or a
// quotation, where any word may be capitalised.
func (p *parser) sentenceStart(j int) bool {
	if j == 0 || p.tok(j).gap == lexer.GapLine {
		return true
	}
	if p.tok(j-1).kind != lexer.Punct {
		return false
	}
	switch p.text[p.tok(j-1).start:p.tok(j-1).end] {
	case ".", "!", "?", ":", ";", "\"", "“", "‘", "'", "(", "[", "–", "—", "-":
		return true
	}
	return false
}
