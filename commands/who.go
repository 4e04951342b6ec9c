package commands

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// How much of a person's record a /who card shows; the rest is a /quotes or
// /search away, and a card must stay readable on a phone.
const (
	whoSays     = 5
	whoQuotes   = 3
	whoEvents   = 5
	suggestions = 5
)

// Section headings of a /who card.
const (
	secSays      = "What the sources say"
	secQuotes    = "Quotes"
	secEvents    = "Events"
	secMentioned = "Mentioned in"
)

// who answers /who: a name (typos and parts allowed) or a role ("Defence
// Secretary", "the French president").
func who(b *facts.Base, req Request) (Answer, error) {
	name := req.Opt("name")
	return newAsker(b, req, Question{Text: name, Kind: KindPerson, Target: name, Topic: name}).person()
}

// card fills an answer with what the base holds about one person or
// organisation: role and description, what the sources say, their quotes,
// their events and where they are mentioned.
func card(b *facts.Base, a *Answer, c *citer, p *facts.Person) {
	a.Title = p.Name
	if p.Role != "" {
		a.Title += " — " + p.Role
	}
	a.Lead = p.Description
	if p.Extracted {
		// Honest marking: nothing on this card was checked by a curator.
		a.Lead = "Extracted from the articles, not curated."
		if p.Role != "" {
			a.Lead += " Role as the article gives it: " + p.Role + "."
		}
	}
	a.LeadCites = c.cites(p.Citations)
	qs := b.QuotesBy(p.ID)
	sourcesSay(a, c, p, qs)
	for i, q := range qs {
		if i == whoQuotes {
			break
		}
		a.Items = addQuote(a.Items, quoteItem(c, q, secQuotes))
	}
	for i, e := range b.EventsWith(p.ID) {
		if i == whoEvents {
			break
		}
		a.Items = append(a.Items, eventItem(c, e, secEvents))
	}
	for _, dm := range mentionCounts(p) {
		// The article is listed among the sources even when nothing of it
		// is cited, so that a renderer can name it by title, not id.
		c.source(dm.doc)
		a.Items = append(a.Items, Item{Section: secMentioned, Label: dm.doc.ID, Text: fmt.Sprintf("%s (%s)", dm.doc.Label(), plural(dm.n, "sentence"))})
	}
}

// sourcesSay adds what the sources say of p: the curated citations first,
// then other story sentences that name them, each sentence once, leaving
// out the sentences of their quotes (shown under Quotes).
func sourcesSay(a *Answer, c *citer, p *facts.Person, qs []*facts.Quote) {
	shown := map[facts.Citation]bool{}
	says := 0
	for _, fc := range p.Citations {
		if shown[fc] || says >= whoSays {
			continue
		}
		shown[fc] = true
		says++
		a.Items = append(a.Items, Item{Section: secSays, Date: fc.Doc.Published.String(), Text: fc.Quote(), Verbatim: true, Citations: []int{c.cite(fc)}})
	}
	quoted := map[facts.Citation]bool{}
	for _, q := range qs {
		quoted[sentenceOf(q.Cite)] = true
	}
	for _, m := range p.Mentions {
		if says >= whoSays {
			break
		}
		s := m.Doc.Sentences[m.Sentence]
		fc := facts.Citation{Doc: m.Doc, Start: s.Start, End: s.End}
		if m.Doc.Furniture(m.Sentence) != "" || shown[fc] || quoted[fc] || coveredBy(fc, p.Citations) {
			continue
		}
		shown[fc] = true
		says++
		a.Items = append(a.Items, Item{Section: secSays, Date: m.Doc.Published.String(), Text: fc.Quote(), Verbatim: true, Citations: []int{c.cite(fc)}})
	}
}

// notFound fills an answer that honestly has nothing, with close names.
func notFound(a *Answer, lead string, sugg []*facts.Person) Answer {
	a.Found = false
	a.Title = "Not in the fact base"
	a.Lead = lead
	for i, s := range sugg {
		if i == suggestions {
			break
		}
		a.Suggestions = append(a.Suggestions, s.Name)
	}
	if len(a.Suggestions) > 0 {
		a.Lead += " Did you mean " + strings.Join(a.Suggestions, ", ") + "?"
	}
	return *a
}

type docMentions struct {
	doc *facts.Document
	n   int
}

func mentionCounts(p *facts.Person) []docMentions {
	var out []docMentions
	for _, m := range p.Mentions {
		if len(out) > 0 && out[len(out)-1].doc == m.Doc {
			out[len(out)-1].n++
			continue
		}
		out = append(out, docMentions{m.Doc, 1})
	}
	return out
}

// sentenceOf widens a citation to the sentence that holds its start.
func sentenceOf(fc facts.Citation) facts.Citation {
	i := fc.Doc.SentenceAt(fc.Start)
	if i < 0 {
		return fc
	}
	s := fc.Doc.Sentences[i]
	return facts.Citation{Doc: fc.Doc, Start: s.Start, End: s.End}
}

// coveredBy reports whether a sentence overlaps one of the citations already shown.
func coveredBy(s facts.Citation, cs []facts.Citation) bool {
	for _, c := range cs {
		if c.Doc == s.Doc && c.Start < s.End && s.Start < c.End {
			return true
		}
	}
	return false
}

// fragmentWords is the length under which a quote says little alone
// ("challenge", "an understanding"): it is shown inside its sentence, with
// the quoted words marked.
const fragmentWords = 5

func quoteItem(c *citer, q *facts.Quote, section string) Item {
	it := Item{Section: section, Date: q.Date.String(), Label: q.About, Text: q.Cite.Quote(), Verbatim: true, Extracted: q.Extracted}
	if len(strings.Fields(it.Text)) < fragmentWords {
		if s := sentenceOf(q.Cite); s.End-s.Start > q.Cite.End-q.Cite.Start {
			it.Text = s.Quote()
			it.Marks = [][2]int{{q.Cite.Start - s.Start, q.Cite.End - s.Start}}
			it.Citations = []int{c.cite(s)}
			return it
		}
	}
	it.Citations = []int{c.cite(q.Cite)}
	return it
}

// addQuote appends a quote item, or, when an item already shows the same
// sentence (two short quotes of one sentence, each shown in context),
// marks its words in that item instead of repeating the sentence.
func addQuote(items []Item, it Item) []Item {
	for i := range items {
		o := &items[i]
		if o.Section == it.Section && len(o.Citations) > 0 && len(it.Citations) > 0 && o.Citations[0] == it.Citations[0] {
			o.Marks = append(o.Marks, it.Marks...)
			sort.Slice(o.Marks, func(a, b int) bool { return o.Marks[a][0] < o.Marks[b][0] })
			return items
		}
	}
	return append(items, it)
}

func eventItem(c *citer, e *facts.Event, section string) Item {
	it := Item{Section: section, Date: e.Date.String(), Text: e.Text, Citations: c.cites(e.Citations), Extracted: e.Extracted}
	// An extracted event is the article's own sentence, shown as a quote.
	it.Verbatim = e.Extracted && len(e.Citations) > 0 && e.Citations[0].Quote() == e.Text
	if e.Planned {
		it.Label = "planned"
	}
	return it
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	if what == "person" {
		return fmt.Sprintf("%d people", n)
	}
	return fmt.Sprintf("%d %ss", n, what)
}
