package numbers

import (
	"math"

	"github.com/briefbot/briefbot/facts/lexer"
)

// Find returns the figures of text in order, none overlapping.
func Find(text string) []Figure { return new(Finder).Find(text) }

// Finder is Find for text after text, reusing its memory: its tokens, an
// array as long as the text, are most of what Find allocates. It is not
// safe for concurrent use; the zero Finder is ready.
type Finder struct {
	toks []lexer.Token
}

// Find is the package's Find.
func (f *Finder) Find(text string) []Figure {
	f.toks = lexer.Lex(f.toks, text)
	return find(text, f.toks)
}

// FindLexed is Find given toks, lexer.Lex of text: a caller that reads
// dates too lexes each text once. The figures are read from toks as they
// are, so FindLexed allocates no tokens of its own.
func (f *Finder) FindLexed(text string, toks []lexer.Token) []Figure {
	return find(text, toks)
}

// find reads the figures of text from toks, its lexer tokens.
func find(text string, toks []lexer.Token) []Figure {
	p := parser{text: text, toks: toks}
	var out []Figure
	for i := 0; i < len(p.toks); {
		var v value
		next, ok := i+1, false
		switch t := &p.toks[i]; {
		case t.Kind == lexer.Num, p.currency(i):
			v, next, ok = p.digits(i)
		case t.Kind == lexer.Word && maybeNumWord(text[t.Start:p.end(i)]) && p.flags(i)&(wNum|wA) != 0:
			v, next, ok = p.spelled(i)
		}
		if !ok {
			i = max(next, i+1)
			continue
		}
		f := Figure{
			Start:  int(p.toks[v.i].Start),
			End:    int(p.end(v.j - 1)),
			Value:  text[p.toks[v.i].Start:p.end(v.j-1)],
			Number: v.num,
			Unit:   v.unit,
		}
		if v.uEnd > 0 {
			f.End = v.uEnd
		} else if v.unit == "" {
			if s, e := p.unit(v); e > 0 {
				f.Unit, f.End = s, e
			}
		}
		if q, s := p.qualifier(v.i); q != "" && (len(out) == 0 || s >= out[len(out)-1].End) {
			f.Qualifier, f.Start = q, s
		}
		out = append(out, f)
		// Resume past everything the figure took, unit included, so that
		// no two figures overlap.
		for i = v.j; i < len(p.toks) && int(p.toks[i].Start) < f.End; {
			i++
		}
	}
	return out
}

// value is a number as written: tokens [i, j) and what they are worth.
type value struct {
	i, j  int
	num   float64
	pct   bool   // a percentage: only an "of" phrase may follow as unit
	money bool   // a sum of money: likewise
	unit  string // a unit fixed by the number's own form: "10km", "10-year"
	uEnd  int    // where such a unit ends
	one   bool   // the number is one: its noun is singular
}

type parser struct {
	text string
	toks []lexer.Token
}

func (p *parser) str(k int) string {
	if k < 0 || k >= len(p.toks) {
		return ""
	}
	return p.text[p.toks[k].Start:p.end(k)]
}

// punct reports whether token k is the punctuation mark s.
func (p *parser) punct(k int, s string) bool {
	return k >= 0 && k < len(p.toks) && p.toks[k].Kind == lexer.Punct && p.str(k) == s
}

func (p *parser) dash(k int) bool { return p.punct(k, "-") || p.punct(k, "–") }

// tight reports whether token k follows the one before with no space.
func (p *parser) tight(k int) bool { return k > 0 && k < len(p.toks) && p.toks[k].Gap == lexer.GapNone }

// flags returns the table flags of word k. It is looked up each time it
// is asked rather than kept per token: the main loop asks once for the few
// words that may be numbers, and the rest is asked near a figure only.
func (p *parser) flags(k int) wflag {
	f, _ := p.lookup(k)
	return f
}

// wnum returns the value of number word k, or a multiplier's power of ten.
func (p *parser) wnum(k int) int32 {
	_, n := p.lookup(k)
	return n
}

// lookup returns word k's entry in the table: its flags and number.
func (p *parser) lookup(k int) (wflag, int32) {
	if k < 0 || k >= len(p.toks) || p.toks[k].Kind != lexer.Word {
		return 0, 0
	}
	e, _ := lexer.Lookup(words, p.text[p.toks[k].Start:p.end(k)])
	return e.f, e.n
}

func (p *parser) word(k int) bool { return k >= 0 && k < len(p.toks) && p.toks[k].Kind == lexer.Word }

func (p *parser) num(k int) bool { return k >= 0 && k < len(p.toks) && p.toks[k].Kind == lexer.Num }

// currency reports whether token k is a currency sign glued to a number.
func (p *parser) currency(k int) bool {
	if k < 0 || k >= len(p.toks) || p.toks[k].Kind != lexer.Punct {
		return false
	}
	switch p.str(k) {
	case "£", "$", "€", "¥":
		return p.num(k+1) && p.tight(k+1)
	}
	return false
}

// sentenceStart reports whether token k opens a sentence, a line or a
// quotation, where any word may be capitalised.
func (p *parser) sentenceStart(k int) bool {
	if k == 0 || p.toks[k].Gap == lexer.GapLine {
		return true
	}
	if p.toks[k-1].Kind != lexer.Punct {
		return false
	}
	switch p.str(k - 1) {
	case ".", "!", "?", ":", ";", "\"", "“", "‘", "'", "(", "[", "–", "—", "-":
		return true
	}
	return false
}

// named reports whether the word at k, just before a number, makes the
// number part of a name or a rank: "Channel 4", "Article 50", "No 10",
// "(Traore 85)", "number eight". A capital that only opens a sentence
// ("About 30") does not.
func (p *parser) named(k int) bool {
	if !p.word(k) {
		return false
	}
	t, f := &p.toks[k], p.flags(k)
	switch {
	case f&wLabel != 0:
		return true
	case !t.Upper || p.poss(k) || f&(wMonth|wStop|wNum) != 0:
		return false // "Europe's two nuclear powers" is a count
	}
	return !p.sentenceStart(k) || p.punct(k-1, "(")
}

// scale multiplies v by 10^e, keeping exact results exact: "15.8" times a
// million is 15800000, not 15800000.000000002.
func scale(v float64, e int) float64 {
	m := math.Pow(10, float64(e))
	for d := 0; d < 6; d++ {
		if x := v * math.Pow(10, float64(d)); x == math.Trunc(x) && x < 1<<53 {
			return x * m / math.Pow(10, float64(d))
		}
	}
	return v * m
}
