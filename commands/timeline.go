package commands

import (
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// maxItems bounds a listing: past it a reader narrows the question rather
// than pages through, and the answer stays cheap to build and send.
const maxItems = 100

func timeline(b *facts.Base, req Request) (Answer, error) {
	var from, to time.Time
	if s := req.Opt("from"); s != "" {
		d, err := facts.ParseDate(s)
		if err != nil {
			return Answer{}, userErrorf("from: %v", err)
		}
		from = d.Start()
	}
	if s := req.Opt("to"); s != "" {
		d, err := facts.ParseDate(s)
		if err != nil {
			return Answer{}, userErrorf("to: %v", err)
		}
		to = d.End()
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return Answer{}, userErrorf("from: %s is after to: %s", req.Opt("from"), req.Opt("to"))
	}
	about := req.Opt("about")
	evs := b.Events()
	if facts.HasWords(about) {
		evs = b.EventsAbout(about)
	}
	if !from.IsZero() || !to.IsZero() {
		var kept []*facts.Event
		for _, e := range evs {
			if e.Date.Overlaps(from, to) {
				kept = append(kept, e)
			}
		}
		evs = kept
	}
	a, c, ok := startListing(b, req, len(evs), "Timeline", "dated events")
	if !ok {
		return *a, nil
	}
	a.Lead = fmt.Sprintf("%s, %s to %s.", plural(len(evs), "event"), evs[0].Date.Human(), evs[len(evs)-1].Date.Human())
	if len(evs) > maxItems {
		a.Lead += fmt.Sprintf(" The first %d are shown; narrow with from:, to: or about:.", maxItems)
		evs = evs[:maxItems]
	}
	for _, e := range evs {
		a.Items = append(a.Items, eventItem(c, e, ""))
	}
	return *a, nil
}

// eventTexts is what an about: filter looks in: the event, its people and its sources.
func eventTexts(b *facts.Base, e *facts.Event) []string {
	texts := []string{e.Text}
	for _, id := range e.People {
		if p := b.Person(id); p != nil {
			texts = append(texts, p.Names()...)
		}
	}
	for _, c := range e.Citations {
		texts = append(texts, c.Quote())
	}
	return texts
}

func describeRange(req Request) string {
	var parts []string
	if s := req.Opt("about"); s != "" {
		parts = append(parts, fmt.Sprintf(" “%s”", s))
	}
	if s := req.Opt("from"); s != "" {
		parts = append(parts, " from "+s)
	}
	if s := req.Opt("to"); s != "" {
		parts = append(parts, " to "+s)
	}
	return strings.Join(parts, "")
}

// startListing begins the answer of a listing (/timeline, /figures) of n
// items: its title, with the about: words, and room for the items shown;
// ok is false, and the answer says that none of what matches, when n is 0.
func startListing(b *facts.Base, req Request, n int, title, what string) (a *Answer, c *citer, ok bool) {
	a, c = newAnswerSized(b, req, min(n, maxItems))
	a.Title = title
	if about := req.Opt("about"); about != "" {
		a.Title += ": " + about
	}
	if n == 0 {
		a.Found = false
		a.Lead = "No " + what + " match" + describeRange(req) + "."
		return a, c, false
	}
	return a, c, true
}
