package commands

import (
	"fmt"

	"github.com/briefbot/briefbot/facts"
)

func quotes(b *facts.Base, req Request) (Answer, error) {
	name := req.Opt("who")
	p, sugg, ok := b.FindPerson(name)
	a, c := newAnswer(b, req)
	if !ok {
		return notFound(a, fmt.Sprintf("No one called “%s” is in the fact base.", name), sugg), nil
	}
	qs := b.QuotesBy(p.ID)
	about := req.Opt("about")
	if facts.HasWords(about) {
		qs = b.QuotesAbout(p.ID, about)
	}
	a.Title = "Quotes: " + p.Name
	if about != "" {
		a.Title += " on " + about
	}
	if len(qs) == 0 {
		a.Found = false
		a.Lead = fmt.Sprintf("No quotes by %s", p.Name)
		if about != "" {
			a.Lead += fmt.Sprintf(" about “%s”", about)
		}
		a.Lead += " in the fact base."
		return *a, nil
	}
	for _, q := range qs {
		a.Items = addQuote(a.Items, quoteItem(c, q, ""))
	}
	return *a, nil
}
