package numbers

import "github.com/briefbot/briefbot/facts/lexer"

// The parser reads the lexer's tokens as they are, with no token type of
// its own: copying every token of every article into one was a fifth of
// reading figures, and most tokens are never near a figure. What a figure
// needs besides, a word's end without its possessive "'s" (so "UK’s" is
// "UK") and its entry in the table, is worked out where it is asked.

// poss reports whether token k is a word with a possessive "'s", which
// end leaves out.
func (p *parser) poss(k int) bool {
	t := &p.toks[k]
	return t.Kind == lexer.Word && t.Apos > t.Start && p.text[t.End-1]|0x20 == 's' &&
		int(t.Apos)+t.AposLen(p.text) == int(t.End)-1
}

// end returns where token k ends, a possessive "'s" left out.
func (p *parser) end(k int) int32 {
	if p.poss(k) {
		return p.toks[k].Apos
	}
	return p.toks[k].End
}

// numValue returns the value of the digits of s, a number token without
// its ordinal suffix, and how many digits follow its decimal point.
// Dividing the exact integer by an exact power of ten rounds once, so
// "15.8" reads as the float nearest 15.8.
func numValue(s string) (float64, int) {
	var mant float64
	frac, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case lexer.IsDigit(c):
			mant = mant*10 + float64(c-'0')
			if dot {
				frac++
			}
		case c == '.':
			dot = true
		}
	}
	return mant / pow10(frac), frac
}

func pow10(n int) float64 {
	p := 1.0
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}
