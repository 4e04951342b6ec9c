package numbers

import "github.com/briefbot/briefbot/facts/lexer"

// digits reads a figure written in digits at token i, which is the number
// or a currency sign glued to it. It returns where to resume and whether
// the number is a figure at all.
func (p *parser) digits(i int) (value, int, bool) {
	v := value{i: i}
	k := i
	if p.toks[i].Kind == lexer.Punct {
		v.money, k = true, i+1
	}
	t := &p.toks[k]
	v.num, v.j = p.val(k), k+1
	if t.Ord || p.glued(i) || p.clock(k) {
		return v, p.skipRun(k), false
	}
	if !v.money && (p.named(i-1) || p.aged(i-1) || p.aside(k)) {
		return v, k + 1, false
	}
	if p.text[t.Start] == '0' && t.Plain && t.End-t.Start >= 3 {
		return v, p.skipRun(k), false // "0800 123 456"
	}
	if t.Plain && v.num <= 31 && (p.month(k+1) || p.month(k-1)) {
		return v, k + 1, false // "11 March", "March 11"
	}
	// Letters glued on: a multiplier ("15.8m"), a measure ("10km"), or
	// something that makes it no figure ("1990s", "5G", "10am").
	if p.word(k+1) && p.tight(k+1) {
		sfx, ok := lexer.Lookup(suffixes, p.str(k+1))
		switch {
		case !ok:
			return v, k + 2, false
		case sfx.mult != 0 && !(p.str(k+1) == "m" && !v.money && metresAfter[lower(p.str(k+2))]):
			v.num = scale(v.num, exp10(sfx.mult))
		default:
			v.unit, v.uEnd = p.str(k+1), int(p.end(k+1))
			return v, 0, true
		}
		v.j = k + 2
	}
	if v.j == k+1 {
		if y, ok := p.yearLike(k, v.money); ok {
			return v, y, false
		}
		if r, ok := p.numRange(&v, k); !ok {
			return v, r, false
		}
	}
	if !p.tail(&v) {
		return v, v.j + 3, false
	}
	return v, 0, true
}

// val returns the value of number token k as written.
func (p *parser) val(k int) float64 {
	t := &p.toks[k]
	end := t.End
	if t.Ord {
		end -= 2
	}
	v, _ := numValue(p.text[t.Start:end])
	return v
}

// tail reads what may follow a number: "%" or "per cent", a multiplier
// word ("1.5 million"), or a hyphenated unit ("10-year"). It reports
// false for an age ("25-year-old"), which is no figure.
func (p *parser) tail(v *value) bool {
	j := v.j
	switch {
	case p.punct(j, "%"):
		v.pct, v.j = true, j+1
	case p.flags(j)&wPer != 0 && p.flags(j+1)&wCent != 0:
		v.pct, v.j = true, j+2
	case p.flags(j)&wPercent != 0:
		v.pct, v.j = true, j+1
	case p.flags(j)&wMult != 0 && !p.toks[j].Upper:
		v.num, v.j = scale(v.num, int(p.wnum(j))), j+1
	}
	v.one = v.num == 1
	if p.flags(v.j)&wFraction != 0 {
		return false // "two thirds"
	}
	if v.pct || !p.dash(v.j) || !p.tight(v.j) || !p.word(v.j+1) || !p.tight(v.j+1) ||
		p.flags(v.j+1)&(wStop|wNum|wMult) != 0 {
		return true
	}
	u := p.str(v.j + 1)
	if (u == "year" || u == "years") && p.dash(v.j+2) && lower(p.str(v.j+3)) == "old" {
		return false // "25-year-old"
	}
	if p.flags(v.j+1)&wFraction != 0 {
		return false // "two-thirds"
	}
	v.unit, v.uEnd = u, int(p.end(v.j+1))
	return true
}

// glued reports whether the number starting at token i is stuck to a
// word or code before it, as in "G7", "F-35", "Covid-19", "+44", "24/7".
func (p *parser) glued(i int) bool {
	if !p.tight(i) {
		return false
	}
	switch {
	case p.word(i - 1):
		return true
	case p.dash(i-1) || p.punct(i-1, "/") || p.punct(i-1, ":"):
		return p.tight(i-1) && (p.word(i-2) || p.num(i-2))
	case p.punct(i-1, "+") || p.punct(i-1, "#") || p.punct(i-1, "&"):
		return true
	}
	return false
}

// aged reports whether the words ending at k introduce an age: "aged",
// "the age of".
func (p *parser) aged(k int) bool {
	return p.flags(k)&wAged != 0 || p.str(k) == "of" && p.flags(k-1)&wAged != 0
}

// aside reports whether number k stands between commas right after a
// name, where news gives a person's age: "Mr Brown, 42, said".
func (p *parser) aside(k int) bool {
	return p.punct(k-1, ",") && p.word(k-2) && p.toks[k-2].Upper && p.toks[k].Plain &&
		p.val(k) < 120 && (p.punct(k+1, ",") || p.punct(k+1, ")"))
}

// clock reports whether number k is a time of day or part of a code:
// "10:30", "24/7", "10.30am", "at 10.30", "1900 GMT".
func (p *parser) clock(k int) bool {
	t := &p.toks[k]
	if (p.punct(k+1, ":") || p.punct(k+1, "/")) && p.tight(k+1) && p.num(k+2) {
		return true
	}
	if p.flags(k+1)&wClock != 0 {
		return true
	}
	v, frac := numValue(p.text[t.Start:t.End])
	return frac == 2 && v < 24 && lower(p.str(k-1)) == "at"
}

// month reports whether token k is a capitalised month name.
func (p *parser) month(k int) bool { return p.flags(k)&wMonth != 0 && p.toks[k].Upper }

// skipRun returns the token after the run of numbers starting at k that
// are joined by single spaces, dashes or colons: a phone number or time.
func (p *parser) skipRun(k int) int {
	k++
	for k+1 < len(p.toks) && p.num(k+1) && (p.toks[k+1].Gap == lexer.GapSpace && p.num(k) ||
		p.toks[k].Kind == lexer.Punct && p.tight(k) && p.tight(k+1) && p.str(k) != ",") {
		k += 2
	}
	for p.num(k) && p.toks[k].Gap == lexer.GapSpace {
		k++
	}
	return k
}

// yearLike reports whether the plain four-digit number k is a year: 1900
// to 2100, unless a plainly counted noun after it makes it a count ("1950
// troops"; but "2004 sales" and "the 1998 treaties" are dated, and "about
// 2005" is as often a date as a sum). It returns where to resume if so.
func (p *parser) yearLike(k int, money bool) (int, bool) {
	t := &p.toks[k]
	if money || !t.Plain || t.End-t.Start != 4 || p.val(k) < 1900 || p.val(k) > 2100 || p.punct(k+1, "%") {
		return 0, false
	}
	if (p.dash(k+1) || p.punct(k+1, "/")) && p.tight(k+1) && p.num(k+2) && p.tight(k+2) {
		return k + 3, true // "2019-20"
	}
	if p.flags(k-1)&(wDatePrep|wMonth) != 0 || p.word(k-1) && p.poss(k-1) {
		return k + 1, true // "in 1998", "December 2004", "the city's 2019 budget"
	}
	if p.flags(k+1)&wCounted != 0 {
		return 0, false // "1950 troops"
	}
	return k + 1, true // "2004 sales" dates the sales
}

// numRange reads "20-30 people" as one figure; without a plural noun
// after it "3-1" is a score and no figure (ok false, resume at r).
func (p *parser) numRange(v *value, k int) (r int, ok bool) {
	if !p.dash(k+1) || !p.tight(k+1) || !p.num(k+2) || !p.tight(k+2) || v.money {
		return 0, true
	}
	if !p.toks[k].Plain || !p.toks[k+2].Plain || p.glued(k+3) && !p.punct(k+3, "%") {
		return k + 3, false
	}
	if _, ok := p.nounPhrase(k+3, false); !ok {
		return k + 3, false
	}
	v.j = k + 3
	return 0, true
}

func exp10(m float64) int {
	e := 0
	for ; m >= 10; m /= 10 {
		e++
	}
	return e
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
