package facts

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/internal/corpus"
)

// Loads that must give the same base: a reload and a full load of the
// same folder, one worker and several.

// TestReloadChainEqualsFullLoad reloads a base again and again, each time
// from the last reload (so that the search index and the about: indexes
// reuse ids freed before), after articles are added, changed and removed,
// and checks after each that what the base holds and finds is what a full
// load of the same folder holds and finds: every item in order, every
// search hit with its score and marks, every about: filter.
func TestReloadChainEqualsFullLoad(t *testing.T) {
	folder := corpus.ScaledFolder(t, 60)
	held, articles := corpus.HoldBack(folder, 6)
	load := folderLoader(t, folder)
	prev := load(nil)
	for round := 0; round < 8; round++ {
		switch round % 4 {
		case 0: // one added, one changed
			name := articles[round/4]
			folder[name] = held[name]
			victim := articles[10+round]
			folder[victim] = &fstest.MapFile{Data: append(append([]byte(nil), folder[victim].Data...),
				"\n\nMinister Jane Ashworth said on Monday the plan would go ahead. “It will,” she said.\n"...)}
		case 1: // two removed
			delete(folder, articles[20+round])
			delete(folder, articles[30+round])
		case 2: // removed, then back under a new name
			name := articles[40+round]
			folder["zz-"+name] = folder[name]
			delete(folder, name)
		case 3: // nothing changed
		}
		inc, full := load(prev), load(nil)
		t.Run(fmt.Sprint("round ", round), func(t *testing.T) { compareBases(t, inc, full) })
		prev = inc
	}
}

// TestReloadNamesAcrossArticles reloads after articles that give other
// articles their people come and go: the only article naming someone in
// full (others say "Thistlewood" or "the fisheries minister"), a second
// person of the same surname, a changed role. Each reload must equal a
// full load, though it reads again only the articles whose look-ups of
// names and roles changed.
func TestReloadNamesAcrossArticles(t *testing.T) {
	folder := corpus.ScaledFolder(t, 30)
	put := func(name, text string) { folder[name] = &fstest.MapFile{Data: []byte(text)} }
	full := "Fisheries row\n\nMargaret Thistlewood, the fisheries minister, said the quota was fair. “We listened,” she said.\n"
	put("x-surname.txt", "Quota talks\n\nThistlewood said on Tuesday the talks had gone well. “It is a start,” Thistlewood said.\n")
	put("x-role.txt", "Harbour plan\n\nThe fisheries minister said the harbour would reopen. “Soon,” the fisheries minister said.\n")
	put("x-variant.txt", "Boats\n\nMr Thistlewod told reporters the fleet would grow. “Not yet,” he said.\n")
	steps := []struct {
		what string
		edit func()
	}{
		{"full name added", func() { put("x-full.txt", full) }},
		{"same surname added", func() {
			put("x-rival.txt", "Rivals\n\nPeter Thistlewood, a trawler owner, said the quota was unfair. “It hurts,” he said.\n")
		}},
		{"same surname removed", func() { delete(folder, "x-rival.txt") }},
		{"role changed", func() { put("x-full.txt", strings.Replace(full, "fisheries minister", "harbour master", 1)) }},
		{"full name removed", func() { delete(folder, "x-full.txt") }},
		{"full name back", func() { put("x-full.txt", full) }},
	}
	load := folderLoader(t, folder)
	prev := load(nil)
	for _, st := range steps {
		st.edit()
		inc, full := load(prev), load(nil)
		t.Run(st.what, func(t *testing.T) {
			compareBases(t, inc, full)
			var names []string
			for _, p := range full.People() {
				if strings.Contains(p.Name, "Thistlew") {
					names = append(names, fmt.Sprintf("%s (%s, %d mentions)", p.Name, p.Role, len(p.Mentions)))
				}
			}
			t.Log(names)
		})
		prev = inc
	}
}

// TestPeopleSameOnAnyWorkers loads one folder with one worker and with
// several: the people are built from runs of articles read at once, one
// per worker, and merged, and must come out as reading every article in
// turn makes them: the same ids, roles in the same order (a role given
// again in another case adds nothing), mentions and first citations, and
// the same quotes. The added articles name one person in articles far
// apart, so in different runs.
func TestPeopleSameOnAnyWorkers(t *testing.T) {
	folder := corpus.ScaledFolder(t, 40)
	for i, text := range []string{
		"Harbour plan\n\nJane Ashworth said on Monday the plan would go ahead. “It will,” she said.\n",
		"Harbour vote\n\nJane Ashworth, the harbour minister, said the vote was close.\n",
		"Harbour money\n\nJane Ashworth, the Harbour Minister, said money was found. “Enough,” Ashworth said.\n",
		"Harbour chief\n\nJane Ashworth, chief executive of the port, said the work was done.\n",
	} {
		name := fmt.Sprintf("%c-ashworth-%d.txt", "adnz"[i], i)
		folder[name] = &fstest.MapFile{Data: []byte(text)}
	}
	load := func(workers int) *Base {
		b, _, err := LoadWith(folder, "folder", Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	one := load(1)
	for _, workers := range []int{2, 3, 7} {
		b := load(workers)
		for _, what := range []struct {
			name      string
			got, want []string
		}{
			{"people", summary(b.People()), summary(one.People())},
			{"quotes", summary(b.Quotes()), summary(one.Quotes())},
		} {
			if !reflect.DeepEqual(what.got, what.want) {
				t.Errorf("%d workers: %s differ from one worker's:\n%v\n%v", workers, what.name, what.got, what.want)
			}
		}
	}
	p, _, ok := one.FindPerson("Jane Ashworth")
	if !ok || p.Role == "" || len(p.Roles) == 0 || len(p.Mentions) < 4 {
		t.Fatalf("Jane Ashworth: %+v, found %v: not the person of several runs the test needs", p, ok)
	}
}

// TestEventSentenceKept: the sentence an extracted event keeps for the
// about: index is the one SentenceAt finds for its citation, on a load and
// on a reload that reuses the articles' work.
func TestEventSentenceKept(t *testing.T) {
	folder := corpus.ScaledFolder(t, 40)
	load := folderLoader(t, folder)
	first := load(nil)
	for _, b := range []*Base{first, load(first)} {
		n := 0
		for _, e := range b.Events() {
			if !e.Extracted {
				continue
			}
			n++
			c := e.Citations[0]
			if want := int32(c.Doc.SentenceAt(c.Start)); e.sent != want {
				t.Errorf("%s: sentence %d, SentenceAt gives %d", e.ID, e.sent, want)
			}
		}
		if n < 20 {
			t.Errorf("%d extracted events: too few to tell", n)
		}
	}
}

// compareBases fails where two bases differ in what they hold or find.
func compareBases(t *testing.T, got, want *Base) {
	t.Helper()
	check := func(what string, g, w any) {
		t.Helper()
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s differs:\nreload: %v\nfull:   %v", what, g, w)
		}
	}
	check("people", summary(got.People()), summary(want.People()))
	check("events", summary(got.Events()), summary(want.Events()))
	check("figures", summary(got.Figures()), summary(want.Figures()))
	check("quotes", summary(got.Quotes()), summary(want.Quotes()))
	// The name index, shared with the previous base when no one changed.
	for i, p := range want.People() {
		if i%7 == 0 {
			check("names "+p.Name, got.names.Find(p.Name, 5), want.names.Find(p.Name, 5))
			check("names "+p.Name[:len(p.Name)/2], got.names.Complete(p.Name[:len(p.Name)/2], 5), want.names.Complete(p.Name[:len(p.Name)/2], 5))
		}
	}
	// A reload after a role question builds the role index at load time,
	// from the previous base's parsed roles.
	for _, role := range []string{"minister", "the defence secretary", "chief executive", "fisheries minister"} {
		check("PeopleByRole "+role, summary(got.PeopleByRole(role)), summary(want.PeopleByRole(role)))
	}
	queries := []string{"minister said", "plan", "Ashworth", "government", "election labour", "the",
		"sanctons", "economy growth rate", "said on Monday", "film award", "£", "2004"}
	for _, d := range want.Docs() {
		queries = append(queries, strings.Fields(d.Title)...)
	}
	ref := plainWordIndexes(want)
	var found [itemKinds]int
	defer func() {
		if found[eventItems] == 0 || found[figureItems] == 0 || found[quoteItems] == 0 {
			t.Errorf("about: filters found events, figures, quotes %v times: too few to compare", found)
		}
	}()
	for _, q := range queries {
		for k, ix := range []wordIndex{got.eventWords, got.figureWords, got.quoteWords} {
			found[k] += min(1, len(ix.bestIDs(q)))
		}
		check("eventWords "+q, got.eventWords.bestIDs(q), ref[eventItems].bestIDs(q))
		check("figureWords "+q, got.figureWords.bestIDs(q), ref[figureItems].bestIDs(q))
		check("quoteWords "+q, got.quoteWords.bestIDs(q), ref[quoteItems].bestIDs(q))
		check("Search "+q, hits(got.Search(q, 10)), hits(want.Search(q, 10)))
		check("Terms "+q, got.Terms(q).list, want.Terms(q).list)
		check("EventsAbout "+q, summary(got.EventsAbout(q)), summary(want.EventsAbout(q)))
		check("FiguresAbout "+q, summary(got.FiguresAbout(q)), summary(want.FiguresAbout(q)))
		for _, p := range want.People() {
			check("QuotesAbout "+p.ID+" "+q, summary(got.QuotesAbout(p.ID, q)), summary(want.QuotesAbout(p.ID, q)))
		}
	}
}

// plainWordIndexes indexes every item of a base, curated or extracted, by
// its texts, the plain way: what the about: indexes must find.
func plainWordIndexes(b *Base) [itemKinds]wordIndex {
	var out [itemKinds]wordIndex
	out[eventItems] = newWordIndex(len(b.events), func(i int) []string {
		e := b.events[i]
		texts := []string{e.Text}
		for _, id := range e.People {
			texts = append(texts, b.personByID[id].Names()...)
		}
		if !e.Extracted {
			texts = appendQuotes(texts, e.Citations)
		}
		return texts
	}, b.index)
	out[figureItems] = newWordIndex(len(b.figures), func(i int) []string {
		f := b.figures[i]
		return appendQuotes([]string{f.Value, f.Unit, f.About, f.Topic}, f.Citations)
	}, b.index)
	out[quoteItems] = newWordIndex(len(b.quotes), func(i int) []string { return quoteTexts(b.quotes[i]) }, b.index)
	return out
}

// summary renders items as their ids and where they cite, comparable
// across bases (whose pointers differ).
func summary[T any](items []T) []string {
	var out []string
	for _, it := range items {
		switch v := any(it).(type) {
		case *Person:
			out = append(out, fmt.Sprintf("%s %s %s %v %d %v", v.ID, v.Name, v.Role, v.Roles, len(v.Mentions), cites(v.Citations)))
			for _, m := range v.Mentions {
				out = append(out, fmt.Sprintf("  %s:%d", m.Doc.ID, m.Sentence))
			}
		case *Event:
			out = append(out, fmt.Sprintf("%s %s %q %v %v", v.ID, v.Date, v.Text, v.People, cites(v.Citations)))
		case *Figure:
			out = append(out, fmt.Sprintf("%s %q %q %v", v.ID, v.Value, v.Unit, cites(v.Citations)))
		case *Quote:
			out = append(out, fmt.Sprintf("%s %s %s %v", v.ID, v.Speaker, v.Date, cites([]Citation{v.Cite})))
		}
	}
	return out
}

func cites(cs []Citation) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s:%d-%d", c.Doc.ID, c.Start, c.End))
	}
	return out
}

func hits(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s:%d %v %v", h.Doc.ID, h.Sentence, h.Score, h.Marks))
	}
	return out
}

// bestIDs returns the positions of the items best returns.
func (ix wordIndex) bestIDs(q string) []int {
	ids := make([]int, ix.n)
	for i := range ids {
		ids[i] = i
	}
	return best(ix, q, ids)
}

// folderLoader loads folder as it is when called, from prev's work when
// prev is not nil, with two workers and a fixed load time, so that two
// loads of the same folder can be compared whole.
func folderLoader(t *testing.T, folder fstest.MapFS) func(prev *Base) *Base {
	return func(prev *Base) *Base {
		t.Helper()
		b, _, err := LoadWith(folder, "folder", Options{Now: corpus.FixedNow, Previous: prev, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}
