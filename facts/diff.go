package facts

import "fmt"

// Change counts what a new base did to one kind of fact.
type Change struct {
	What           string // "articles", "people", "events", "quotes", "figures"
	Before, After  int
	Added, Removed int
}

// Diff compares two bases kind by kind, each fact by its identity (its id,
// or for a fact without one its date and text, or its speaker and words),
// so that an edited fact counts as one removed and one added only when
// what identifies it changed.
func Diff(old, cur *Base) []Change {
	return []Change{
		diffKeys("articles", keys(old.docs, docKey), keys(cur.docs, docKey)),
		diffKeys("people", keys(old.people, personKey), keys(cur.people, personKey)),
		diffKeys("events", keys(old.events, eventKey), keys(cur.events, eventKey)),
		diffKeys("quotes", keys(old.quotes, quoteKey), keys(cur.quotes, quoteKey)),
		diffKeys("figures", keys(old.figures, figureKey), keys(cur.figures, figureKey)),
	}
}

func docKey(d *Document) string  { return d.ID }
func personKey(p *Person) string { return p.ID }

func eventKey(e *Event) string {
	if e.ID != "" {
		return e.ID
	}
	return e.Date.String() + "\x00" + e.Text
}

func quoteKey(q *Quote) string { return q.Speaker + "\x00" + foldQuote(q.Cite.Quote()) }

func figureKey(f *Figure) string {
	if f.ID != "" {
		return f.ID
	}
	return f.Value + "\x00" + f.About
}

func keys[T any](xs []T, key func(T) string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[key(x)] = true
	}
	return m
}

func diffKeys(what string, old, cur map[string]bool) Change {
	c := Change{What: what, Before: len(old), After: len(cur)}
	for k := range cur {
		if !old[k] {
			c.Added++
		}
	}
	for k := range old {
		if !cur[k] {
			c.Removed++
		}
	}
	return c
}

// Counts is how many facts of each kind a base holds, curated and
// extracted apart.
type Counts struct {
	Articles, Points                            int
	People, Events, Figures, Quotes             int // curated
	XPeople, XEvents, XFigures, XQuotes, Warned int // extracted; warnings
}

// Counts counts the base's facts.
func (b *Base) Counts() Counts {
	c := Counts{Articles: len(b.docs), Points: len(b.points), Warned: len(b.warnings)}
	add := func(extracted bool, curated, found *int) {
		if extracted {
			*found++
		} else {
			*curated++
		}
	}
	for _, p := range b.people {
		add(p.Extracted, &c.People, &c.XPeople)
	}
	for _, e := range b.events {
		add(e.Extracted, &c.Events, &c.XEvents)
	}
	for _, f := range b.figures {
		add(f.Extracted, &c.Figures, &c.XFigures)
	}
	for _, q := range b.quotes {
		add(q.Extracted, &c.Quotes, &c.XQuotes)
	}
	return c
}

// String is the one-line summary `briefbot check` prints.
func (c Counts) String() string {
	return fmt.Sprintf("%d articles; curated: %d people, %d events, %d figures, %d points, %d quotes; "+
		"extracted: %d people, %d events, %d figures, %d quotes; %d warnings",
		c.Articles, c.People, c.Events, c.Figures, c.Points, c.Quotes, c.XPeople, c.XEvents, c.XFigures, c.XQuotes, c.Warned)
}
