// Package lexer splits news text into words, numbers and punctuation marks
// with byte offsets, for the readers of dates (timex) and figures
// (numbers), which each keep their own word tables. One lexer means one
// idea of a word: apostrophes between letters stay inside it ("UK’s",
// "won't"), thousands commas and one decimal point inside a number
// ("2,000", "2.5"), an ordinal suffix with its number ("1st"), and a line
// break is a stronger gap than a space, because in scraped news it ends a
// paragraph.
package lexer

import (
	"unicode"
	"unicode/utf8"
)

// Kind is what a token is.
type Kind uint8

// Kinds of token.
const (
	Word Kind = iota + 1
	Num
	Punct
)

// Gap is the white space before a token.
type Gap uint8

// Gaps, weakest first.
const (
	GapNone Gap = iota
	GapSpace
	GapLine
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	// Start and End hold the whole token as written, a word's apostrophe
	// endings included; 32 bits are plenty for an article and keep tokens
	// small, which a lexer of whole corpora feels.
	Start, End int32
	// Apos is where a word's last apostrophe between letters starts, or -1:
	// readers split "'s", "n't" and the like off there.
	Apos  int32
	Kind  Kind
	Gap   Gap
	Upper bool // a word that starts with a capital
	Ord   bool // a number with st/nd/rd/th, which End includes
	Plain bool // a number of digits only: no comma or decimal point
}

// Next returns the token at or after byte offset *at of text and moves
// *at past it, or returns false at the end of the text. Walking a text
// with Next allocates nothing. Invalid UTF-8 becomes one-byte
// punctuation, so offsets stay valid whatever the input.
func Next(text string, at *int) (Token, bool) {
	g := GapNone
	for i := *at; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			g = GapLine
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			g = max(g, GapSpace)
			i++
			continue
		case c >= '0' && c <= '9':
			t := number(text, i)
			t.Gap = g
			*at = int(t.End)
			return t, true
		case IsLetter(c): // an ASCII letter, most words' first: no decoding
			t := word(text, i)
			t.Gap = g
			*at = int(t.End)
			return t, true
		case c < utf8.RuneSelf:
			*at = i + 1
			return Token{Start: int32(i), End: int32(i + 1), Kind: Punct, Gap: g, Apos: -1}, true
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case unicode.IsLetter(r):
			t := word(text, i)
			t.Gap = g
			*at = int(t.End)
			return t, true
		case unicode.IsSpace(r):
			g = max(g, GapSpace)
			if r == '\u2028' || r == '\u2029' || r == '\u0085' {
				g = GapLine
			}
			i += size
		default:
			*at = i + size
			return Token{Start: int32(i), End: int32(i + size), Kind: Punct, Gap: g, Apos: -1}, true
		}
	}
	*at = len(text)
	return Token{}, false
}

// Lex returns the tokens of text, in dst's array when it is large enough:
// a text that both readers read is lexed once, and each reads the tokens
// as they are (see timex's and numbers' FindLexed).
func Lex(dst []Token, text string) []Token {
	// News prose averages a token per five bytes; a quarter of the
	// length avoids regrowing the slice for almost every article.
	if n := len(text)/4 + 8; cap(dst) < n {
		dst = make([]Token, 0, n)
	}
	dst = dst[:0]
	for at := 0; ; {
		t, ok := Next(text, &at)
		if !ok {
			return dst
		}
		dst = append(dst, t)
	}
}

// IsLetter reports whether c is an ASCII letter.
func IsLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// IsDigit reports whether c is an ASCII digit.
func IsDigit(c byte) bool { return c >= '0' && c <= '9' }

// StartsLetter reports whether s begins with a letter.
func StartsLetter(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return IsLetter(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// word reads the word at i, apostrophes between letters included.
func word(text string, i int) Token {
	t := Token{Start: int32(i), Kind: Word, Apos: -1}
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if IsLetter(c) {
				j++
				continue
			}
			if c == '\'' && StartsLetter(text[j+1:]) {
				t.Apos, j = int32(j), j+1
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			j += n
			continue
		}
		if r == '’' && StartsLetter(text[j+n:]) {
			t.Apos, j = int32(j), j+n
			continue
		}
		break
	}
	t.End = int32(j)
	if c := text[i]; c < utf8.RuneSelf {
		t.Upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text[i:])
		t.Upper = unicode.IsUpper(r)
	}
	return t
}

// AposLen is the length in bytes of the apostrophe at Apos.
func (t Token) AposLen(text string) int {
	if text[t.Apos] == '\'' {
		return 1
	}
	return len("’")
}

// number reads digits at i, with thousands commas and one decimal point,
// and an ordinal suffix if one follows.
func number(text string, i int) Token {
	j, plain, dot := i, true, false
scan:
	for j < len(text) {
		switch c := text[j]; {
		case IsDigit(c):
			j++
		case c == ',' && !dot && thousands(text, j):
			j, plain = j+1, false
		case c == '.' && !dot && j+1 < len(text) && IsDigit(text[j+1]):
			j, plain, dot = j+1, false, true
		default:
			break scan
		}
	}
	t := Token{Start: int32(i), End: int32(j), Kind: Num, Plain: plain, Apos: -1}
	if j+2 <= len(text) && (j+2 == len(text) || !StartsLetter(text[j+2:])) {
		switch a, b := text[j]|0x20, text[j+1]|0x20; {
		case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
			t.Ord, t.End = true, int32(j+2)
		}
	}
	return t
}

// thousands reports whether the comma at j is followed by exactly three
// digits, as in "2,000", and not by a list ("1,2,3") or a decimal comma.
func thousands(text string, j int) bool {
	return j+4 <= len(text) && IsDigit(text[j+1]) && IsDigit(text[j+2]) && IsDigit(text[j+3]) &&
		(j+4 == len(text) || !IsDigit(text[j+4]))
}

// maxKey bounds the words Lookup looks up: no table holds a longer one.
const maxKey = 32

// Lookup finds the ASCII word w, lower-cased, in a table, without
// allocating. A word with a non-ASCII letter is in no table.
func Lookup[V any](m map[string]V, w string) (V, bool) {
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
