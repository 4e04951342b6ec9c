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

// Converting every token of an article up front was a third of reading
// its dates, and the search looks at few of them: a token that can start
// an expression, and those around one. FindLexed leaves its tokens zero
// (a kind of 0 is no kind the lexer gives) and tok converts each on first
// use; the conversion of a token depends on it alone, so the tokens read
// are the ones an up-front conversion gives.

// unconverted returns n zero tokens, in buf's array when it is large
// enough.
func unconverted(buf []token, n int) []token {
	if cap(buf) < n {
		return make([]token, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// tok returns token k, converting it first if it is not yet; small
// enough to be inlined at each of the parser's many reads of a token.
func (p *parser) tok(k int) *token {
	t := &p.toks[k]
	if t.kind == 0 {
		p.fill(k)
	}
	return t
}

// fill converts token k.
func (p *parser) fill(k int) { p.toks[k] = convert(p.text, p.lts[k]) }

// canStart reports whether an expression may begin at token i. Punctuation
// and a word with no apostrophe that no key of a starting class could be
// are passed over unconverted: they start none.
func (p *parser) canStart(i int) bool {
	if p.lts != nil && p.toks[i].kind == 0 {
		lt := &p.lts[i]
		if lt.Kind == lexer.Punct || lt.Kind == lexer.Word && lt.Apos < 0 && !startShapes.Fits(p.text[lt.Start:lt.End]) {
			return false
		}
	}
	return canStart(p.tok(i))
}

// convert returns lt, a lexer token of text, as the parser reads it.
func convert(text string, lt lexer.Token) token {
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

// keyShapes are the shapes of the keys of words, and startShapes of the
// keys whose class may start an expression, which the search looks for at
// every token.
var keyShapes, startShapes = shapesOf(func(entry) bool { return true }), shapesOf(func(e entry) bool {
	return starters&(1<<e.cls) != 0
})

// shapesOf returns the shapes of the keys of words whose entries keep
// says to.
func shapesOf(keep func(entry) bool) (s lexer.Shapes) {
	for w, e := range words {
		if keep(e) {
			s.Add(w)
		}
	}
	return s
}

// maybeKey reports whether w could be a key of words.
func maybeKey(w string) bool { return keyShapes.Fits(w) }
