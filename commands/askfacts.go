package commands

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// scoredEvent is an event with the share of the question it holds.
type scoredEvent struct {
	e     *facts.Event
	cover float64
}

// eventsAbout returns the events holding most of the question's weight,
// best first: more of the question, then a more precise date (a day before
// a month before a year), then curated before extracted.
func (x *asker) eventsAbout(ts facts.Terms) []*facts.Event {
	scored := x.scoredEvents(ts)
	out := make([]*facts.Event, len(scored))
	for i, s := range scored {
		out[i] = s.e
	}
	return out
}

// scoredEvents is eventsAbout with each event's cover.
func (x *asker) scoredEvents(ts facts.Terms) []scoredEvent {
	var scored []scoredEvent
	for _, e := range x.b.EventsAbout(x.b.Correct(x.q.Topic)) {
		if cv := ts.Cover(eventTexts(x.b, e)...); cv >= minCover {
			scored = append(scored, scoredEvent{e, cv})
		}
	}
	sort.SliceStable(scored, func(i, j int) bool {
		// Covers within a quarter of each other tie, so that a precise
		// date is not beaten by a vague one ("last year") that happens to
		// share one more minor word with the question.
		si, sj := scored[i], scored[j]
		if bi, bj := int(si.cover*4), int(sj.cover*4); bi != bj {
			return bi > bj
		}
		if gi, gj := si.e.Date.Granularity(), sj.e.Date.Granularity(); gi != gj {
			return gi > gj
		}
		return !si.e.Extracted && sj.e.Extracted
	})
	return scored
}

// leadEvent opens the answer with an event and its date.
func (x *asker) leadEvent(e *facts.Event) {
	x.a.Lead = e.Date.Long() + ": " + e.Text
	if e.Planned {
		x.a.Lead += " (planned)"
	}
	x.a.LeadCites = x.c.cites(e.Citations)
}

// when answers "when …": the matching dated event, the most precise first;
// but a sentence of the story that dates the thing and holds clearly more
// of the question (an event not on the timeline, "later this year") comes
// before an event about something else that shares a word or two.
func (x *asker) when() {
	ts := x.topicTerms()
	evs := x.scoredEvents(ts)
	if len(evs) == 0 || x.datedSentenceBeats(ts, evs[0].cover) {
		x.sentences(facts.WantTime, true)
		return
	}
	x.leadEvent(evs[0].e)
	for _, e := range evs[1:] {
		if len(x.a.Items) == supporting {
			break
		}
		x.a.Items = append(x.a.Items, eventItem(x.c, e.e, secSupport))
	}
}

// datedSentenceBeats reports whether a story sentence giving a time holds
// clearly more of the question than the best event does: every word of it
// where the event misses one, or a quarter more.
func (x *asker) datedSentenceBeats(ts facts.Terms, eventCover float64) bool {
	const all = 0.999
	for _, p := range x.b.Passages(ts, facts.WantTime, x.q.Topic, supporting) {
		more := p.Cover >= eventCover+0.25 || (p.Cover >= all && eventCover < all)
		if more && facts.HasKind(p.Text(), facts.WantTime, x.q.Topic) {
			return true
		}
	}
	return false
}

// event answers "what happened at X": the events about X, curated first,
// then the sentences that tell it.
func (x *asker) event() {
	ts := x.topicTerms()
	evs := x.eventsAbout(ts)
	sort.SliceStable(evs, func(i, j int) bool { return !evs[i].Extracted && evs[j].Extracted })
	if len(evs) == 0 {
		x.sentences(facts.WantAny, false)
		return
	}
	x.leadEvent(evs[0])
	for _, e := range evs[1:] {
		if len(x.a.Items) == 2 {
			break
		}
		x.a.Items = append(x.a.Items, eventItem(x.c, e, secSupport))
	}
	x.support(x.b.Passages(ts, facts.WantAny, "", supporting*2))
}

// amountVerbs ask for a sum of money: "how much did X pay for Y".
var amountVerbs = map[string]bool{"pay": true, "paid": true, "cost": true, "costs": true, "spend": true,
	"spent": true, "charge": true, "charged": true, "worth": true, "price": true, "priced": true}

// figure answers "how many / much / long / old": the figure of the right
// unit about the subject, with every source's number where they differ.
func (x *asker) figure() {
	unit, topic := x.measureTopic()
	ts := x.b.Terms(topic)
	best := x.bestFigure(ts, unit)
	if best == nil {
		want := facts.WantNumber
		switch x.q.Measure {
		case "long", "old":
			want = facts.WantTime
		case "much":
			want = facts.WantAmount
		}
		x.sentences(want, true)
		return
	}
	group := []*facts.Figure{best}
	if best.Topic != "" {
		group = nil
		for _, f := range x.b.Figures() {
			if f.Topic == best.Topic {
				group = append(group, f)
			}
		}
	}
	x.leadFigures(group)
	x.support(x.b.Passages(ts, facts.WantNumber, "", supporting*2))
}

// measureTopic splits a "how …" question into the unit counted ("how
// many countries") and the words of what is measured.
func (x *asker) measureTopic() (unit, topic string) {
	topic = x.q.Target
	switch x.q.Measure {
	case "many":
		unit = x.q.About
		topic = strings.TrimSpace(strings.TrimPrefix(topic, unit))
	case "much":
		// "pay", "cost", "spend" ask for a sum; the sum itself answers
		// them, whether or not its sentence uses the verb.
		var kept []string
		for _, w := range strings.Fields(topic) {
			if !amountVerbs[w] {
				kept = append(kept, w)
			}
		}
		topic = strings.Join(kept, " ")
	}
	return unit, topic
}

// bestFigure is the figure about the question's subject whose unit fits
// best, curated before extracted; nil when none does.
func (x *asker) bestFigure(ts facts.Terms, unit string) *facts.Figure {
	var best *facts.Figure
	bestScore := 0.0
	var ut facts.Terms
	if unit != "" {
		ut = x.b.Terms(unit)
	}
	for _, f := range x.b.FiguresAbout(x.b.Correct(x.q.Target)) {
		texts := figureTexts(f)
		cv := ts.Cover(texts...)
		if ts.Len() > 0 && cv < minCover {
			continue
		}
		fit := x.unitFit(f, texts, unit, ut)
		if fit == 0 {
			continue
		}
		score := cv + float64(fit)
		if !f.Extracted {
			score += 0.5
		}
		if score > bestScore {
			best, bestScore = f, score
		}
	}
	return best
}

// unitFit rates how well a figure's unit answers the question: 2 when its
// unit is the thing asked about, 1 when its sentence names it, 0 not at all.
// texts are the figure's figureTexts and ut the unit's terms, both worked
// out once by the caller.
func (x *asker) unitFit(f *facts.Figure, texts []string, unit string, ut facts.Terms) int {
	text := f.Value + " " + f.Unit
	switch {
	case unit != "":
		if ut.Cover(f.Unit) > 0 {
			return 2
		}
		if ut.Cover(texts...) > 0 {
			return 1
		}
		return 0
	case x.q.Measure == "much":
		return fit(facts.HasKind(text, facts.WantAmount, ""))
	case x.q.Measure == "long" || x.q.Measure == "old":
		return fit(facts.HasKind(text, facts.WantTime, ""))
	}
	return 1
}

func fit(ok bool) int {
	if ok {
		return 2
	}
	return 0
}

// leadFigures opens with the figure, or with every source's figure where
// they give different numbers for one thing.
func (x *asker) leadFigures(fs []*facts.Figure) {
	var parts []string
	values := map[string]bool{}
	for _, f := range fs {
		values[strings.ToLower(f.Value)] = true
		part := strings.TrimSpace(f.Value + " " + f.Unit)
		if f.About != "" && len(fs) == 1 {
			part += " — " + f.About
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", part, sourceNames(f.Citations)))
		x.a.LeadCites = append(x.a.LeadCites, x.c.cites(f.Citations)...)
	}
	if len(values) > 1 {
		x.a.Lead = "Sources differ: " + strings.Join(parts, "; ") + "."
		return
	}
	x.a.Lead = strings.Join(parts, "; ")
}

// figureTexts is what a question about a figure is matched against.
func figureTexts(f *facts.Figure) []string {
	texts := []string{f.Value, f.Unit, f.About, f.Topic}
	for _, c := range f.Citations {
		texts = append(texts, c.Quote())
	}
	return texts
}
