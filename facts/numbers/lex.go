package numbers

import (
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	kWord kind = iota + 1
	kNum
	kPunct
)

// gap is the white space before a token; a line break ends a paragraph in
// scraped news, so a figure never runs across one.
type gap uint8

const (
	gapNone gap = iota
	gapSpace
	gapLine
)

// token is one word, number or punctuation mark of the text.
type token struct {
	start, end int   // a word's end leaves out a trailing "'s"
	f          wflag // a word's flags in the table
	n          int32 // a number word's value, or a multiplier's power of ten
	kind       kind
	gap        gap
	upper      bool // word starts with a capital
	ord        bool // number with st/nd/rd/th, which end includes
	looked     bool // f and n hold the word's table entry
	plain      bool // number of digits only: no comma or decimal point
	poss       bool // word had a possessive "'s", which end leaves out
}

// lex splits text into tokens in one pass. Invalid UTF-8 becomes one-byte
// punctuation, so offsets stay valid whatever the input.
func lex(text string) []token {
	// News prose averages a token per five bytes; a quarter of the length
	// avoids regrowing the slice for almost every article.
	toks := make([]token, 0, len(text)/4+8)
	g := gapNone
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			g = gapLine
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			g = max(g, gapSpace)
			i++
			continue
		case c >= '0' && c <= '9':
			t := scanNumber(text, i)
			t.gap = g
			toks = append(toks, t)
			i = t.end
		case c < utf8.RuneSelf && !isLetter(c):
			toks = append(toks, token{start: i, end: i + 1, kind: kPunct, gap: g})
			i++
		default:
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			switch {
			case unicode.IsLetter(r):
				t, full := scanWord(text, i)
				t.gap = g
				toks = append(toks, t)
				i = full
			case unicode.IsSpace(r):
				g = max(g, gapSpace)
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					g = gapLine
				}
				i += size
				continue
			default:
				toks = append(toks, token{start: i, end: i + size, kind: kPunct, gap: g})
				i += size
			}
		}
		g = gapNone
	}
	return toks
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func startsLetter(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return isLetter(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// scanWord reads the word at i, apostrophes between letters included. The
// table lookup waits until a figure needs the word (see parser.flags):
// most words are never near one. A possessive "'s" is left out of the token, so "UK’s" is
// "UK", but the returned end of the whole word includes it.
func scanWord(text string, i int) (token, int) {
	j, apos := i, -1
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if isLetter(c) {
				j++
				continue
			}
			if c == '\'' && startsLetter(text[j+1:]) {
				apos, j = j, j+1
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			j += n
			continue
		}
		if r == '’' && startsLetter(text[j+n:]) {
			apos, j = j, j+n
			continue
		}
		break
	}
	t := token{start: i, end: j, kind: kWord}
	if c := text[i]; c < utf8.RuneSelf {
		t.upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text[i:])
		t.upper = unicode.IsUpper(r)
	}
	if apos > i && text[j-1]|0x20 == 's' && (apos+1 == j-1 || apos+len("’") == j-1) {
		t.end, t.poss = apos, true
	}
	return t, j
}

// scanNumber reads digits at i, with thousands commas and one decimal
// point, and an ordinal suffix if one follows.
func scanNumber(text string, i int) token {
	j, plain, dot := i, true, false
	for j < len(text) {
		c := text[j]
		switch {
		case isDigit(c):
			j++
			continue
		case c == ',' && !dot && j+4 <= len(text) && isDigit(text[j+1]) && isDigit(text[j+2]) &&
			isDigit(text[j+3]) && (j+4 == len(text) || !isDigit(text[j+4])):
			j, plain = j+1, false
			continue
		case c == '.' && !dot && j+1 < len(text) && isDigit(text[j+1]):
			j, plain, dot = j+1, false, true
			continue
		}
		break
	}
	t := token{start: i, end: j, kind: kNum, plain: plain}
	if j+2 <= len(text) && (j+2 == len(text) || !startsLetter(text[j+2:])) {
		switch a, b := text[j]|0x20, text[j+1]|0x20; {
		case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
			t.ord, t.end = true, j+2
		}
	}
	return t
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
		case isDigit(c):
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

// lookup finds the lower-cased word in m without allocating.
func lookup[V any](m map[string]V, w string) (V, bool) {
	var buf [maxKey]byte
	var zero V
	if len(w) > len(buf) {
		return zero, false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return zero, false
		}
		buf[k] = c | 0x20
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}
