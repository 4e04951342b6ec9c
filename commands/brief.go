package commands

import "github.com/briefbot/briefbot/facts"

func brief(b *facts.Base, req Request) (Answer, error) {
	a, c := newAnswer(b, req)
	a.Title = "Briefing"
	if !b.AsOf().IsZero() {
		a.Title += ", as of " + b.AsOf().Human()
	}
	if len(b.Points()) == 0 {
		a.Found = false
		a.Lead = "No key points have been curated yet; /timeline and /search answer from the articles."
		return *a, nil
	}
	for _, p := range b.Points() {
		a.Items = append(a.Items, Item{Text: p.Text, Citations: c.cites(p.Citations)})
	}
	return *a, nil
}
