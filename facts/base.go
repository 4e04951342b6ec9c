package facts

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/facts/extract"
	"github.com/briefbot/briefbot/facts/names"
	"github.com/briefbot/briefbot/facts/search"
)

// Base is a loaded, validated fact base. It is immutable: build a new one to
// change anything, so queries never need a lock.
type Base struct {
	docs       []*Document
	docByID    map[string]*Document
	people     []*Person
	personByID map[string]*Person
	events     []*Event
	figures    []*Figure
	points     []*Point
	quotes     []*Quote
	warnings   []Problem
	asOf       Date
	workers    int // articles read at once while loading
	version    string
	loadedAt   time.Time
	readAt     time.Time // the wall clock as the load began to list and read the folder
	dir        string    // the folder, as messages name it

	names       *names.Index
	nameEntries []names.Entry // what names indexes
	index       *search.Index
	units       []unit // search unit id -> sentence

	eventWords, figureWords, quoteWords wordIndex
	quotesBy                            map[string][]int // speaker -> indexes into quotes
	eventsWith                          map[string][]*Event
	unknownSuppress                     []suppression // suppress: ids that named nothing (load errors)
	// passes is what extraction knew, for the next reload to tell which
	// articles' second pass still holds (the results are in each docWork).
	passes extract.Passes
	// noReload: the load dropped what a reload reuses (Options.NoReload).
	noReload bool
	// roleKeys holds each person's parsed roles, built on the first
	// question by role: most loads, and most reloads, never see one.
	roleOnce   sync.Once
	roleKeys   [][]roleKey
	roleParsed map[string]roleKey // role text -> parsed, for the next reload
	rolesBuilt atomic.Bool        // roleKeys and roleParsed are done
}

// unit is one searchable sentence.
type unit struct {
	doc  *Document
	sent int
}

func (b *Base) addPerson(p *Person) {
	if b.personByID == nil {
		b.personByID = map[string]*Person{}
	}
	b.people = append(b.people, p)
	b.personByID[p.ID] = p
}

// finish derives the indexes once the curated facts are read; prev is the
// base this one replaces, or nil.
func (b *Base) finish(extraction bool, sup []suppression, prev *Base) {
	if b.docByID == nil { // a load makes it as it reads the articles
		b.docByID = make(map[string]*Document, len(b.docs))
		for _, d := range b.docs {
			b.docByID[d.ID] = d
		}
	}
	for _, d := range b.docs {
		if d.Published.Start().After(b.asOf.Start()) {
			b.asOf = d.Published
		}
	}
	if b.personByID == nil {
		b.personByID = map[string]*Person{}
	}
	// The search index needs only the sentences, so it is built on a core
	// of its own while the articles are read for the rest. A first load
	// builds it once extraction is done, alongside dates and figures:
	// extraction's arrays and the index build's, held at once, were the
	// peak of a load's memory. A reload edits its index from the start.
	index := &indexBuild{b: b, prev: prev, done: make(chan struct{})}
	if prev != nil || !extraction {
		index.start()
	}
	key := peopleKey(b.people)
	words := b.splitWords(key)
	b.addAllMentions(words, key)
	if extraction {
		// Events and figures depend on the articles and the curated
		// items only: they are made while people and quotes are.
		b.both(prev != nil, func() {
			b.extractAll(words, prev)
			words = nil // not held while the index is built
			index.start()
		}, func() {
			evs, figs := b.readDatesAndFigures()
			b.extractEvents(evs)
			b.extractFigures(figs)
		})
	}
	b.unknownSuppress = b.dropSuppressed(sup)
	b.indexAll(prev, index)
	b.carryRoles(prev)
}

// indexAll sorts the events and quotes and builds the name index and the
// word indexes, which stem through the search index's vocabulary. A first
// load's search index may still be building on a core: the sorting and
// the name index, which need none of it, are done first, on the others.
func (b *Base) indexAll(prev *Base, index *indexBuild) {
	sorts := func() {
		sortEvents(b.events)
		sortQuotes(b.quotes)
	}
	if prev == nil {
		b.both(true, sorts, func() { b.indexNames(prev) })
		b.indexWords(prev, index.wait())
		return
	}
	b.both(true, func() {
		sorts()
		b.indexWords(prev, index.wait())
	}, func() {
		b.indexNames(prev)
	})
}

// indexNames builds the name index, or takes prev's when the people and
// their names are the same (a reload that changed no one): it is immutable.
func (b *Base) indexNames(prev *Base) {
	b.nameEntries = make([]names.Entry, len(b.people))
	for i, p := range b.people {
		b.nameEntries[i] = names.Entry{ID: p.ID, Names: p.Names()}
	}
	if prev != nil && prev.names != nil && slices.EqualFunc(prev.nameEntries, b.nameEntries, func(x, y names.Entry) bool {
		return x.ID == y.ID && slices.Equal(x.Names, y.Names)
	}) {
		b.names = prev.names
		return
	}
	b.names = names.NewIndex(b.nameEntries)
}

// both runs f and g, at once when asked (together) and the load has more
// than one worker. A reload reads few articles again and then makes every
// item of every article on one goroutine: the other core is free for g. A
// first load's extraction keeps every core busy already, and is faster with
// f and g in turn.
func (b *Base) both(together bool, f, g func()) {
	if !together || b.workers <= 1 {
		f()
		g()
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		g()
	}()
	f()
	<-done
}

// Docs returns the articles in id order.
func (b *Base) Docs() []*Document { return b.docs }

// Doc returns the article with the given id, or nil.
func (b *Base) Doc(id string) *Document { return b.docByID[id] }

// People returns the people and organisations in file order.
func (b *Base) People() []*Person { return b.people }

// Person returns the person with the given id, or nil.
func (b *Base) Person(id string) *Person { return b.personByID[id] }

// Events returns the dated events, in date order.
func (b *Base) Events() []*Event { return b.events }

// Figures returns the figures in file order.
func (b *Base) Figures() []*Figure { return b.figures }

// Points returns the key points.
func (b *Base) Points() []*Point { return b.points }

// Quotes returns every quote, in date order.
func (b *Base) Quotes() []*Quote { return b.quotes }

// QuotesBy returns the quotes of one speaker, in date order.
func (b *Base) QuotesBy(id string) []*Quote {
	idx := b.quotesBy[id]
	out := make([]*Quote, len(idx))
	for i, qi := range idx {
		out[i] = b.quotes[qi]
	}
	return out
}

// Warnings returns what loading found worth fixing but not fatal.
func (b *Base) Warnings() []Problem { return b.warnings }

// AsOf is the newest publication date among the articles.
func (b *Base) AsOf() Date { return b.asOf }

// FindPerson resolves a typed name to one person; when it cannot, ok is false
// and suggestions lists the closest names. A full name the articles give
// for someone the base knows by surname alone finds them.
func (b *Base) FindPerson(query string) (p *Person, suggestions []*Person, ok bool) {
	if m, ok := b.names.Resolve(query); ok {
		return b.personByID[m.ID], nil, true
	}
	for _, m := range b.names.Find(query, 5) {
		suggestions = append(suggestions, b.personByID[m.ID])
	}
	if len(suggestions) > 0 && fullNameOf(suggestions[0], query) {
		return suggestions[0], nil, true
	}
	return nil, suggestions, false
}

// fullNameOf reports whether typed is a longer form of p's name that the
// articles themselves use where they mention p ("Jane Doe" for "Doe").
func fullNameOf(p *Person, typed string) bool {
	lower := strings.ToLower(strings.Join(strings.Fields(typed), " "))
	name := strings.Fields(strings.ToLower(p.Name))
	if len(strings.Fields(lower)) <= len(name) {
		return false
	}
	for _, w := range name {
		if !strings.Contains(lower, w) {
			return false
		}
	}
	for _, m := range p.Mentions {
		if strings.Contains(strings.ToLower(m.Doc.SentenceText(m.Sentence)), lower) {
			return true
		}
	}
	return false
}

// CompletePeople serves autocomplete of a person option.
func (b *Base) CompletePeople(prefix string, limit int) []*Person {
	ms := b.names.Complete(prefix, limit)
	out := make([]*Person, len(ms))
	for i, m := range ms {
		out[i] = b.personByID[m.ID]
	}
	return out
}

// Hit is one sentence found by Search.
type Hit struct {
	Doc      *Document
	Sentence int
	Score    float64
	Marks    [][2]int // byte ranges of matched words, relative to the sentence start
}

// Search returns the sentences best matching query (BM25 with stemming).
func (b *Base) Search(query string, limit int) []Hit {
	hits := b.index.Search(query, limit)
	if len(hits) == 0 {
		return nil
	}
	stems := b.index.QueryStems(query)
	out := make([]Hit, len(hits))
	for i, h := range hits {
		u := b.units[h.ID]
		out[i] = Hit{Doc: u.doc, Sentence: u.sent, Score: h.Score,
			Marks: b.index.Highlight(u.doc.SentenceText(u.sent), stems)}
	}
	return out
}
