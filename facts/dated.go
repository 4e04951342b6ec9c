package facts

import (
	"iter"
	"slices"
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

// storyDates yields the index of every story sentence of sents that
// eventDate dates from exprs, with that date.
func storyDates(sents []prose.Sentence, exprs []timex.Expr) iter.Seq2[int, timex.Expr] {
	return func(yield func(int, timex.Expr) bool) {
		for i, s := range sents {
			if s.Kind != prose.Story {
				continue
			}
			if x, ok := eventDate(exprs, s); ok && !yield(i, x) {
				return
			}
		}
	}
}

// extractEvents makes a timeline entry of every story sentence with a
// resolved date, unless a curated event or an earlier extracted one already
// tells the same thing: curated facts stay the authority, and the same
// event reported by two articles is listed once, with both citations.
// found holds each article's dated sentences (see readDatesAndFigures).
func (b *Base) extractEvents(found [][]evPrep) {
	ix := newEventIndex(b.events) // the curated events
	// One array of events and one of their first citations for them all.
	n := totalLen(found)
	events := make([]Event, 0, n)
	cites := make([]Citation, 0, n)
	b.events = slices.Grow(b.events, n) // at most n more: not grown and copied again and again
	for di, d := range b.docs {
		for _, p := range found[di] {
			s := d.Sentences[p.sent]
			cites = append(cites, Citation{Doc: d, Start: s.Start, End: s.End})
			k := len(cites)
			c := cites[k-1]
			events = append(events, Event{ID: p.id, Date: p.date, Text: c.Quote(), Citations: cites[k-1 : k : k], Extracted: true, Planned: p.planned, sent: p.at})
			e := &events[len(events)-1]
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

// evPrep is a story sentence of an article with a resolved date: an event
// but for the events that may tell it already.
type evPrep struct {
	id      string
	sent    int
	at      int32 // the sentence SentenceAt gives for sent's start, for the about: index
	date    Date
	planned bool
}

func prepareEvents(d *Document, exprs []timex.Expr) []evPrep {
	var out []evPrep
	for i, x := range storyDates(d.Sentences, exprs) {
		out = append(out, evPrep{id: d.ID + "-" + itoa(i), sent: i, at: int32(d.SentenceAt(d.Sentences[i].Start)), date: dateOf(x), planned: x.Tense == timex.Future})
	}
	return out
}

// eventIndex finds the events a new one may repeat without comparing it
// with every event: curated events by the months they touch, extracted
// events of a day or a week by their ISO week. Extracted events of a month
// or a year are compared with curated ones only: two articles both saying
// "in 2004" rarely tell one event, and comparing all such pairs would cost
// the square of their number.
type eventIndex struct {
	curated map[int][]*Event       // year*12+month -> curated events
	byWeek  map[time.Time][]*Event // week start -> extracted day/week events
	stems   map[*Event]map[string]bool
	stemmer *search.Stemmer
}

func newEventIndex(curated []*Event) *eventIndex {
	ix := &eventIndex{curated: map[int][]*Event{}, byWeek: map[time.Time][]*Event{},
		stems: map[*Event]map[string]bool{}, stemmer: search.NewStemmer()}
	for _, e := range curated {
		for m := range months(e.Date) {
			ix.curated[m] = append(ix.curated[m], e)
		}
	}
	return ix
}

// months yields the months a date's period touches, as year*12+month.
// It is asked for every extracted event at every reload, so it makes no
// slice and steps by month itself rather than by time.AddDate, with the
// same months.
func months(d Date) iter.Seq[int] {
	return func(yield func(int) bool) {
		start, end := d.Start(), d.End()
		y, m := start.Year(), start.Month()
		for time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Before(end) {
			if !yield(y*12 + int(m)) {
				return
			}
			if m++; m > time.December {
				y, m = y+1, time.January
			}
		}
	}
}

// add records an extracted event.
func (ix *eventIndex) add(e *Event) {
	if e.Date.Granularity() >= Week {
		w := WeekDate(e.Date.Start()).Start()
		ix.byWeek[w] = append(ix.byWeek[w], e)
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
	var words map[string]bool
	repeats := func(o *Event) bool {
		if !o.Date.Overlaps(e.Date.Start(), e.Date.End()) {
			return false
		}
		if citesWithin(o.Citations, e.Citations[0]) {
			return true
		}
		if words == nil {
			words = ix.stemSet(e.Text)
		}
		return overlap(words, ix.words(o)) >= 0.6
	}
	seen := map[*Event]bool{}
	for m := range months(e.Date) {
		for _, o := range ix.curated[m] {
			if !seen[o] && repeats(o) {
				return o
			}
			seen[o] = true
		}
	}
	if e.Date.Granularity() >= Week {
		for _, o := range ix.byWeek[WeekDate(e.Date.Start()).Start()] {
			if repeats(o) {
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
	ix.stemmer.EachStem(text, func(stem string) { m[stem] = true })
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
