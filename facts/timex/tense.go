package timex

import "github.com/briefbot/briefbot/facts/lexer"

// tenseWindow is how many tokens either side of an expression may hold
// its verb; news clauses rarely put it further away.
const tenseWindow = 12

// tense reads the tense of the clause around tokens [i, j): the nearest
// verb cue wins, the one before the expression on a tie, since English
// puts the verb first ("met on Monday"). The scan stops at a full stop,
// colon, semicolon or line break: a colon usually introduces a quotation
// whose tense is its own.
func (p *parser) tense(i, j int) Tense {
	l, r := i-1, j
	lok, rok := true, true
	for d := 0; d < tenseWindow && (lok || rok); d++ {
		if lok {
			if l < 0 || p.tok(l+1).gap == lexer.GapLine || p.stop(l) {
				lok = false
			} else if t, ok := p.cue(l); ok {
				return t
			}
			l--
		}
		if rok {
			if r >= len(p.toks) || p.tok(r).gap == lexer.GapLine || p.stop(r) {
				rok = false
			} else if t, ok := p.cue(r); ok {
				return t
			}
			r++
		}
	}
	return Unknown
}

// stop reports whether token k ends a clause.
func (p *parser) stop(k int) bool {
	t := p.tok(k)
	if t.kind != lexer.Punct || t.end-t.start != 1 {
		return false
	}
	switch p.text[t.start] {
	case '.', '!', '?', ';', ':':
		return true
	}
	return false
}

// cue returns the tense token k signals, if any. ok with Unknown means the
// cue is there but undecided ("was due to"), which ends the search.
func (p *parser) cue(k int) (Tense, bool) {
	t := p.tok(k)
	if t.kind != lexer.Word {
		return Unknown, false
	}
	if tn, ok, done := p.cliticCue(k); done {
		return tn, ok
	}
	switch t.cls {
	case cFut:
		return Future, true
	case cFutTo:
		if p.cls(k+1) == cTo {
			if p.cls(k-1) == cBePast || p.cls(k-1) == cAdv && p.cls(k-2) == cBePast {
				return Unknown, true // "was due to": planned then, done or not
			}
			return Future, true
		}
	case cBePres:
		return p.afterBe(k)
	case cBePast:
		n := p.skipAdv(k + 1)
		if p.cls(n) == cFutTo && p.cls(n+1) == cTo {
			return Unknown, true
		}
		return Past, true
	case cHad, cDid, cAgo:
		return Past, true
	case cHave:
		if p.participle(p.skipAdv(k + 1)) {
			return Past, true
		}
	case cPast:
		if c := p.cls(k - 1); c == cBe {
			return p.passive(k - 1)
		} else if c != cBePres {
			return Past, true
		}
	case cTo:
		if p.cls(k+1) == cBe {
			return Future, true // "to be held"
		}
	case cNone:
		if p.isEd(k) && p.cls(k-1) == cBe {
			return p.passive(k - 1)
		}
		if p.isEd(k) && !p.adjectival(k) {
			return Past, true
		}
	}
	return Unknown, false
}

// cliticCue reads the tense a contracted ending signals: "'ll" the
// future, "'ve" + participle the past, "'re"/"'m"/"he's" whatever follows
// "be". done is false when the ending decides nothing and the word itself
// is to be read.
func (p *parser) cliticCue(k int) (t Tense, ok, done bool) {
	switch p.tok(k).cl {
	case clLl:
		return Future, true, true
	case clRe, clM:
		t, ok = p.afterBe(k)
		return t, ok, true
	case clVe:
		if p.participle(p.skipAdv(k + 1)) {
			return Past, true, true
		}
	case clS:
		if inSet(pronoun, p.word(k)) {
			t, ok = p.afterBe(k)
			return t, ok, true
		}
	}
	return Unknown, false, false
}

// passive reads the auxiliary before "be" or "being" at k, so that a
// participle after it ("to be held", "will be signed") carries the
// auxiliary's tense at the participle's distance.
func (p *parser) passive(k int) (Tense, bool) {
	if p.word(k) == "being" {
		return Present, true
	}
	n := k - 1
	if p.cls(n) == cAdv {
		n--
	}
	if n >= 0 && (p.cls(n) == cTo || p.cls(n) == cFut || p.tok(n).cl == clLl) {
		return Future, true
	}
	return Unknown, false
}

// afterBe reads what follows a form of "be" at k: "is to", "is due to"
// and "is going to" look ahead; "is meeting" is present.
func (p *parser) afterBe(k int) (Tense, bool) {
	n := p.skipAdv(k + 1)
	switch {
	case p.cls(n) == cFutTo && p.cls(n+1) == cTo, p.cls(n) == cTo:
		return Future, true
	case p.isIng(n):
		return Present, true
	}
	return Unknown, false
}

// skipAdv steps over up to three adverbs from k: "is also due to".
func (p *parser) skipAdv(k int) int {
	for n := 0; n < 3 && k < len(p.toks); n++ {
		w := p.word(k)
		if p.tok(k).cls != cAdv && p.tok(k).cl != clNt && !(len(w) > 3 && w[len(w)-2:] == "ly") {
			break
		}
		k++
	}
	return k
}

func (p *parser) participle(k int) bool { return p.cls(k) == cPast || p.isEd(k) }

// adjectival reports whether the "-ed" word at k modifies a noun ("the
// armed forces", "31 allied nations", "so-called") or follows a form of
// "be" ("is needed", "will be held"), leaving the tense to the auxiliary.
func (p *parser) adjectival(k int) bool {
	if k == 0 {
		return false
	}
	prev := p.tok(k - 1)
	switch {
	case prev.kind == lexer.Num, prev.cl == clS, prev.cls == cBe, prev.cls == cBePres, prev.cls == cBePast:
		return true
	case prev.kind == lexer.Punct:
		return p.tight(k) && p.punct(k-1, "-")
	}
	switch prev.cls {
	case cThe, cDet, cCount:
		return true
	case cQty:
		return prev.x == 1
	case cDeictic:
		return prev.v == 0
	}
	return false
}

// pronoun holds words whose "'s" is "is", not a possessive.
var pronoun = set("it", "he", "she", "there", "that", "what", "who", "here", "where", "this")
