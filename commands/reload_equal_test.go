package commands

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
)

// TestReloadEqualsFullLoad checks that a reload which reuses the work of
// unchanged articles (facts.Options.Previous) gives the same answers, one
// by one, as a full load of the same folder: on the seeds with a sample of
// the BBC corpus (or generated stand-ins), after articles are added,
// changed and removed, and after the curated facts change.
func TestReloadEqualsFullLoad(t *testing.T) {
	before := corpus.ScaledFolder(t, 40)
	// Hold back two articles to add later.
	added, extra := corpus.HoldBack(before, 2)
	// Articles that name someone by surname or by role only: who that is
	// comes from another article, added and removed below.
	put := func(f fstest.MapFS, name, text string) { f[name] = &fstest.MapFile{Data: []byte(text)} }
	put(before, "x-quota.txt", "Quota talks\n\nThistlewood said on Tuesday the talks had gone well. “It is a start,” Thistlewood said.\n")
	put(before, "x-harbour.txt", "Harbour plan\n\nThe fisheries minister said the harbour would reopen. “Soon,” the fisheries minister said.\n")
	load := func(fsys fstest.MapFS, prev *facts.Base) *facts.Base {
		t.Helper()
		b, _, err := facts.LoadWith(fsys, "folder", facts.Options{Now: corpus.FixedNow, Previous: prev, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := load(before, nil)

	edits := []struct {
		name string
		edit func(fstest.MapFS)
	}{
		{"articles added, changed and removed", func(f fstest.MapFS) {
			for name, file := range added {
				f[name] = file
			}
			f[extra[2]] = &fstest.MapFile{Data: append(append([]byte(nil), f[extra[2]].Data...), "\n\nMinister Jane Ashworth said on Monday the plan would go ahead.\n"...)}
			delete(f, extra[3])
		}},
		{"the only article naming in full a person others name by surname and role added", func(f fstest.MapFS) {
			put(f, "x-row.txt", "Fisheries row\n\nMargaret Thistlewood, the fisheries minister, said the quota was fair. “We listened,” she said.\n")
		}},
		{"a second person of that surname added", func(f fstest.MapFS) {
			put(f, "x-rival.txt", "Rivals\n\nPeter Thistlewood, a trawler owner, said the quota was unfair. “It hurts,” he said.\n")
		}},
		{"both removed", func(f fstest.MapFS) {
			delete(f, "x-row.txt")
			delete(f, "x-rival.txt")
		}},
		{"a publication date changed", func(f fstest.MapFS) {
			f["sources.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(f["sources.yaml"].Data), "published: 2025-03-20", "published: 2025-03-21", 1))}
		}},
		{"curated facts changed", func(f fstest.MapFS) {
			f["facts.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(f["facts.yaml"].Data), "role: Defence Secretary", "role: Secretary of State for Defence", 1))}
		}},
	}
	prev := first
	after := maps.Clone(before)
	for _, ed := range edits {
		t.Run(ed.name, func(t *testing.T) {
			ed.edit(after)
			inc, full := load(after, prev), load(after, nil)
			compareAnswers(t, inc, full)
			prev = inc
		})
	}
}

// compareAnswers asks both bases every query worth asking of them and
// fails on the first answers that differ.
func compareAnswers(t *testing.T, got, want *facts.Base) {
	t.Helper()
	tab := NewTable()
	queries := queriesOverBase(want)
	for _, lq := range readQuestionSet(t, "testdata/questions/seeds.yaml").Questions {
		queries = append(queries, lq.Q)
	}
	differ := 0
	for _, q := range queries {
		a, b := ask(t, tab, got, q), ask(t, tab, want, q)
		ja, _ := JSON(a)
		jb, _ := JSON(b)
		if string(ja) != string(jb) {
			differ++
			if differ <= 3 {
				t.Errorf("%q differs after a reload:\nreload: %s\nfull:   %s", q, ja, jb)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d answers differ", differ, len(queries))
	}
	if len(queries) < 200 {
		t.Errorf("only %d queries compared", len(queries))
	}
}
