package commands

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// How an answer to a question is shaped: one lead that answers it, then a
// few supporting items, so that the answer reads at a glance on a phone.
const (
	supporting = 5
	// minCover is the share of a question's weight (its words, the rarer
	// the heavier) that a sentence must hold to answer it. Below it the
	// articles are about something else, however many common words they
	// share with the question.
	minCover = 0.5
)

// Section headings of an answer to a question.
const (
	secSupport = "Also in the sources"
	secClosest = "Closest the articles come"
)

// askQuestion answers a question typed in plain words: it works out what
// kind of answer is wanted and looks for that kind of fact, or says that
// the articles do not cover it.
func askQuestion(b *facts.Base, req Request) (Answer, error) {
	text := req.Opt("question")
	return newAsker(b, req, Analyse(text)).answer(text)
}

// answer answers the question by its kind.
func (x *asker) answer(text string) (Answer, error) {
	x.a.Title = strings.TrimSpace(text)
	switch x.q.Kind {
	case KindPerson:
		return x.person()
	case KindQuote:
		return x.quote()
	case KindFigure:
		x.figure()
	case KindDate:
		x.when()
	case KindPlace:
		x.sentences(facts.WantPlace, true)
	case KindReason:
		x.sentences(facts.WantReason, true)
	case KindDefinition:
		return x.define()
	case KindEvent:
		x.event()
	case KindYesNo:
		x.sentences(facts.WantVerdict, false)
	default:
		x.sentences(facts.WantAny, false)
	}
	return *x.a, nil
}

// asker holds what answering one question needs.
type asker struct {
	b *facts.Base
	q Question
	a *Answer
	c *citer
}

func newAsker(b *facts.Base, req Request, q Question) *asker {
	a, c := newAnswer(b, req)
	return &asker{b: b, q: q, a: a, c: c}
}

// topicTerms weighs the words that say what the question is about.
func (x *asker) topicTerms() facts.Terms { return x.b.Terms(x.q.Topic) }

// lead opens the answer with a passage, quoted and cited. A sentence right
// after it that refers back to it ("He said he was …", "This plan will
// …") goes on with the answer, so it comes first among the items.
func (x *asker) lead(p facts.Passage) {
	x.a.Lead = InQuotes(p.Text())
	x.a.LeadCites = x.c.cites(p.Cites)
	if next, ok := x.b.Beside(p.Cites[0], 1); ok && facts.StartsWithReference(next.Quote()) {
		x.context(next)
	}
}

// context adds a sentence that the lead needs to be understood.
func (x *asker) context(c facts.Citation) {
	x.a.Items = append(x.a.Items, Item{Section: secSupport, Date: c.Doc.Published.String(), Text: c.Quote(),
		Verbatim: true, Citations: []int{x.c.cite(c)}})
}

// support adds passages after the lead, each once, up to the limit.
func (x *asker) support(ps []facts.Passage) {
	for _, p := range ps {
		if len(x.a.Items) >= supporting {
			return
		}
		if p.Cover < minCover || x.shown(p.Cites[0]) {
			continue
		}
		x.a.Items = append(x.a.Items, Item{Section: secSupport, Date: p.Cites[0].Doc.Published.String(), Text: p.Text(),
			Verbatim: true, Marks: p.Marks(), Citations: x.c.cites(p.Cites)})
	}
}

// shown reports whether a sentence is already cited in the answer.
func (x *asker) shown(fc facts.Citation) bool {
	for _, c := range x.a.Citations {
		if c.Source == fc.Doc.ID && c.Start < fc.End && fc.Start < c.End {
			return true
		}
	}
	return false
}

// sentences answers from the story's sentences: the best one of the wanted
// kind that holds most of the question's weight, then a few more. When the
// sentence that matches the question lacks the kind of answer, the one
// before or after it may hold it ("She will open it …" follows the
// sentence naming the town).
func (x *asker) sentences(want facts.Want, needKind bool) {
	ts := x.topicTerms()
	ps := x.b.Passages(ts, want, x.q.Topic, supporting*4)
	for i, p := range ps {
		if p.Cover < minCover {
			continue
		}
		if !needKind || facts.HasKind(p.Text(), want, x.q.Topic) {
			x.lead(p)
			x.support(append(ps[:i:i], ps[i+1:]...))
			return
		}
	}
	for i, p := range ps {
		if p.Cover < minCover {
			continue
		}
		for _, step := range []int{-1, 1} {
			nb, ok := x.b.Beside(p.Cites[0], step)
			if !ok || !facts.HasKind(nb.Quote(), want, x.q.Topic) {
				continue
			}
			pair := []facts.Citation{nb, p.Cites[0]}
			if step > 0 {
				pair[0], pair[1] = pair[1], pair[0]
			}
			x.a.Lead = InQuotes(pair[0].Quote()) + " " + InQuotes(pair[1].Quote())
			x.a.LeadCites = x.c.cites(pair)
			x.support(append(ps[:i:i], ps[i+1:]...))
			return
		}
	}
	x.notCovered(ts, ps)
}

// notCovered says honestly that the articles do not answer the question,
// naming the words they never use and, when one comes close, that sentence.
func (x *asker) notCovered(ts facts.Terms, ps []facts.Passage) {
	x.a.Found = false
	x.a.Title = "Not covered"
	x.a.Lead = "The articles in the fact base don't cover this."
	if missing := ts.Missing(); len(missing) > 0 {
		x.a.Lead += fmt.Sprintf(" None of them mentions %s.", quoteList(missing))
	}
	if len(ps) > 0 && ps[0].Cover >= minCover/2 {
		p := ps[0]
		x.a.Items = append(x.a.Items, Item{Section: secClosest, Date: p.Cites[0].Doc.Published.String(), Text: p.Text(),
			Verbatim: true, Marks: p.Marks(), Citations: x.c.cites(p.Cites)})
	}
}

// quoteList renders words as “a”, “b” or “c”.
func quoteList(ws []string) string {
	qs := make([]string, len(ws))
	for i, w := range ws {
		qs[i] = "“" + w + "”"
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return strings.Join(qs[:len(qs)-1], ", ") + " or " + qs[len(qs)-1]
}
