package numbers

import "github.com/briefbot/briefbot/facts/lexer"

// token is one word, number or punctuation mark of the text. Offsets are
// 32-bit, as the lexer's are: every article gets an array of its tokens,
// and their size is most of what reading figures allocates.
type token struct {
	start, end int32 // a word's end leaves out a trailing "'s"
	f          wflag // a word's flags in the table
	n          int32 // a number word's value, or a multiplier's power of ten
	kind       lexer.Kind
	gap        lexer.Gap // white space before it: a figure never runs across a line break
	upper      bool      // word starts with a capital
	ord        bool      // number with st/nd/rd/th, which end includes
	looked     bool      // f and n hold the word's table entry
	plain      bool      // number of digits only: no comma or decimal point
	poss       bool      // word had a possessive "'s", which end leaves out
}

// lex splits text into tokens with the shared lexer. The table lookup of
// a word waits until a figure needs it (see parser.flags): most words are
// never near one. A possessive "'s" is left out of a word, so "UK’s" is
// "UK". The tokens go into buf's array when it is large enough.
func lex(buf []token, text string) []token { return lexer.MapTo(buf, text, tokenOf(text)) }

// lexed is lex from the tokens lexer.Lex gave for text.
func lexed(buf []token, text string, toks []lexer.Token) []token {
	return lexer.MapTokens(buf, toks, tokenOf(text))
}

// tokenOf returns the conversion of text's lexer tokens.
func tokenOf(text string) func(lexer.Token) token {
	return func(lt lexer.Token) token {
		t := token{start: lt.Start, end: lt.End, kind: lt.Kind, gap: lt.Gap, upper: lt.Upper, ord: lt.Ord, plain: lt.Plain}
		if lt.Kind == lexer.Word && lt.Apos > lt.Start && text[lt.End-1]|0x20 == 's' && int(lt.Apos)+lt.AposLen(text) == int(lt.End)-1 {
			t.end, t.poss = lt.Apos, true
		}
		return t
	}
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
