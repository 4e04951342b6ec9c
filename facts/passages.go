package facts

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/facts/search"
)

// Terms are the words of a question that say what it is about, each
// weighted by how rare it is in the base: a word no article holds weighs
// most, so a question about something the articles never mention is seen
// to be so.
type Terms struct {
	list []search.Term
	ix   *search.Index
}

// Terms weighs the words of q against the base's own index; misspelt words
// are corrected to the closest word the articles use.
func (b *Base) Terms(q string) Terms {
	ts := b.index.Terms(q)
	for i, t := range ts {
		if lightWords[t.Word] {
			ts[i].IDF *= lightWeight
		}
	}
	return Terms{list: ts, ix: b.index}
}

// Len is the number of words.
func (ts Terms) Len() int { return len(ts.list) }

// Weight is the total weight of the terms.
func (ts Terms) Weight() float64 {
	w := 0.0
	for _, t := range ts.list {
		w += t.IDF
	}
	return w
}

// Missing returns the words no article holds.
func (ts Terms) Missing() []string {
	var out []string
	for _, t := range ts.list {
		if !t.Known {
			out = append(out, t.Typed)
		}
	}
	return out
}

// query rebuilds a search query from the terms, misspelt words replaced by
// their correction.
func (ts Terms) query() string {
	words := make([]string, 0, len(ts.list))
	for _, t := range ts.list {
		if t.Known {
			words = append(words, t.Word)
		}
	}
	return strings.Join(words, " ")
}

// Cover returns the share of the terms' weight that the texts hold, from 0
// (none of the question's words) to 1 (all of them).
func (ts Terms) Cover(texts ...string) float64 {
	total := ts.Weight()
	if total == 0 || ts.ix == nil {
		return 0
	}
	var have uint64 // bit i: term i is in the texts (a question has few words)
	for _, text := range texts {
		ts.ix.EachStem(text, func(stem string) {
			for i, t := range ts.list {
				if i < 64 && t.Known && t.Stem == stem {
					have |= 1 << i
				}
			}
		})
	}
	got := 0.0
	for i, t := range ts.list {
		if i < 64 && have&(1<<i) != 0 {
			got += t.IDF
		}
	}
	return got / total
}

// Passage is one sentence of the story that bears on a question, with
// every article that carries it: syndicated copies of one sentence are one
// passage with several citations.
type Passage struct {
	Cites []Citation // the sentence in each article carrying it; Cites[0] is shown
	Score float64
	Cover float64  // share of the question's weight the sentence holds
	Marks [][2]int // matched words of Cites[0], relative to its start
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
	hits := b.index.Search(q, candidates)
	stems := b.index.QueryStems(q)
	type cand struct {
		p    Passage
		sent int
	}
	var cands []cand
	first := map[*Document]int{} // the first sentence of each article that holds the question
	for _, h := range hits {
		u := b.units[h.ID]
		s := u.doc.Sentences[u.sent]
		if s.Kind != prose.Story {
			continue
		}
		text := u.doc.Text[s.Start:s.End]
		c := Citation{Doc: u.doc, Start: s.Start, End: s.End}
		p := Passage{Cites: []Citation{c}, Cover: ts.Cover(text)}
		if startsWithPronoun(text) {
			// "He said …" is about whoever the sentence before names.
			if prev, ok := b.Beside(c, -1); ok {
				p.Cover = max(p.Cover, ts.Cover(text, prev.Quote()))
			}
		}
		p.Score = math.Sqrt(h.Score) * (0.1 + p.Cover)
		if want != WantAny && HasKind(text, want, subject) {
			p.Score *= 1.8
		}
		if f, ok := first[u.doc]; p.Cover >= 0.5 && (!ok || u.sent < f) {
			first[u.doc] = u.sent
		}
		cands = append(cands, cand{p, u.sent})
	}
	for i := range cands {
		c := &cands[i]
		if want == WantDefinition && first[c.p.Cites[0].Doc] == c.sent && c.p.Cover >= 0.5 {
			c.p.Score *= 1.5 // news introduces a thing where it first names it
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].p.Score > cands[j].p.Score })
	// The best passages, each once: a later copy of one adds its citation.
	var out []Passage
	var sets []map[string]bool
	for _, c := range cands {
		words := wordSet(c.p.Text())
		if i := sameSentence(sets, words); i >= 0 {
			out[i].Cites = append(out[i].Cites, c.p.Cites...)
			continue
		}
		if len(out) < limit {
			out = append(out, c.p)
			sets = append(sets, words)
		}
	}
	for i := range out {
		out[i].Marks = b.index.Highlight(out[i].Text(), stems)
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
	return containsWord(words, strings.ToLower(w))
}

// sameSentence returns the passage that is a copy of words (the same
// words but for a few, as syndicated copies differ in punctuation and
// house style), or -1.
func sameSentence(sets []map[string]bool, words map[string]bool) int {
	for i, other := range sets {
		if a, b := len(words), len(other); 5*min(a, b) < 4*max(a, b) {
			continue // sizes alone keep the overlap under 80%
		}
		shared := 0
		for w := range words {
			if other[w] {
				shared++
			}
		}
		union := len(words) + len(other) - shared
		if union > 0 && float64(shared) >= 0.8*float64(union) {
			return i
		}
	}
	return -1
}

// wordSet is the set of a sentence's words, lower-cased, for comparing
// copies; stems are not needed for that.
func wordSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		m[w] = true
	}
	return m
}

// Correct returns text with each word the articles never use replaced by
// the closest word they do ("parlament" by "parliament"), so that a typo in
// a name or a role does not stop the look-up.
func (b *Base) Correct(text string) string {
	words := strings.Fields(text)
	changed := false
	for i, w := range words {
		ts := b.index.Terms(w)
		if len(ts) == 1 && ts[0].Corrected {
			words[i], changed = ts[0].Word, true
		}
	}
	if !changed {
		return text
	}
	return strings.Join(words, " ")
}
