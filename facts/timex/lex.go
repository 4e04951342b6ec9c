package timex

import (
	"strings"

	"github.com/briefbot/briefbot/facts/lexer"
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

// clitics maps each contracted ending but "n't", lower-cased, to its
// clitic.
var clitics = map[string]clitic{"s": clS, "re": clRe, "ll": clLl, "ve": clVe, "d": clD, "m": clM}

// token is one word, number or punctuation mark of the text. Offsets are
// 32-bit, as the lexer's are: every article gets an array of its tokens,
// and their size is most of what reading dates allocates.
type token struct {
	start, end int32 // end leaves out a clitic
	n          int   // value of a number of at most 4 plain digits, else -1
	kind       lexer.Kind
	gap        lexer.Gap
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
		return int(t.end-t.start) - 2
	}
	return int(t.end - t.start)
}

// lex splits text into tokens with the shared lexer, splitting clitics
// off words and looking words up in the table; into buf's array when it
// is large enough.
func lex(buf []token, text string) []token { return lexer.MapTo(buf, text, tokenOf(text)) }

// lexed is lex from the tokens lexer.Lex gave for text.
func lexed(buf []token, text string, toks []lexer.Token) []token {
	return lexer.MapTokens(buf, toks, tokenOf(text))
}

// tokenOf returns the conversion of text's lexer tokens.
func tokenOf(text string) func(lexer.Token) token {
	return func(lt lexer.Token) token {
		t := token{start: lt.Start, end: lt.End, kind: lt.Kind, gap: lt.Gap, upper: lt.Upper, ord: lt.Ord, n: -1}
		switch lt.Kind {
		case lexer.Num:
			if lt.Plain && t.end-t.start-t.ordLen() <= 4 {
				t.n = 0
				for _, c := range []byte(text[t.start : t.end-t.ordLen()]) {
					t.n = t.n*10 + int(c-'0')
				}
			}
		case lexer.Word:
			t.word(text, lt)
		}
		return t
	}
}

// ordLen is the length of a number's ordinal suffix.
func (t *token) ordLen() int32 {
	if t.ord {
		return 2
	}
	return 0
}

// word splits a clitic off the word and looks it up.
func (t *token) word(text string, lt lexer.Token) {
	if a := lt.Apos; a > t.start && int(t.end-a)-lt.AposLen(text) <= 2 {
		sfx := strings.ToLower(text[int(a)+lt.AposLen(text) : t.end])
		if cl, ok := clitics[sfx]; ok {
			t.cl = cl
		} else if sfx == "t" && a > t.start+1 && text[a-1]|0x20 == 'n' {
			t.cl, a = clNt, a-1
		}
		if t.cl != clNone {
			t.end = a
		}
	}
	if w := text[t.start:t.end]; maybeKey(w) {
		if e, ok := lexer.Lookup(words, w); ok {
			t.cls, t.v, t.x = e.cls, e.v, e.x
		}
	}
}

// keyShapes has bit n of entry [c][e] set when some key of words starts
// with letter c, ends with a byte whose low five bits are e, and has n
// letters, so that most words skip the map: the last byte halves the
// look-ups that the first and the length let through, and half of those
// are misses.
var keyShapes = func() (s [26][32]uint32) {
	for w := range words {
		s[w[0]-'a'][w[len(w)-1]&31] |= 1 << len(w)
	}
	return s
}()

// maybeKey reports whether w could be a key of words. Lookup compares
// w|0x20 byte by byte, so the last byte is taken the same way.
func maybeKey(w string) bool {
	return len(w) < 32 && lexer.IsLetter(w[0]) && keyShapes[w[0]|0x20-'a'][(w[len(w)-1]|0x20)&31]&(1<<len(w)) != 0
}
