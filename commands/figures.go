package commands

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

func figures(b *facts.Base, req Request) (Answer, error) {
	figs := b.Figures()
	about := req.Opt("about")
	if m := newMatcher(about); !m.empty() {
		scores := make([]int, len(figs))
		for i, f := range figs {
			texts := []string{f.Value, f.Unit, f.About, f.Topic}
			for _, c := range f.Citations {
				texts = append(texts, c.Quote())
			}
			scores[i] = m.score(texts...)
		}
		var kept []*facts.Figure
		for _, i := range best(scores) {
			kept = append(kept, figs[i])
		}
		figs = kept
	}
	a, c := newAnswer(b, req)
	a.Title = "Figures"
	if about != "" {
		a.Title += ": " + about
	}
	if len(figs) == 0 {
		a.Found = false
		a.Lead = "No figures match" + describeRange(req) + "."
		return *a, nil
	}
	total := len(figs)
	if total > maxItems {
		figs = figs[:maxItems] // curated figures come first, so they are always shown
	}
	// Figures of one topic are listed together, so that where sources give
	// different numbers for the same thing the reader sees them side by side.
	var order []string
	byTopic := map[string][]*facts.Figure{}
	for _, f := range figs {
		key := f.Topic
		if key == "" {
			key = "id:" + f.ID
		}
		if _, ok := byTopic[key]; !ok {
			order = append(order, key)
		}
		byTopic[key] = append(byTopic[key], f)
	}
	// Undisputed figures first, then each disagreement under its own
	// heading, so no figure reads as part of a dispute it is not in.
	sort.SliceStable(order, func(i, j int) bool {
		return !disputed(byTopic[order[i]]) && disputed(byTopic[order[j]])
	})
	var disputes []string
	for _, key := range order {
		group := byTopic[key]
		section := ""
		if disputed(group) {
			section = "Sources differ: " + strings.ReplaceAll(group[0].Topic, "-", " ")
			disputes = append(disputes, strings.ReplaceAll(group[0].Topic, "-", " "))
		}
		for _, f := range group {
			text := strings.TrimSpace(f.Value + " " + f.Unit)
			if f.About != "" {
				text += " — " + f.About
			}
			a.Items = append(a.Items, Item{Section: section, Text: text, Citations: c.cites(f.Citations), Extracted: f.Extracted, Label: sourceNames(f.Citations)})
		}
	}
	a.Lead = plural(total, "figure") + "."
	if total > len(figs) {
		a.Lead += fmt.Sprintf(" The first %d are shown; narrow with about:.", len(figs))
	}
	if len(disputes) > 0 {
		a.Lead += fmt.Sprintf(" Sources give different numbers for: %s.", strings.Join(disputes, "; "))
	}
	return *a, nil
}

// disputed reports whether figures of one topic give more than one value.
func disputed(fs []*facts.Figure) bool {
	seen := map[string]bool{}
	for _, f := range fs {
		seen[strings.ToLower(f.Value)] = true
	}
	return len(seen) > 1
}

// sourceNames names the outlets behind a figure, for side-by-side comparison.
func sourceNames(cs []facts.Citation) string {
	var names []string
	seen := map[string]bool{}
	for _, c := range cs {
		n := c.Doc.Outlet
		if n == "" {
			n = c.Doc.ID
		}
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
