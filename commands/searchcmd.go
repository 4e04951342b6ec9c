package commands

import (
	"fmt"

	"github.com/briefbot/briefbot/facts"
)

// searchLimit is how many sentences a search shows: enough to compare
// sources, few enough to read at a glance.
const searchLimit = 10

func searchCmd(b *facts.Base, req Request) (Answer, error) {
	q := req.Opt("query")
	if looksLikeQuestion(q) {
		// "/search why is …" wants an answer, not a list of hits.
		x := newAsker(b, req, Analyse(q))
		return x.answer(q)
	}
	a, c := newAnswer(b, req)
	a.Title = "Search: " + q
	hits := b.Search(q, searchLimit)
	ts := b.Terms(q)
	if len(hits) == 0 || !coversAny(b, ts, hits) {
		a.Found = false
		a.Lead = fmt.Sprintf("No sentence of the articles matches “%s”.", q)
		if missing := ts.Missing(); len(hits) > 0 && len(missing) > 0 {
			a.Lead = fmt.Sprintf("The articles in the fact base don't cover “%s”: none of them mentions %s.", q, quoteList(missing))
		} else if len(hits) > 0 {
			a.Lead = fmt.Sprintf("The articles in the fact base don't cover “%s”: no sentence holds most of its words.", q)
		}
		return *a, nil
	}
	for _, h := range hits {
		it := Item{Date: h.Doc.Published.String(), Text: h.Doc.SentenceText(h.Sentence), Verbatim: true,
			Marks: h.Marks, Citations: []int{c.sentence(h.Doc, h.Sentence)}}
		// Page furniture is findable, but said to be what it is.
		it.Label = h.Doc.Furniture(h.Sentence)
		a.Items = append(a.Items, it)
	}
	return *a, nil
}

// coversAny reports whether some hit holds most of the query's weight, so
// that a search for something the articles never mention says so instead
// of listing sentences that share a common word with it.
func coversAny(b *facts.Base, ts facts.Terms, hits []facts.Hit) bool {
	for _, h := range hits {
		if ts.Cover(h.Doc.SentenceText(h.Sentence)) >= minCover {
			return true
		}
	}
	return false
}
