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
	if facts.HasWords(about) {
		figs = b.FiguresAbout(about)
	}
	a, c, ok := startListing(b, req, len(figs), "Figures", "figures")
	if !ok {
		return *a, nil
	}
	total := len(figs)
	if total > maxItems {
		figs = figs[:maxItems] // curated figures come first, so they are always shown
	}
	single, groups, disputes := groupFigures(figs)
	add := func(section string, f *facts.Figure) {
		text := f.Value
		if f.Unit != "" {
			text += " " + f.Unit
		}
		if f.About != "" {
			text += " — " + f.About
		}
		a.Items = append(a.Items, Item{Section: section, Text: text, Citations: c.cites(f.Citations), Extracted: f.Extracted, Label: sourceNames(f.Citations)})
	}
	for _, f := range single {
		add("", f)
	}
	for i, g := range groups {
		for _, f := range g {
			add("Sources differ: "+disputes[i], f)
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

// groupFigures lists figures of one topic together, so that where sources
// give different numbers for the same thing the reader sees them side by
// side: the undisputed figures first, in base order, then each
// disagreement under its own heading (named in disputes), so no figure
// reads as part of a dispute it is not in.
func groupFigures(figs []*facts.Figure) (single []*facts.Figure, groups [][]*facts.Figure, disputes []string) {
	var topics []string
	byTopic := map[string][]*facts.Figure{}
	for _, f := range figs {
		if f.Topic == "" {
			single = append(single, f)
			continue
		}
		if _, ok := byTopic[f.Topic]; !ok {
			topics = append(topics, f.Topic)
		}
		byTopic[f.Topic] = append(byTopic[f.Topic], f)
	}
	for _, t := range topics {
		if !disputed(byTopic[t]) {
			single = append(single, byTopic[t]...)
		} else {
			groups = append(groups, byTopic[t])
			disputes = append(disputes, strings.ReplaceAll(t, "-", " "))
		}
	}
	sort.SliceStable(single, func(i, j int) bool { return position(figs, single[i]) < position(figs, single[j]) })
	return single, groups, disputes
}

// disputed reports whether figures of one topic give more than one value.
func disputed(fs []*facts.Figure) bool {
	seen := map[string]bool{}
	for _, f := range fs {
		seen[strings.ToLower(f.Value)] = true
	}
	return len(seen) > 1
}

// position is the index of f in figs (figures are few once capped).
func position(figs []*facts.Figure, f *facts.Figure) int {
	for i, g := range figs {
		if g == f {
			return i
		}
	}
	return len(figs)
}

// sourceNames names the outlets behind a figure, for side-by-side comparison.
func sourceNames(cs []facts.Citation) string {
	if len(cs) == 1 {
		if cs[0].Doc.Outlet != "" {
			return cs[0].Doc.Outlet
		}
		return cs[0].Doc.ID
	}
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
