package facts

import (
	"math"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/facts/search"
)

// Terms are the words of a question that say what it is about, each
// weighted by how rare it is in the base: a word no article holds weighs
// most, so a question about something the articles never mention is seen
// to be so.
type Terms []search.Term

// Terms weighs the words of q against the base's own index; misspelt words
// are corrected to the closest word the articles use.
func (b *Base) Terms(q string) Terms {
	ts := b.index.Terms(q)
	for i, t := range ts {
		if lightWords[t.Word] {
			ts[i].IDF *= lightWeight
		}
	}
	return ts
}

// Weight is the total weight of the terms.
func (ts Terms) Weight() float64 {
	w := 0.0
	for _, t := range ts {
		w += t.IDF
	}
	return w
}

// Missing returns the words no article holds.
func (ts Terms) Missing() []string {
	var out []string
	for _, t := range ts {
		if !t.Known {
			out = append(out, t.Typed)
		}
	}
	return out
}

// query rebuilds a search query from the terms, misspelt words replaced by
// their correction.
func (ts Terms) query() string {
	words := make([]string, 0, len(ts))
	for _, t := range ts {
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
	if total == 0 {
		return 0
	}
	have := map[string]bool{}
	for _, text := range texts {
		for _, t := range search.Tokens(text) {
			if t.Stem != "" {
				have[t.Stem] = true
			}
		}
	}
	got := 0.0
	for _, t := range ts {
		if t.Known && have[t.Stem] {
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
		p := Passage{Cites: []Citation{c}, Cover: ts.Cover(text), Marks: search.Highlight(text, stems)}
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
	var out []Passage
	for _, c := range cands {
		if want == WantDefinition && first[c.p.Cites[0].Doc] == c.sent && c.p.Cover >= 0.5 {
			c.p.Score *= 1.5 // news introduces a thing where it first names it
		}
		if i := sameSentence(out, c.p.Text()); i >= 0 {
			out[i].Cites = append(out[i].Cites, c.p.Cites...)
			out[i].Score = max(out[i].Score, c.p.Score)
			continue
		}
		out = append(out, c.p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > limit {
		out = out[:limit]
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
// ("He said …", "This summit …"), so that it needs the one before it.
func StartsWithReference(text string) bool {
	return startsWithPronoun(text) || startsWith(text, referenceWords)
}

func startsWithPronoun(text string) bool { return startsWith(text, pronounWords) }

func startsWith(text string, words []string) bool {
	text = strings.TrimLeft(text, "\"“‘'- ")
	w, _, _ := strings.Cut(text, " ")
	return containsWord(words, strings.ToLower(w))
}

// sameSentence returns the passage that is a copy of text (the same words
// but for a few, as syndicated copies differ in punctuation and house
// style), or -1.
func sameSentence(ps []Passage, text string) int {
	words := wordSet(text)
	for i, p := range ps {
		other := wordSet(p.Text())
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

func wordSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, t := range search.Tokens(text) {
		m[strings.ToLower(text[t.Start:t.End])] = true
	}
	return m
}

// Correct returns text with each word the articles never use replaced by
// the closest word they do ("lancastr" by "lancaster"), so that a typo in
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
