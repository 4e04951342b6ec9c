package commands

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// findPerson resolves the person a question names, by name: typos in it
// are mended against the articles' words when the name index alone does
// not find them.
func (x *asker) findPerson(target string) (*facts.Person, []*facts.Person, bool) {
	p, sugg, ok := x.b.FindPerson(target)
	if ok {
		return p, nil, true
	}
	if fixed := x.b.Correct(target); fixed != target {
		if p, _, ok := x.b.FindPerson(fixed); ok {
			return p, nil, true
		}
	}
	return nil, sugg, false
}

// byRole finds the people a typed role describes, typos corrected.
func (x *asker) byRole(target string) []*facts.Person {
	if ps := x.b.PeopleByRole(target); len(ps) > 0 {
		return ps
	}
	return x.b.PeopleByRole(x.b.Correct(target))
}

// person answers "who is X": a card when one person is meant, by name or
// by role; the holders of a role when several share it.
func (x *asker) person() (Answer, error) {
	target := x.q.Target
	if p, _, ok := x.findPerson(target); ok {
		card(x.b, x.a, x.c, p)
		return *x.a, nil
	}
	ps := x.byRole(target)
	switch len(ps) {
	case 0:
		_, sugg, _ := x.b.FindPerson(target)
		return notFound(x.a, fmt.Sprintf("No one called or described as “%s” is in the fact base.", target), sugg), nil
	case 1:
		card(x.b, x.a, x.c, ps[0])
		return *x.a, nil
	}
	x.a.Title = "Who is " + target
	var names []string
	for _, p := range ps {
		if p.Role != "" {
			names = append(names, p.Name+" ("+p.Role+")")
		} else {
			names = append(names, p.Name)
		}
		if len(x.a.Items) < supporting {
			x.a.Items = append(x.a.Items, Item{Label: p.Name, Text: strings.TrimPrefix(p.Role+" — "+p.Description, " — "),
				Citations: x.c.cites(p.Citations[:min(1, len(p.Citations))]), Extracted: p.Extracted})
		}
	}
	x.a.Lead = fmt.Sprintf("%d people fit “%s”: %s.", len(ps), target, strings.Join(names, "; "))
	return *x.a, nil
}

// quote answers "what did X say (about Y)": X's quotes, the best first,
// or an honest "no quotes" when the articles have none.
func (x *asker) quote() (Answer, error) {
	p, sugg, ok := x.findPerson(x.q.Target)
	if !ok {
		if ps := x.byRole(x.q.Target); len(ps) == 1 {
			p, ok = ps[0], true
		}
	}
	if !ok {
		return notFound(x.a, fmt.Sprintf("No one called “%s” is in the fact base.", x.q.Target), sugg), nil
	}
	qs := x.b.QuotesBy(p.ID)
	about := x.q.About
	if facts.HasWords(about) {
		qs = x.b.QuotesAbout(p.ID, x.b.Correct(about))
		if other, _, ok := x.b.FindPerson(about); ok && len(qs) == 0 {
			// About a person: any of their names will do (a second spelling).
			for _, n := range other.Names() {
				if qs = x.b.QuotesAbout(p.ID, n); len(qs) > 0 {
					break
				}
			}
		}
	}
	x.a.Title = "Quotes: " + p.Name
	if about != "" {
		x.a.Title += " on " + about
	}
	if len(qs) == 0 {
		x.a.Found = false
		x.a.Lead = fmt.Sprintf("The articles quote no words of %s", p.Name)
		if about != "" {
			x.a.Lead += fmt.Sprintf(" about “%s”", about)
		}
		x.a.Lead += "."
		return *x.a, nil
	}
	// The lead is the speaker's own words. A short quote ("pathetic") is
	// led by itself, and its sentence follows as the first item, so that
	// no one reads the reporter's words as the speaker's.
	x.a.Lead = p.Name + ": " + InQuotes(qs[0].Cite.Quote())
	x.a.LeadCites = []int{x.c.cite(qs[0].Cite)}
	first := quoteItem(x.c, qs[0], "")
	if first.Text == qs[0].Cite.Quote() {
		qs = qs[1:] // shown whole in the lead
	}
	for _, q := range qs {
		if len(x.a.Items) == supporting {
			break
		}
		x.a.Items = addQuote(x.a.Items, quoteItem(x.c, q, ""))
	}
	return *x.a, nil
}

// define answers "what is X" / "tell me about X": the card when X is a
// person or organisation of the base, else the sentence that says what X
// is, then the events and figures about it.
func (x *asker) define() (Answer, error) {
	target := x.q.Target
	if p, _, ok := x.findPerson(target); ok {
		card(x.b, x.a, x.c, p)
		return *x.a, nil
	}
	ts := x.topicTerms()
	subject := x.b.Correct(target)
	ps := x.b.Passages(ts, facts.WantDefinition, subject, supporting*4)
	if len(ps) == 0 || ps[0].Cover < minCover || !x.headKnown(target) {
		x.notCovered(ts, ps)
		return *x.a, nil
	}
	x.lead(ps[0])
	// A lead that refers back ("The move made her …") needs the sentence
	// before it too; for a definition even "The …" usually does.
	lead := ps[0].Text()
	if prev, ok := x.b.Beside(ps[0].Cites[0], -1); ok && (facts.StartsWithReference(lead) || strings.HasPrefix(lead, "The ")) {
		x.context(prev)
	}
	for _, e := range x.eventsAbout(ts) {
		if len(x.a.Items) >= 2 {
			break
		}
		if !x.shown(e.Citations[0]) {
			x.a.Items = append(x.a.Items, eventItem(x.c, e, secSupport))
		}
	}
	x.support(ps[1:])
	return *x.a, nil
}

// headKnown reports whether the articles use every word of the thing a
// "what is" question asks about — its head, before any "of", "in" or "for"
// ("the weather" of "the weather in London"). A question whose very
// subject the articles never name is not one they cover, however many of
// its other words they share.
func (x *asker) headKnown(target string) bool {
	head := target
	for _, prep := range []string{" of ", " in ", " for ", " at ", " on ", " like ", " this ", " today", " now"} {
		head, _, _ = strings.Cut(head, prep)
	}
	return len(x.b.Terms(head).Missing()) == 0
}
