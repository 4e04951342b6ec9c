package timex

import "github.com/briefbot/briefbot/facts/lexer"

// month reads a core starting with a month name: "March 11", "June
// 3-5", "June 13, 2019", "June 2019", or a bare month after a
// preposition or qualifier ("in March", "by June").
func (p *parser) month(j int, c ctx) (spec, int, bool) {
	mo, k, ok := p.monthName(j)
	if !ok {
		return spec{}, 0, false
	}
	if d, ok := p.day(k); ok {
		d2, k2 := 0, k+1
		if p.dash(k2) || p.cls(k2) == cTo {
			if e, ok := p.day(k2 + 1); ok && e > d {
				d2, k2 = e, k2+2
			}
		}
		return p.dayMonth(mo, d, d2, k2)
	}
	if y, ok := p.yearNum(k); ok {
		return spec{form: fAbs, y: y, m: mo}, k + 1, true
	}
	t := p.tok(j)
	// A bare month name is a date only where a date is expected: "March"
	// opening a sentence may be the noun, "May" the name or the verb.
	if t.cls == cMonAbbr || !monthCtx(c) || mo == 5 && t.cl == clS || p.verbAt(k) {
		return spec{}, 0, false
	}
	return spec{form: fMD, m: mo}, k, true
}

// monthCtx reports whether c makes a bare month name a date. "at" and
// "over" do not: "at June's festival" names the event, not the month.
func monthCtx(c ctx) bool {
	return c.q != qNone || c.mod || c.pp == pIn || c.pp == pOn || c.pp == pDuring
}

// verbAt reports whether token k is a verb form, which makes a capitalised
// word before it a subject ("after May resigned") rather than a date.
func (p *parser) verbAt(k int) bool {
	if k >= len(p.toks) || p.tok(k).kind != lexer.Word || p.tok(k).upper {
		return false
	}
	switch p.tok(k).cls {
	case cFut, cBePres, cBePast, cHave, cHad, cDid, cPast:
		return true
	}
	return p.isEd(k)
}

// year reads a four-digit number as a year, "2019-20" or an ISO date,
// unless its neighbours say it is an amount, a code or a clock time.
func (p *parser) year(j int, c ctx) (spec, int, bool) {
	t := p.tok(j)
	if iso, ok := p.isoDate(j); ok {
		return iso, j + 5, true
	}
	y := t.n
	if y < 1900 || y > 2100 || p.tight(j+1) && p.tok(j+1).kind == lexer.Word {
		return spec{}, 0, false
	}
	if j > 0 {
		prev := p.tok(j - 1)
		if t.gap == lexer.GapNone && !(c.mod && p.punct(j-1, "-")) && !p.opener(j-1) {
			return spec{}, 0, false // "£2019", "F2000", "3-2000"
		}
		if prev.kind == lexer.Word && (prev.cls == cCount || inSet(label, p.word(j-1))) {
			return spec{}, 0, false
		}
	}
	if p.punct(j+1, "%") || p.cls(j+1) == cZone || inSet(measure, p.word(j+1)) {
		return spec{}, 0, false
	}
	s, k := spec{form: fAbs, y: y}, j+1
	if (p.dash(k) || p.punct(k, "/")) && p.tight(k) && p.tight(k+1) && k+1 < len(p.toks) {
		n := p.tok(k + 1)
		y2 := -1
		switch {
		case n.digits() == 2 && !n.ord:
			y2 = y/100*100 + n.n
			if y2 <= y {
				y2 += 100
			}
		case n.digits() == 4 && !n.ord:
			y2 = n.n
		}
		if y2 > y && y2-y < 100 && !p.glued(k+1) {
			s.end = &spec{form: fAbs, y: y2}
			k += 2
		}
	}
	return s, k, true
}

// opener reports whether punctuation token k may open a phrase, so that a
// year glued to it still stands alone: "(1998)", "“2019".
func (p *parser) opener(k int) bool {
	if p.tok(k).kind != lexer.Punct {
		return false
	}
	switch p.text[p.tok(k).start:p.tok(k).end] {
	case "(", "[", "\"", "'", "“", "‘":
		return true
	}
	return false
}

// isoDate reads "2019-06-13" at j.
func (p *parser) isoDate(j int) (spec, bool) {
	if j+4 >= len(p.toks) || !p.punct(j+1, "-") || !p.punct(j+3, "-") {
		return spec{}, false
	}
	for k := j + 1; k <= j+4; k++ {
		if !p.tight(k) {
			return spec{}, false
		}
	}
	m, d := p.tok(j+2), p.tok(j+4)
	y := p.tok(j).n
	if m.digits() != 2 || d.digits() != 2 || m.ord || d.ord || m.n < 1 || m.n > 12 || d.n < 1 ||
		d.n > daysIn(m.n, y) || p.glued(j+4) {
		return spec{}, false
	}
	return spec{form: fAbs, y: y, m: m.n, d: d.n}, true
}

// word returns the text of token k, or "" past the end.
func (p *parser) word(k int) string {
	if k < 0 || k >= len(p.toks) || p.tok(k).kind != lexer.Word {
		return ""
	}
	return p.text[p.tok(k).start:p.tok(k).end]
}

func inSet(m map[string]bool, w string) bool {
	if w == "" {
		return false
	}
	ok, _ := lexer.Lookup(m, w)
	return ok
}

// isEd reports whether token k looks like a regular past form: lower
// case, ending in "ed", and not a noun such as "hundred".
func (p *parser) isEd(k int) bool {
	w := p.word(k)
	return len(w) >= 4 && w[0] >= 'a' && w[0] <= 'z' && w[len(w)-2:] == "ed" && !inSet(notVerb, w)
}

// isIng reports whether token k looks like a present participle.
func (p *parser) isIng(k int) bool {
	w := p.word(k)
	return len(w) >= 5 && w[0] >= 'a' && w[0] <= 'z' && w[len(w)-3:] == "ing" && !inSet(notVerb, w)
}
