package facts

import (
	"time"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/facts/search"
	"github.com/briefbot/briefbot/facts/timex"
)

// dateOf turns a resolved expression into a Date at its granularity.
func dateOf(x timex.Expr) Date {
	t := x.Date
	switch x.Gran {
	case timex.Day:
		return DayDate(t.Year(), t.Month(), t.Day())
	case timex.Week:
		return WeekDate(t)
	case timex.Month:
		return MonthDate(t.Year(), t.Month())
	case timex.Year:
		return YearDate(t.Year())
	}
	return Date{}
}

// eventDate picks the date a story sentence is about: its first plainly
// dated expression. A qualified one ("by 2027", "since 2013", "within
// days") is a deadline or a span, not the day something happened, so it
// never makes an event.
func eventDate(exprs []timex.Expr, s prose.Sentence) (timex.Expr, bool) {
	for _, x := range exprs {
		if x.Start >= s.Start && x.End <= s.End && x.Qualifier == "" && !x.Date.IsZero() {
			return x, true
		}
	}
	return timex.Expr{}, false
}

// extractEvents makes a timeline entry of every story sentence with a
// resolved date, unless a curated event or an earlier extracted one already
// tells the same thing: curated facts stay the authority, and the same
// event reported by two articles is listed once, with both citations.
func (b *Base) extractEvents() {
	ix := newEventIndex(b.events)
	found := parallel(b.docs, func(d *Document) []timex.Expr {
		var published time.Time
		if !d.Published.IsZero() {
			published = d.Published.Start()
		}
		return timex.Find(d.Text, published)
	})
	for di, d := range b.docs {
		exprs := found[di]
		if len(exprs) == 0 {
			continue
		}
		for i, s := range d.Sentences {
			if s.Kind != prose.Story {
				continue
			}
			x, ok := eventDate(exprs, s)
			if !ok {
				continue
			}
			c := Citation{Doc: d, Start: s.Start, End: s.End}
			e := &Event{ID: d.ID + "-" + itoa(i), Date: dateOf(x), Text: c.Quote(), Citations: []Citation{c}, Extracted: true, Planned: x.Tense == timex.Future}
			if dup := ix.same(e); dup != nil {
				if dup.Extracted && !citesWithin(dup.Citations, c) {
					dup.Citations = append(dup.Citations, c)
				}
				continue
			}
			ix.add(e)
			b.events = append(b.events, e)
		}
	}
}

// eventIndex finds events by month, so that checking a new event for a
// duplicate looks only at events whose dates can overlap it.
type eventIndex struct {
	byMonth map[int][]*Event
	stems   map[*Event]map[string]bool
	stemmer *search.Stemmer
}

func newEventIndex(evs []*Event) *eventIndex {
	ix := &eventIndex{byMonth: map[int][]*Event{}, stems: map[*Event]map[string]bool{}, stemmer: search.NewStemmer()}
	for _, e := range evs {
		ix.add(e)
	}
	return ix
}

// months lists the months a date's period touches, as year*12+month.
func months(d Date) []int {
	var out []int
	for t := d.Start(); t.Before(d.End()); t = t.AddDate(0, 1, 0) {
		out = append(out, t.Year()*12+int(t.Month()))
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	if last := d.End().AddDate(0, 0, -1); len(out) > 0 && out[len(out)-1] != last.Year()*12+int(last.Month()) {
		out = append(out, last.Year()*12+int(last.Month()))
	}
	return out
}

func (ix *eventIndex) add(e *Event) {
	for _, m := range months(e.Date) {
		ix.byMonth[m] = append(ix.byMonth[m], e)
	}
}

// words returns the stems of an event's text and citations, made once.
func (ix *eventIndex) words(e *Event) map[string]bool {
	if w, ok := ix.stems[e]; ok {
		return w
	}
	w := ix.stemSet(e.Text)
	for _, c := range e.Citations {
		for s := range ix.stemSet(c.Quote()) {
			w[s] = true
		}
	}
	ix.stems[e] = w
	return w
}

// same finds an event that e repeats: one on an overlapping date whose
// citation lies in the same sentence, or whose words cover most of e's.
func (ix *eventIndex) same(e *Event) *Event {
	c := e.Citations[0]
	seen := map[*Event]bool{}
	var words map[string]bool
	fine := e.Date.Granularity() >= Week
	for _, m := range months(e.Date) {
		for _, o := range ix.byMonth[m] {
			if seen[o] || !o.Date.Overlaps(e.Date.Start(), e.Date.End()) {
				continue
			}
			seen[o] = true
			if citesWithin(o.Citations, c) {
				return o
			}
			if o.Extracted && !fine {
				// Two articles both saying "in 2004" rarely tell one event;
				// comparing every such pair would cost the square of them.
				continue
			}
			if words == nil {
				words = ix.stemSet(e.Text)
			}
			if overlap(words, ix.words(o)) >= 0.6 {
				return o
			}
		}
	}
	return nil
}

// citesWithin reports whether any citation overlaps c.
func citesWithin(cs []Citation, c Citation) bool {
	for _, o := range cs {
		if o.Doc == c.Doc && o.Start < c.End && c.Start < o.End {
			return true
		}
	}
	return false
}

func (ix *eventIndex) stemSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, t := range ix.stemmer.Tokens(text) {
		if t.Stem != "" {
			m[t.Stem] = true
		}
	}
	return m
}

// overlap is the share of a's words found in b.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
