package commands

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	seedOnce sync.Once
	seedBase *facts.Base
	seedErr  error
)

// seedBaseT loads the embedded seed base once for all tests.
func seedBaseT(t testing.TB) *facts.Base {
	t.Helper()
	seedOnce.Do(func() { seedBase, _, seedErr = facts.Load(seeds.FS(), seeds.Dir) })
	if seedErr != nil {
		t.Fatalf("loading the seed base: %v", seedErr)
	}
	return seedBase
}

func ask(t testing.TB, tab *Table, b *facts.Base, query string) Answer {
	t.Helper()
	req, err := tab.Parse(query)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	a, err := tab.Handle(b, req)
	if err != nil {
		t.Fatalf("Handle(%q): %v", query, err)
	}
	return a
}

// TestGolden compares each command's text and JSON rendering over the seed
// base with testdata/<name>.txt and .json; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	b := seedBaseT(t)
	tab := NewTable()
	tests := []struct{ name, query string }{
		{"who", "/who Witkoff"},
		{"who_typo", "/who witkof"},
		{"who_unknown", "/who Nobody Atall"},
		{"timeline", "/timeline"},
		{"timeline_range", "/timeline from:2025-03-20 to:2025-03-24"},
		{"quotes", "/quotes Healey"},
		{"search", "/search sanctions"},
		{"sources", "/sources"},
		{"source", "/source 002_1810cc6d2e562a30"},
		{"figures", "/figures"},
		{"brief", "/brief"},
		{"help", "/help"},
		{"dm_who", "who is witkoff?"},
		{"dm_when", "when was the Northwood meeting?"},
		{"who_role", "/who Defence Secretary"},
		{"dm_role", "who is Britain's defence secretary"},
		{"dm_figure", "how many countries are in the coalition?"},
		{"dm_why", "why did Starmer visit Northwood?"},
		{"dm_define", "tell me about the Lancaster House treaty"},
		{"dm_not_covered", "what is the weather in London today?"},
		{"search_not_covered", "/search weather forecast"},
		{"search_question", "/search why is the UK sending troops?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ask(t, tab, b, tt.query)
			js, err := JSON(a)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".txt", Text(a))
			golden(t, tt.name+".json", string(js)+"\n")
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./commands -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s differs from the golden file at line %d (run with -update if the change is right)\ngot:  %s\nwant: %s", path, i+1, Ellipsis(g, 300), Ellipsis(w, 300))
				return
			}
		}
	}
}

// queriesOverBase is every query worth asking of a base: each command, each
// person by name and by surname, each article, and searches for words of the
// articles.
func queriesOverBase(b *facts.Base) []string {
	qs := []string{"/timeline", "/figures", "/brief", "/sources", "/help", "timeline", "sources"}
	for _, p := range b.People() {
		qs = append(qs, "/who "+p.Name, "/quotes "+p.Name, "what did "+p.Name+" say")
		for _, a := range p.Aliases {
			qs = append(qs, "who is "+a)
		}
	}
	for _, d := range b.Docs() {
		qs = append(qs, "/source "+d.ID)
		for i, w := range strings.Fields(d.Title) {
			if i%3 == 0 {
				qs = append(qs, "/search "+w, "/timeline about:"+w, "/figures about:"+w)
			}
		}
	}
	return qs
}

// TestCitationsVerbatim checks, for every answer over the whole seed base,
// that every citation's offsets select its quote in the article file as it
// is on disk, and that every cited number exists.
func TestCitationsVerbatim(t *testing.T) {
	b := seedBaseT(t)
	tab := NewTable()
	raw := map[string][]byte{}
	for _, d := range b.Docs() {
		data, err := fs.ReadFile(seeds.FS(), d.ID+".txt")
		if err != nil {
			t.Fatal(err)
		}
		raw[d.ID] = data
	}
	total := 0
	queries := queriesOverBase(b)
	for _, lq := range readQuestionSet(t, "testdata/questions/seeds.yaml").Questions {
		queries = append(queries, lq.Q, "/search "+lq.Q)
	}
	file := func(id string) string { return string(raw[id]) }
	for _, q := range queries {
		a := ask(t, tab, b, q)
		total += len(a.Citations)
		checkCitations(t, file, q, a)
	}
	if total < 100 {
		t.Errorf("only %d citations checked; the seed base should give many more", total)
	}
}
