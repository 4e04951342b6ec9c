package commands

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// The commands that describe the fact base itself rather than the story:
// /sources, /source and /about.

// sources lists the articles of the fact base.
func sources(b *facts.Base, req Request) (Answer, error) {
	a, _ := newAnswer(b, req)
	a.Title = "Sources"
	a.Lead = plural(len(b.Docs()), "article") + " in the fact base."
	for _, d := range b.Docs() {
		a.Items = append(a.Items, Item{Date: d.Published.String(), Label: d.ID, Text: describeDoc(d)})
		a.Sources = append(a.Sources, SourceOf(d))
	}
	return *a, nil
}

func describeDoc(d *facts.Document) string {
	parts := []string{d.Title}
	if d.Outlet != "" {
		parts = append(parts, d.Outlet)
	}
	if d.Author != "" {
		parts = append(parts, "by "+d.Author)
	}
	if d.URL != "" {
		parts = append(parts, d.URL)
	}
	return strings.Join(parts, " — ")
}

func source(b *facts.Base, req Request) (Answer, error) {
	id := strings.TrimSpace(req.Opt("id"))
	d := b.Doc(id)
	a, _ := newAnswer(b, req)
	if d == nil {
		a.Found = false
		a.Title = "Not in the fact base"
		a.Lead = fmt.Sprintf("No article has the id “%s”. /sources lists them.", id)
		for _, o := range b.Docs() {
			if strings.HasPrefix(o.ID, id) || strings.Contains(o.ID, id) {
				a.Suggestions = append(a.Suggestions, o.ID)
			}
		}
		return *a, nil
	}
	a.Title = d.Title
	a.Sources = append(a.Sources, SourceOf(d))
	add := func(label, text string) {
		if text != "" {
			a.Items = append(a.Items, Item{Label: label, Text: text})
		}
	}
	add("id", d.ID)
	add("outlet", d.Outlet)
	add("author", d.Author)
	if !d.Published.IsZero() {
		add("published", d.Published.Human())
	} else {
		add("published", "unknown (no metadata)")
	}
	add("url", d.URL)
	add("text", fmt.Sprintf("%d bytes, %s of story", len(d.Text), plural(d.StorySentences(), "sentence")))
	st := docStats(b, d)
	add("curated", fmt.Sprintf("%s, %s, %s, %s cite it", plural(st.people, "person"), plural(st.events, "event"), plural(st.quotes, "quote"), plural(st.figures, "figure")))
	add("mentions", plural(st.named, "person")+" named")
	add("extracted", fmt.Sprintf("%s, %s, %s, %s found in the text, not curated", plural(st.xPeople, "person"), plural(st.xQuotes, "quote"), plural(st.xEvents, "dated event"), plural(st.xFigures, "figure")))
	return *a, nil
}

// stats counts what of the fact base comes from one article: curated claims
// that cite it, and what extraction found in it.
type stats struct {
	people, events, quotes, figures, named int
	xPeople, xQuotes, xEvents, xFigures    int
}

// docStats counts what of the fact base cites or names an article.
func docStats(b *facts.Base, d *facts.Document) stats {
	var s stats
	cites := func(cs []facts.Citation) bool {
		for _, c := range cs {
			if c.Doc == d {
				return true
			}
		}
		return false
	}
	count := func(extracted bool, curated, found *int) {
		if extracted {
			*found++
		} else {
			*curated++
		}
	}
	for _, p := range b.People() {
		named := false
		for _, m := range p.Mentions {
			named = named || m.Doc == d
		}
		if named {
			s.named++
		}
		if p.Extracted && named {
			s.xPeople++
		} else if !p.Extracted && cites(p.Citations) {
			s.people++
		}
	}
	for _, e := range b.Events() {
		if cites(e.Citations) {
			count(e.Extracted, &s.events, &s.xEvents)
		}
	}
	for _, q := range b.Quotes() {
		if q.Cite.Doc == d {
			count(q.Extracted, &s.quotes, &s.xQuotes)
		}
	}
	for _, f := range b.Figures() {
		if cites(f.Citations) {
			count(f.Extracted, &s.figures, &s.xFigures)
		}
	}
	return s
}

// about reports what this replica serves: the program's version, and the
// fact base's version (a hash of its files), size, load time and as-of
// date, so replicas behind a load balancer can be compared at a glance.
func about(b *facts.Base, req Request) (Answer, error) {
	a, _ := newAnswer(b, req)
	a.Title = "About this briefbot"
	add := func(label, text string) { a.Items = append(a.Items, Item{Label: label, Text: text}) }
	add("program", buildVersion())
	add("fact base version", b.Version())
	add("articles", fmt.Sprint(len(b.Docs())))
	if !b.LoadedAt().IsZero() {
		add("loaded at", b.LoadedAt().UTC().Format(time.RFC3339))
	}
	if !b.AsOf().IsZero() {
		add("as of", b.AsOf().Human())
	}
	return *a, nil
}

// buildVersion names the running binary: its module version and, when it
// was built from a git checkout, the commit.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if len(s.Value) > 12 {
				v += " " + s.Value[:12]
			} else {
				v += " " + s.Value
			}
		case "vcs.modified":
			if s.Value == "true" {
				v += " (modified)"
			}
		}
	}
	return v
}
