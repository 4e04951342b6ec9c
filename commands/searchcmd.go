package commands

import (
	"fmt"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/prose"
)

// searchLimit is how many sentences a search shows: enough to compare
// sources, few enough to read at a glance.
const searchLimit = 10

func searchCmd(b *facts.Base, req Request) (Answer, error) {
	q := req.Opt("query")
	a, c := newAnswer(b, req)
	a.Title = "Search: " + q
	hits := b.Search(q, searchLimit)
	if len(hits) == 0 {
		a.Found = false
		a.Lead = fmt.Sprintf("No sentence of the articles matches “%s”.", q)
		return *a, nil
	}
	for _, h := range hits {
		s := h.Doc.Sentences[h.Sentence]
		it := Item{Date: h.Doc.Published.String(), Text: h.Doc.SentenceText(h.Sentence), Verbatim: true,
			Marks: h.Marks, Citations: []int{c.sentence(h.Doc, h.Sentence)}}
		if s.Kind != prose.Story {
			it.Label = s.Kind.String() // page furniture is findable, but said to be what it is
		}
		a.Items = append(a.Items, it)
	}
	return *a, nil
}
