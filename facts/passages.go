package facts

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/facts/search"
)

// Passage is one sentence of the story that bears on a question, with
// every article that carries it: syndicated copies of one sentence are one
// passage with several citations.
type Passage struct {
	Cites []Citation // the sentence in each article carrying it; Cites[0] is shown
	Score float64
	Cover float64 // share of the question's weight the sentence holds
	// The index and the question's stems that Marks reads.
	ix    *search.Index
	stems []string
}

// Marks are the matched words of Cites[0], relative to its start. They
// are found when asked for: a question shows a few of the passages it
// asks for, and finding them for every passage was 6% of the CPU of 200
// ask queries.
func (p Passage) Marks() [][2]int {
	if p.ix == nil {
		return nil
	}
	return p.ix.Highlight(p.Text(), p.stems)
}

// Text is the passage's sentence as the first article gives it.
func (p Passage) Text() string { return p.Cites[0].Quote() }

// Want says what kind of sentence a question wants, so that one holding
// that kind of answer ranks above one that merely shares its words.
type Want uint8

// Kinds of sentence a question may want.
const (
	WantAny        Want = iota
	WantReason          // gives a cause or a purpose
	WantPlace           // places something somewhere
	WantNumber          // holds a number
	WantTime            // holds a date or a stretch of time
	WantDefinition      // says what the subject is ("X is …", "X, which …", "… (X)")
	WantAmount          // holds a sum of money or a share ("£2bn", "2.5%")
	WantVerdict         // settles a yes/no question ("ruled out", "no intention", "will")
)

// candidates is how many search hits a passage query considers: enough to
// find the sentence of the right kind below a few that share more words.
const candidates = 60

// Passages returns up to limit story sentences bearing on the terms, best
// first. Headlines, captions, bylines and page furniture are never
// passages. A sentence of the wanted kind ranks higher, and with want set,
// subject (the question's own words) does not count as the answer: a place
// must be one the question did not name.
func (b *Base) Passages(ts Terms, want Want, subject string, limit int) []Passage {
	q := ts.query()
	if q == "" || limit <= 0 {
		return nil
	}
	cands := b.scorePassages(ts, b.index.Search(q, candidates), want, subject)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].p.Score > cands[j].p.Score })
	out := mergeCopies(cands, limit)
	stems := b.index.QueryStems(q)
	for i := range out {
		out[i].ix, out[i].stems = b.index, stems
	}
	return out
}

// candidate is a sentence found for a question, before copies are merged.
type candidate struct {
	p    Passage
	sent int
}

// scorePassages scores the story sentences among the hits: their share of
// the question, their search score, and whether they hold the wanted kind.
func (b *Base) scorePassages(ts Terms, hits []search.Hit, want Want, subject string) []candidate {
	var cands []candidate
	first := map[*Document]int{} // the first sentence of each article that holds the question
	for _, h := range hits {
		u := b.units[h.ID]
		s := u.doc.Sentences[u.sent]
		if s.Kind != prose.Story {
			continue
		}
		text := u.doc.Text[s.Start:s.End]
		c := Citation{Doc: u.doc, Start: s.Start, End: s.End}
		p := Passage{Cites: []Citation{c}, Cover: ts.coverUnit(h.ID)} // ts.Cover(text), from the index
		if startsWithPronoun(text) {
			// "He said …" is about whoever the sentence before names.
			if prev, ok := b.Beside(c, -1); ok {
				p.Cover = max(p.Cover, ts.Cover(text, prev.Quote()))
			}
		}
		// Coverage leads: the search score only orders sentences that hold
		// as much of the question, so that a short sentence sharing one rare
		// word does not beat one that holds the whole question.
		p.Score = math.Sqrt(h.Score) * (0.1 + p.Cover)
		if want != WantAny && HasKind(text, want, subject) {
			p.Score *= 1.8
		}
		if f, ok := first[u.doc]; p.Cover >= 0.5 && (!ok || u.sent < f) {
			first[u.doc] = u.sent
		}
		cands = append(cands, candidate{p, u.sent})
	}
	if want == WantDefinition {
		for i := range cands {
			c := &cands[i]
			if first[c.p.Cites[0].Doc] == c.sent && c.p.Cover >= 0.5 {
				c.p.Score *= 1.5 // news introduces a thing where it first names it
			}
		}
	}
	return cands
}

// mergeCopies keeps the best limit passages of sorted candidates, each
// once: a later copy of one (syndication) adds its citation to it.
func mergeCopies(cands []candidate, limit int) []Passage {
	var out []Passage
	var sets [][]string
	var scratch []string // the words of a candidate that is not kept, reused
	for _, c := range cands {
		words := wordSet(scratch[:0], c.p.Text())
		if i := sameSentence(sets, words); i >= 0 {
			out[i].Cites = append(out[i].Cites, c.p.Cites...)
			scratch = words
			continue
		}
		if len(out) < limit {
			out = append(out, c.p)
			sets = append(sets, words)
			scratch = nil
		} else {
			scratch = words
		}
	}
	return out
}

// Beside returns the story sentence step sentences away from the one c
// cites (-1 the one before, 1 the one after), in the same article.
func (b *Base) Beside(c Citation, step int) (Citation, bool) {
	i := c.Doc.SentenceAt(c.Start)
	if i < 0 {
		return Citation{}, false
	}
	j := i + step
	if j < 0 || j >= len(c.Doc.Sentences) || c.Doc.Sentences[j].Kind != prose.Story {
		return Citation{}, false
	}
	s := c.Doc.Sentences[j]
	return Citation{Doc: c.Doc, Start: s.Start, End: s.End}, true
}

// StartsWithReference reports whether a sentence opens by referring back
// ("He said …", "This plan …"), so that it needs the one before it.
func StartsWithReference(text string) bool {
	return startsWithPronoun(text) || startsWith(text, referenceWords)
}

func startsWithPronoun(text string) bool { return startsWith(text, pronounWords) }

func startsWith(text string, words []string) bool {
	text = strings.TrimLeft(text, "\"“‘'- ")
	w, _, _ := strings.Cut(text, " ")
	// An ASCII word is compared lower-cased byte by byte, without the
	// lower-cased copy that a sentence's capital first word needed (every
	// candidate passage of every question is asked).
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return slices.Contains(words, strings.ToLower(w))
		}
	}
	// The words are lower-case ASCII, so for an ASCII w folding is
	// lower-casing.
	return slices.ContainsFunc(words, func(x string) bool { return strings.EqualFold(w, x) })
}

// sameSentence returns the passage that is a copy of words (the same
// words but for a few, as syndicated copies differ in punctuation and
// house style), or -1.
func sameSentence(sets [][]string, words []string) int {
	for i, other := range sets {
		if a, b := len(words), len(other); 5*min(a, b) < 4*max(a, b) {
			continue // sizes alone keep the overlap under 80%
		}
		// Most pairs are not copies: the merge stops as soon as the words
		// left could not bring the overlap to 80% (copyNeeds).
		need := copyNeeds(len(words) + len(other))
		shared := 0
		for j, k := 0, 0; j < len(words) && k < len(other); {
			switch c := strings.Compare(words[j], other[k]); {
			case c == 0:
				shared++
				j++
				k++
				continue
			case c < 0:
				j++
			default:
				k++
			}
			if shared+min(len(words)-j, len(other)-k) < need {
				break
			}
		}
		union := len(words) + len(other) - shared
		if union > 0 && float64(shared) >= 0.8*float64(union) {
			return i
		}
	}
	return -1
}

// copyNeeds is the fewest shared words that make two sets of total size
// n copies by sameSentence's test (shared ≥ 80% of the union, n − shared),
// computed with that test itself so that stopping short of it never
// changes a verdict.
func copyNeeds(n int) int {
	s := max(int(0.8*float64(n)/1.8)-1, 0)
	for s < n && !(float64(s) >= 0.8*float64(n-s)) {
		s++
	}
	return s
}

// wordSet is the set of a sentence's words, lower-cased, for comparing
// copies; stems are not needed for that. It is sorted, without repeats:
// sets are compared by merging, which costs less than building maps for
// every candidate of every query.
//
// The lower-cased text is split in one pass rather than by FieldsFunc,
// which reads it twice and calls a function for each character.
//
// The words are appended to dst (empty), which may be a set no longer
// needed.
func wordSet(dst []string, text string) []string {
	text = strings.ToLower(text)
	words := slices.Grow(dst, len(text)/6)
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, text[start:])
	}
	slices.Sort(words)
	return slices.Compact(words)
}
