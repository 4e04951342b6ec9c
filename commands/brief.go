package commands

import (
	"sort"

	"github.com/briefbot/briefbot/facts"
)

// Section heading of the articles a brief adds after the curated points.
const secNewer = "Newer articles, not curated yet"

// brief answers /brief: the curated key points, then, so that the brief
// keeps up with articles added since they were written, the lead sentence
// of each article newer than the newest the points cite, newest first,
// marked as extracted. Its "as of" is the newest article it draws on.
func brief(b *facts.Base, req Request) (Answer, error) {
	a, c := newAnswer(b, req)
	var newest facts.Date
	for _, p := range b.Points() {
		a.Items = append(a.Items, Item{Text: p.Text, Citations: c.cites(p.Citations)})
		for _, fc := range p.Citations {
			if newest.Before(fc.Doc.Published) {
				newest = fc.Doc.Published
			}
		}
	}
	var newer []*facts.Document
	for _, d := range b.Docs() {
		if !d.Published.IsZero() && d.Published.Start().After(newest.Start()) {
			newer = append(newer, d)
		}
	}
	sort.SliceStable(newer, func(i, j int) bool { return newer[j].Published.Before(newer[i].Published) })
	asOf := newest
	for _, d := range newer {
		i := leadSentence(d)
		if i < 0 {
			continue
		}
		a.Items = append(a.Items, Item{Section: secNewer, Date: d.Published.String(), Label: d.Label(), Text: d.SentenceText(i),
			Verbatim: true, Citations: []int{c.sentence(d, i)}, Extracted: true})
		if asOf.Before(d.Published) {
			asOf = d.Published
		}
	}
	a.Title = "Briefing"
	if !asOf.IsZero() {
		a.Title += ", as of " + asOf.Human()
		a.AsOf = asOf.String()
	}
	if len(a.Items) == 0 {
		a.Found = false
		a.Lead = "No key points have been curated yet; /timeline and /search answer from the articles."
	}
	return *a, nil
}

// leadSentence is the index of an article's first sentence of story (its
// headline, byline and captions passed over), or -1.
func leadSentence(d *facts.Document) int {
	for i := range d.Sentences {
		if d.Furniture(i) == "" {
			return i
		}
	}
	return -1
}
