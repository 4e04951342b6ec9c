package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/prose"
)

// Known is a curated person: their id, names and role help resolve speakers.
type Known struct {
	ID    string
	Names []string
	Role  string
}

// Person is someone the article names, or an unnamed source that speaks
// ("a company spokesman").
type Person struct {
	Name     string
	Role     string       // as the article gives it, or ""
	KnownID  string       // the curated person this is, if any
	Key      string       // the same person in every article (set by RunAll)
	Unnamed  bool         // known only by role or as an organisation
	Mentions []prose.Span // where the article names them
	sex      byte         // 'm', 'f' or 0, so that "she" does not resolve to a man
	first    string       // folded first and last words of Name, for lookups
	last     string
	key      string // folded Name
	roleFor  string // the Role that roleK was folded from
	roleK    string
}

// roleKey returns the folded role, folding it again only when it changed.
func (p *Person) roleKey() string {
	if p.roleFor != p.Role {
		p.roleFor, p.roleK = p.Role, foldName(p.Role)
	}
	return p.roleK
}

// Quote is a direct quote: Start:End is the quoted text without its marks.
type Quote struct {
	Start, End int
	Speaker    int // index into Result.People
}

// Result is what one article yields.
type Result struct {
	People []Person
	Quotes []Quote
	looked []uint32 // the second pass's look-ups (see lookups.go)
}

// Run extracts people and quotes from one article split into sentences.
func Run(text string, sents []prose.Sentence, known []Known) Result {
	return run(Doc{Text: text, Sentences: sents}, newKnownIndex(known), nil)
}

// knownIndex is the known people folded for lookup, built once and shared
// by every article of a run.
type knownIndex struct {
	known      []Known
	byKey      map[string]int   // folded name -> known entry
	roles      []string         // folded role of each entry
	byRoleHead map[string][]int // last word of a folded role -> entries
	record     bool             // articles note their look-ups (see lookups.go)
}

func newKnownIndex(known []Known) *knownIndex {
	ix := &knownIndex{known: known, byKey: make(map[string]int, len(known)*2), roles: make([]string, len(known)), byRoleHead: map[string][]int{}}
	for i, k := range known {
		for _, n := range k.Names {
			ix.byKey[foldName(n)] = i
		}
		ix.roles[i] = foldName(k.Role)
		if f := strings.Fields(ix.roles[i]); len(f) > 0 {
			head := f[len(f)-1]
			ix.byRoleHead[head] = append(ix.byRoleHead[head], i)
		}
	}
	return ix
}

// scratch is the per-word arrays of a doc, which a worker reuses from
// article to article: no result keeps them, and two passes over every
// word of a corpus would otherwise allocate them afresh for each article.
type scratch struct {
	words  []prose.WordSpan
	low    []prose.WordSpan
	sentOf []int32
	nameAt []int32
	single []nameRun
	lower  []byte
	cls    []wordClass
	paras  []paragraph
	qs     []qspan
	hist   []int
}

func newScratch() *scratch { return &scratch{} }

// run reads an article; sc, when not nil, lends it its arrays.
func run(in Doc, ix *knownIndex, sc *scratch) Result {
	d := newDoc(in, ix, sc)
	d.findNames()
	d.findQuotes()
	var r Result
	r.People = d.people
	r.Quotes = d.quotes
	r.looked = d.lookups()
	return r
}

// findPeople runs the first pass: the people an article names, without
// its quotes. What the second pass learns from the first (see gather) is
// the named people and their roles, which finding quotes never changes:
// it only adds unnamed sources and known people, whom gather leaves out.
func findPeople(in Doc, ix *knownIndex, sc *scratch) Result {
	d := newDoc(in, ix, sc)
	d.findNames()
	return Result{People: d.people}
}

// doc is one article being read, word by word.
type doc struct {
	text  string
	sents []prose.Sentence
	words []prose.WordSpan
	// low holds each word lower-cased, possessive "'s" removed (see
	// lowAt): where in text, or in folds for a word that is not plain
	// lower-case there. Offsets, not strings, halve its size and leave
	// the collector no pointers to scan in an array of every word.
	low    []prose.WordSpan
	folds  string
	sentOf []int32 // sentence of each word, -1 between sentences

	known  []Known
	ix     *knownIndex
	looked []uint32 // hashes of the look-ups in ix, when it records them

	people []Person
	byKey  map[string]int // folded full name -> person
	// nameAt holds, for the last word of each name, its person, and -1
	// for every other word: an array, as bareSurnames asks of every word.
	nameAt []int32
	cls    []wordClass // each word's lists, 0 until asked (see is)
	sc     *scratch    // the arrays lent, for findNames's own
	quotes []Quote
	// lower is the text as strings.ToLower gives it, made on first use.
	lower   []byte
	lowered bool
}

func newDoc(in Doc, ix *knownIndex, sc *scratch) *doc {
	text, sents := in.Text, in.Sentences
	d := &doc{text: text, sents: sents, known: ix.known, ix: ix, byKey: map[string]int{}}
	if sc == nil {
		sc = &scratch{}
	}
	d.words = in.Words
	if d.words == nil && in.Packed.Len() > 0 {
		// Into the worker's array: no result holds on to the words.
		d.words = in.Packed.Unpack(sc.words[:0])
		sc.words = d.words
	}
	if d.words == nil {
		d.words = prose.Words(text)
	}
	// Every element is set below: the arrays need no clearing.
	d.low = slices.Grow(sc.low[:0], len(d.words))[:len(d.words)]
	d.sentOf = slices.Grow(sc.sentOf[:0], len(d.words))[:len(d.words)]
	d.nameAt = slices.Grow(sc.nameAt[:0], len(d.words))[:len(d.words)]
	d.cls = slices.Grow(sc.cls[:0], len(d.words))[:len(d.words)]
	sc.low, sc.sentOf, sc.nameAt, sc.cls = d.low, d.sentOf, d.nameAt, d.cls
	d.sc = sc
	// Capitalised words, most of those to fold, are about a tenth of the
	// text; the builder's bytes become folds without a copy.
	var folds strings.Builder
	folds.Grow(len(text)/8 + 16)
	s := 0
	for i, w := range d.words {
		d.low[i] = w
		if word := text[w.Start:w.End]; needsFold(word) {
			// Stored as ^start, so that a negative Start says folds.
			at := folds.Len()
			appendFold(&folds, word)
			d.low[i] = prose.WordSpan{Start: ^int32(at), End: int32(folds.Len())}
		}
		for s < len(sents) && sents[s].End <= int(w.Start) {
			s++
		}
		d.sentOf[i], d.nameAt[i], d.cls[i] = -1, -1, 0
		if s < len(sents) && sents[s].Start <= int(w.Start) {
			d.sentOf[i] = int32(s)
		}
	}
	d.folds = folds.String()
	return d
}

// lowAt returns word i lower-cased, its possessive "'s" removed.
func (d *doc) lowAt(i int) string {
	w := d.low[i]
	if w.Start < 0 {
		return d.folds[^w.Start:w.End]
	}
	return d.text[w.Start:w.End]
}

// personAt returns the person of the name whose last word is word i.
func (d *doc) personAt(i int) (int, bool) {
	p := d.nameAt[i]
	return int(p), p >= 0
}

// sentAt returns the sentence of word i, or -1 between sentences.
func (d *doc) sentAt(i int) int { return int(d.sentOf[i]) }

// word returns the text of word i.
func (d *doc) word(i int) string { return d.text[d.words[i].Start:d.words[i].End] }

// gap returns the text between word i-1 and word i.
func (d *doc) gap(i int) string {
	if i <= 0 || i >= len(d.words) {
		return ""
	}
	return d.text[d.words[i-1].End:d.words[i].Start]
}

// joined reports whether words i-1 and i are separated by plain spaces only.
func (d *doc) joined(i int) bool {
	g := d.gap(i)
	return g != "" && strings.Trim(g, " ") == "" && i > 0 && d.sentAt(i) == d.sentAt(i-1)
}

func (d *doc) capitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(d.word(i))
	return unicode.IsUpper(r)
}

// acronym reports whether word i is all capitals ("US", "MOD").
func (d *doc) acronym(i int) bool {
	w := d.word(i)
	if len(w) > 5 {
		return false
	}
	// For ASCII, the same test without the two case-mapped copies: no
	// lower-case letter and some upper-case one.
	upper := false
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= utf8.RuneSelf:
			return strings.ToUpper(w) == w && strings.ToLower(w) != w
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	return upper
}

// wordAt returns the index of the first word starting at or after byte off.
func (d *doc) wordAt(off int) int {
	lo, hi := 0, len(d.words)
	for lo < hi {
		m := (lo + hi) / 2
		if int(d.words[m].Start) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sentenceStart reports whether word i is the first word of its sentence.
func (d *doc) sentenceStart(i int) bool {
	s := d.sentAt(i)
	return s >= 0 && (i == 0 || d.sentAt(i-1) != s)
}
