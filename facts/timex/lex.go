package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	kWord kind = iota + 1
	kNum
	kPunct
)

// gap is the white space before a token. A line break ends a paragraph in
// scraped news, so it bounds clauses as a full stop does.
type gap uint8

const (
	gapNone gap = iota
	gapSpace
	gapLine
)

// clitic is a contracted ending kept apart from its word, so that
// "Today's" still reads as "today" and "won't" still says "will".
type clitic uint8

const (
	clNone clitic = iota
	clS
	clRe
	clLl
	clVe
	clD
	clM
	clNt
)

// token is one word, number or punctuation mark of the text.
type token struct {
	start, end int // end leaves out a clitic
	n          int // value of a number of at most 4 plain digits, else -1
	kind       kind
	gap        gap
	cl         clitic
	upper      bool  // word starts with a capital
	ord        bool  // number with st/nd/rd/th, which end includes
	cls        class // word's class in the table, cNone if absent
	v, x       int8  // word's values in the table
}

// digits returns how many digits a plain number of at most four digits
// has, and 0 for any other token.
func (t *token) digits() int {
	if t.n < 0 {
		return 0
	}
	if t.ord {
		return t.end - t.start - 2
	}
	return t.end - t.start
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
			toks = append(toks, token{start: i, end: i + 1, kind: kPunct, gap: g, n: -1})
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
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					g = gapLine
				} else {
					g = max(g, gapSpace)
				}
				i += size
				continue
			default:
				toks = append(toks, token{start: i, end: i + size, kind: kPunct, gap: g, n: -1})
				i += size
			}
		}
		g = gapNone
	}
	return toks
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// startsLetter reports whether s begins with a letter.
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

// wordEnd returns where the word running through i ends, apostrophes
// between letters included, and where its last such apostrophe starts
// (-1 if none).
func wordEnd(text string, i int) (end, apos int) {
	apos = -1
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isLetter(c) {
				i++
				continue
			}
			if c == '\'' && startsLetter(text[i+1:]) {
				apos = i
				i++
				continue
			}
			return i, apos
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			i += n
			continue
		}
		if r == '’' && startsLetter(text[i+n:]) {
			apos = i
			i += n
			continue
		}
		return i, apos
	}
	return i, apos
}

// scanWord reads the word at i, splits off a clitic and looks it up. It
// returns the token and where the whole word, clitic included, ends.
func scanWord(text string, i int) (token, int) {
	end, a := wordEnd(text, i)
	t := token{start: i, end: end, kind: kWord, n: -1}
	if c := text[i]; c < utf8.RuneSelf {
		t.upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text[i:])
		t.upper = unicode.IsUpper(r)
	}
	if a > i {
		alen := 1
		if text[a] != '\'' {
			alen = len("’")
		}
		switch sfx := text[a+alen : end]; len(sfx) {
		case 1:
			switch sfx[0] | 0x20 {
			case 's':
				t.cl = clS
			case 'd':
				t.cl = clD
			case 'm':
				t.cl = clM
			case 't':
				if a > i+1 && text[a-1]|0x20 == 'n' {
					t.cl, a = clNt, a-1
				}
			}
		case 2:
			switch strings.ToLower(sfx) {
			case "re":
				t.cl = clRe
			case "ll":
				t.cl = clLl
			case "ve":
				t.cl = clVe
			}
		}
		if t.cl != clNone {
			t.end = a
		}
	}
	if w := text[t.start:t.end]; maybeKey(w) {
		if e, ok := lookup(words, w); ok {
			t.cls, t.v, t.x = e.cls, e.v, e.x
		}
	}
	return t, end
}

// keyShapes has bit n of entry c set when some key of words starts with
// letter c and has n letters, so that most words skip the map.
var keyShapes = func() (s [26]uint32) {
	for w := range words {
		s[w[0]-'a'] |= 1 << len(w)
	}
	return s
}()

// maybeKey reports whether w could be a key of words.
func maybeKey(w string) bool {
	return len(w) < 32 && isLetter(w[0]) && keyShapes[w[0]|0x20-'a']&(1<<len(w)) != 0
}

// scanNumber reads digits at i, with thousands commas and one decimal
// point, and an ordinal suffix if one follows.
func scanNumber(text string, i int) token {
	j, plain, dot := i, true, false
scan:
	for j < len(text) {
		switch c := text[j]; {
		case isDigit(c):
			j++
		case c == ',' && !dot && thousands(text, j):
			j, plain = j+1, false
		case c == '.' && !dot && j+1 < len(text) && isDigit(text[j+1]):
			j, plain, dot = j+1, false, true
		default:
			break scan
		}
	}
	t := token{start: i, end: j, kind: kNum, n: -1}
	if plain && j-i <= 4 {
		t.n = 0
		for _, c := range []byte(text[i:j]) {
			t.n = t.n*10 + int(c-'0')
		}
	}
	if j+2 <= len(text) && (j+2 == len(text) || !startsLetter(text[j+2:])) {
		switch a, b := text[j]|0x20, text[j+1]|0x20; {
		case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
			t.ord, t.end = true, j+2
		}
	}
	return t
}

// thousands reports whether the comma at j is followed by exactly three
// digits, as in "2,000", and not by a list ("1,2,3") or a decimal comma.
func thousands(text string, j int) bool {
	return j+4 <= len(text) && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) &&
		(j+4 == len(text) || !isDigit(text[j+4]))
}

// lookup finds the lower-cased word in m without allocating.
func lookup[V any](m map[string]V, w string) (V, bool) {
	var buf [16]byte
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
