package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// qspan is a stretch of text between quotation marks.
type qspan struct {
	open       int  // offset of the opening mark
	start, end int  // the quoted text
	closed     bool // false when the paragraph ends inside the quote
	para       int
	block      bool // an unmarked statement block after "X said:"
	speaker    int
}

// paragraph is the byte range of one paragraph and its sentences.
type paragraph struct {
	start, end   int
	first, after int // sentence range
}

func (d *doc) paragraphs() []paragraph {
	ps := d.sc.paras[:0]
	for i, s := range d.sents {
		if len(ps) == 0 || d.sents[ps[len(ps)-1].first].Para != s.Para {
			ps = append(ps, paragraph{start: s.Start, first: i})
		}
		p := &ps[len(ps)-1]
		p.end, p.after = s.End, i+1
	}
	return ps
}

// scanQuotes appends the quotes of one paragraph to out. Double marks,
// straight or curly, pair up; curly single marks count only where they
// open after a space and close before one, since ’ is mostly an
// apostrophe.
func (d *doc) scanQuotes(out []qspan, p paragraph, pi int) []qspan {
	text := d.text[:p.end]
	in := rune(0)
	var cur qspan
	for i := p.start; i < p.end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case in == 0 && (r == '“' || r == '"' || r == '‘' && opensAt(text, i, p.start)):
			in = r
			cur = qspan{open: i, start: i + size, para: pi}
		case in != 0 && in != '‘' && (r == '”' || r == '"'), in == '‘' && r == '’' && closesAt(text, i+size, p.end):
			cur.end, cur.closed = i, true
			out = append(out, cur)
			in = 0
		}
		i += size
	}
	if in != 0 && in != '‘' {
		cur.end = p.end
		out = append(out, cur)
	}
	return out
}

func opensAt(text string, i, start int) bool {
	if i == start {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r) || r == '(' || r == ':'
}

func closesAt(text string, i, end int) bool {
	if i >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// findQuotes attributes every quote to its speaker, reading sentence by
// sentence so that "he" means the subject of the story so far, not
// whoever was named last. It is one loop of some 50 lines on purpose: each
// quote's attribution depends on the state the ones before it left (a
// statement running over paragraphs, a chain of quotes still without a
// speaker), and splitting it would only pass that state around.
func (d *doc) findQuotes() {
	paras, qs := d.paragraphsAndQuotes()
	r := resolver{d: d, last: -1, hist: d.sc.hist[:0]}
	qi := 0
	blockSpeaker, blockPara, introPara := -1, -1, -1
	blockFirstPerson := false
	var chain []int // quotes of a multi-paragraph quote still without a speaker
	for pi, p := range paras {
		if blockSpeaker >= 0 && pi > blockPara {
			goesOn, fp := d.statementGoesOn(p, pi == introPara+1, blockFirstPerson)
			if goesOn {
				d.quotes = append(d.quotes, Quote{Start: p.start, End: p.end, Speaker: blockSpeaker})
				blockPara, blockFirstPerson = pi, fp
			} else {
				blockSpeaker = -1
			}
		}
		for s := p.first; s < p.after; s++ {
			r.subject(s)
			for ; qi < len(qs) && qs[qi].open < d.sents[s].End; qi++ {
				q := &qs[qi]
				q.speaker = -1
				if d.isTerm(*q, qs) {
					continue
				}
				q.speaker = r.attribute(*q, s)
				continuing := qi > 0 && !qs[qi-1].closed && qs[qi-1].para == pi-1 && q.open == p.start
				switch {
				case q.speaker >= 0:
					for _, c := range chain {
						qs[c].speaker = q.speaker
					}
					chain = chain[:0]
				case continuing && qs[qi-1].speaker >= 0:
					q.speaker = qs[qi-1].speaker
				case qi > 0 && qs[qi-1].para == pi && qs[qi-1].speaker >= 0 && q.open == d.sents[s].Start:
					// "“…,” said X. “…”": a whole sentence quoted after an
					// attributed one in the same paragraph is the same voice.
					q.speaker = qs[qi-1].speaker
				case q.open == p.start && !q.closed:
					chain = append(chain, qi)
				}
				r.push(q.speaker)
			}
		}
		if !lastOpen(qs, qi, pi) {
			chain = chain[:0]
		}
		if sp := d.statementIntro(p, &r); sp >= 0 && !hasQuoteIn(qs, pi) {
			blockSpeaker, blockPara, introPara, blockFirstPerson = sp, pi, pi, false
		}
	}
	d.sc.hist = r.hist
	d.keepQuotes(qs)
}

// keepQuotes adds the quotes of qs given a speaker, trimmed, to the
// statements findQuotes kept, in text order.
func (d *doc) keepQuotes(qs []qspan) {
	for _, q := range qs {
		if q.speaker >= 0 && q.start < q.end {
			s, e := trimSpace(d.text, q.start, q.end)
			d.quotes = append(d.quotes, Quote{Start: s, End: e, Speaker: q.speaker})
		}
	}
	sortQuotes(d.quotes)
}

// paragraphsAndQuotes finds the paragraphs and the quotes in them, in the
// worker's reused arrays: only d.quotes outlives the article.
func (d *doc) paragraphsAndQuotes() ([]paragraph, []qspan) {
	paras := d.paragraphs()
	qs := d.sc.qs[:0]
	for pi, p := range paras {
		qs = d.scanQuotes(qs, p, pi)
	}
	d.sc.paras, d.sc.qs = paras, qs
	return paras, qs
}

func lastOpen(qs []qspan, qi, pi int) bool {
	return qi > 0 && qs[qi-1].para == pi && !qs[qi-1].closed
}

func hasQuoteIn(qs []qspan, pi int) bool {
	for _, q := range qs {
		if q.para == pi {
			return true
		}
	}
	return false
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\t') {
		e--
	}
	return s, e
}

// isTerm reports a phrase in quote marks that is a name for something, not
// something said: "so-called “X”", or a phrase of several words that the
// article also uses outside any quote.
func (d *doc) isTerm(q qspan, qs []qspan) bool {
	before := strings.ToLower(strings.TrimSpace(d.text[max(0, q.open-12):q.open]))
	if strings.HasSuffix(before, "so-called") || strings.HasSuffix(before, "so called") {
		return true
	}
	inner := d.text[q.start:q.end]
	if n := countFields(inner, 7); n < 2 || n > 6 {
		return n == 0
	}
	phrase := strings.ToLower(strings.Trim(inner, " ,.;:!?"))
	if phrase == "" {
		// Punctuation alone ("…! !") says nothing; and an empty phrase
		// would be found at every offset below without moving on.
		return true
	}
	low := d.lowerText()
	if len(low) != len(d.text) {
		return false // case folding moved offsets; no safe comparison
	}
	want := []byte(phrase)
	for i := 0; ; {
		j := bytes.Index(low[i:], want)
		if j < 0 {
			return false
		}
		at := i + j
		if !insideQuote(qs, at) && !markedAround(d.text, at, at+len(phrase)) {
			return true
		}
		i = at + len(phrase)
	}
}

// countFields returns len(strings.Fields(s)), or limit when that is more:
// a quote can be long, and only a count of a few matters.
func countFields(s string, limit int) int {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n == limit {
			break
		}
	}
	return n
}

func insideQuote(qs []qspan, at int) bool {
	for _, q := range qs {
		if q.start <= at && at < q.end {
			return true
		}
	}
	return false
}

// markedAround reports whether a quote mark stands right before or after s:e.
func markedAround(text string, s, e int) bool {
	r1, _ := utf8.DecodeLastRuneInString(text[:s])
	r2, _ := utf8.DecodeRuneInString(text[e:])
	isMark := func(r rune) bool { return strings.ContainsRune("“”\"‘’'", r) }
	return isMark(r1) || isMark(r2)
}

// lowerText returns the text lower-cased, in the worker's reused array:
// a lower-cased copy of every article that quotes a phrase was a tenth
// of what extraction allocated.
func (d *doc) lowerText() []byte {
	if !d.lowered {
		d.lower, d.lowered = appendLower(d.sc.lower[:0], d.text), true
		d.sc.lower = d.lower
	}
	return d.lower
}

// appendLower appends strings.ToLower(s) to b: each rune lower-cased and
// each invalid byte made U+FFFD, as strings.Map does.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return b
}
