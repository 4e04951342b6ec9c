package facts

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/internal/corpus"

	"github.com/briefbot/briefbot/facts/search"
)

// article is a small story used by the validation tests.
const article = "Headline of the test story\n\nJane Roe, the mayor, said on Monday: “We will build the bridge.”\n\nThe council met in March.\n"

const goodSources = `sources:
  - id: a1
    title: Test story
    outlet: Test Times
    published: 2024-05-02
`

const goodFacts = `people:
  - id: roe
    name: Jane Roe
    aliases: [Roe, Mayor Roe]
    role: Mayor
    citations:
      - source: a1
        quote: "Jane Roe, the mayor"
events:
  - id: council
    date: 2024-03
    text: The council met.
    citations:
      - {source: a1, quote: "The council met in March."}
`

func folder(files map[string]string) fstest.MapFS {
	fs := fstest.MapFS{}
	for name, data := range files {
		fs[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fs
}

func TestLoadGood(t *testing.T) {
	b, warns, err := Load(folder(map[string]string{"a1.txt": article, "sources.yaml": goodSources, "facts.yaml": goodFacts}), "dir")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	p := b.Person("roe")
	if p == nil || p.Citations[0].Quote() != "Jane Roe, the mayor" {
		t.Fatalf("person roe: %+v", p)
	}
	if len(p.Mentions) != 1 {
		t.Errorf("mentions of roe = %d, want 1", len(p.Mentions))
	}
	if got := b.Events()[0].Date.String(); got != "2024-03" {
		t.Errorf("event date %s", got)
	}
}

// TestLoadErrors checks that each kind of fault is reported as file:line: what.
func TestLoadErrors(t *testing.T) {
	withFacts := func(facts string) map[string]string {
		return map[string]string{"a1.txt": article, "sources.yaml": goodSources, "facts.yaml": facts}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string // every one must appear among the errors
	}{
		{"malformed yaml", withFacts("people:\n  - id: roe\n    name: Jane: Roe\n"), []string{"dir/facts.yaml:3: malformed YAML: mapping values are not allowed"}},
		{"unknown field", withFacts(strings.Replace(goodFacts, "    role: Mayor\n", "    role: Mayor\n    rank: 1\n", 1)),
			[]string{`dir/facts.yaml:6: unknown field "rank" in person`}},
		{"unknown top-level section", withFacts(goodFacts + "things: []\n"), []string{`dir/facts.yaml:15: unknown field "things" in the top level`}},
		{"unknown source", withFacts(strings.Replace(goodFacts, "source: a1\n", "source: zz\n", 1)),
			[]string{`dir/facts.yaml:7: person roe: unknown source "zz"`}},
		{"quote not found", withFacts(strings.Replace(goodFacts, "Jane Roe, the mayor", "Jane Roe, the governor", 1)),
			[]string{`dir/facts.yaml:8: person roe: quote not found in dir/a1.txt: "Jane Roe, the governor"`}},
		{"empty quote", withFacts(strings.Replace(goodFacts, `"Jane Roe, the mayor"`, `""`, 1)),
			[]string{`dir/facts.yaml:8: person roe: empty quote`}},
		{"duplicate person id", withFacts(strings.Replace(goodFacts, "events:", "  - id: roe\n    name: Other Roe\n    citations: [{source: a1, quote: council}]\nevents:", 1)),
			[]string{`dir/facts.yaml:9: duplicate person id "roe" (first at line 2)`}},
		{"alias shared by two people", withFacts(strings.Replace(goodFacts, "events:", "  - id: doe\n    name: John Doe\n    aliases: [Mayor Roe]\n    citations: [{source: a1, quote: council}]\nevents:", 1)),
			[]string{`dir/facts.yaml:11: person doe: alias "Mayor Roe" is also a name of person "roe" (line 4)`}},
		{"alias shared but for accents and dots", withFacts(strings.Replace(goodFacts, "events:", "  - id: doe\n    name: John Doe\n    aliases: [MAYOR RÖE.]\n    citations: [{source: a1, quote: council}]\nevents:", 1)),
			[]string{`dir/facts.yaml:11: person doe: alias "MAYOR RÖE." is also a name of person "roe" (line 4)`}},
		{"every error at once", withFacts(strings.Replace(strings.Replace(goodFacts, "source: a1\n", "source: zz\n", 1), "date: 2024-03", "date: soon", 1)),
			[]string{`dir/facts.yaml:7: person roe: unknown source "zz"`, `dir/facts.yaml:11: event council: bad date "soon"`}},
		{"bad date", withFacts(strings.Replace(goodFacts, "date: 2024-03", "date: 2024-13-40", 1)),
			[]string{`dir/facts.yaml:11: event council: bad date "2024-13-40"`}},
		{"missing article file", map[string]string{"a1.txt": article, "sources.yaml": goodSources + "  - id: gone\n    title: Gone\n"},
			[]string{`dir/sources.yaml:6: article file gone.txt not found for source "gone"`}},
		{"empty directory", map[string]string{}, []string{"dir: no articles: the folder holds no *.txt file"}},
		{"bad source date", map[string]string{"a1.txt": article, "sources.yaml": strings.Replace(goodSources, "2024-05-02", "May 2", 1)},
			[]string{`dir/sources.yaml:5: source a1: bad date "May 2"`}},
		{"no citations", withFacts("points:\n  - text: Something.\n"), []string{"dir/facts.yaml:2: point 1: no citations"}},
		{"unknown speaker", withFacts(goodFacts + "quotes:\n  - speaker: nobody\n    source: a1\n    quote: We will build the bridge.\n"),
			[]string{`dir/facts.yaml:16: quote 1: unknown speaker "nobody"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, err := Load(folder(tt.files), "dir")
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("Load err = %v, want a *LoadError", err)
			}
			if b != nil {
				t.Errorf("a base was returned with errors")
			}
			msg := le.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("errors:\n%s\nwant one containing %q", msg, w)
				}
			}
		})
	}
}

func TestVersionFollowsContent(t *testing.T) {
	files := map[string]string{"a1.txt": article, "sources.yaml": goodSources, "facts.yaml": goodFacts}
	load := func(files map[string]string) *Base {
		b, _, err := Load(folder(files), "dir")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	v1, v2 := load(files).Version(), load(files).Version()
	files["a1.txt"] = article + "One more sentence.\n"
	v3 := load(files).Version()
	if v1 == "" || v1 != v2 || v1 == v3 {
		t.Errorf("versions %q, %q (same folder) and %q (changed article): want equal, then different", v1, v2, v3)
	}
}

func TestWordIndexBest(t *testing.T) {
	texts := [][]string{{"the council met"}, {"meeting of the council on jobs"}, {"jobs and wages"}, {"nothing here"}}
	ix := newWordIndex(len(texts), func(i int) []string { return texts[i] }, search.NewBuilder().Build())
	tests := []struct {
		q    string
		want []int
	}{
		{"council", []int{0, 1}},
		{"council jobs", []int{1}},         // the item with both words wins
		{"meetings wages", []int{0, 1, 2}}, // none has both: every item with one ("met" is a form of "meet")
		{"the", nil},                       // stop words only
		{"zebra", nil},
	}
	for _, tt := range tests {
		if got := ix.bestIDs(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("best(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestFactsInSeveralFiles(t *testing.T) {
	more := "people:\n  - id: doe\n    name: John Doe\n    citations: [{source: a1, quote: council}]\nevents:\n  - id: bridge\n    date: 2024-05\n    text: The mayor spoke.\n    people: [roe, doe]\n    citations: [{source: a1, quote: We will build the bridge.}]\n"
	files := map[string]string{"a1.txt": article, "sources.yaml": goodSources, "facts.yaml": goodFacts, "facts.d/more.yaml": more, "facts.d/.swp.yaml": "junk: [", "facts.d/notes.txt": "not facts"}
	b, _, err := Load(folder(files), "dir")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if c := b.Counts(); b.Person("doe") == nil || c.Events != 2 || c.People != 2 {
		t.Errorf("facts.d/more.yaml not read with facts.yaml: %s", c)
	}
	tests := []struct {
		name string
		more string
		want string
	}{
		{"an id given in two files", "people:\n  - id: roe\n    name: Other Roe\n    citations: [{source: a1, quote: council}]\n",
			`dir/facts.d/more.yaml:2: duplicate person id "roe" (first at dir/facts.yaml:2)`},
		{"a name given in two files", "people:\n  - id: doe\n    name: Mayor Roe\n    citations: [{source: a1, quote: council}]\n",
			`dir/facts.d/more.yaml:3: person doe: alias "Mayor Roe" is also a name of person "roe" (dir/facts.yaml:4)`},
		{"an unknown field", "people:\n  - id: doe\n    name: John Doe\n    rank: 2\n    citations: [{source: a1, quote: council}]\n",
			`dir/facts.d/more.yaml:4: unknown field "rank" in person`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files["facts.d/more.yaml"] = tt.more
			_, _, err := Load(folder(files), "dir")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestSuppress hides extracted items named in a suppress: list (in any
// facts file) and refuses an id that names nothing, with its file:line.
func TestSuppress(t *testing.T) {
	fsys, _, err := corpus.Scaled(0)
	if err != nil {
		t.Fatal(err)
	}
	folder := fsys.(fstest.MapFS)
	all, _, err := Load(folder, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	var hide []string
	for _, e := range all.Events() {
		if e.Extracted {
			hide = append(hide, e.ID)
			break
		}
	}
	for _, q := range all.Quotes() {
		if q.Extracted {
			hide = append(hide, q.ID)
			break
		}
	}
	if len(hide) != 2 {
		t.Fatalf("the seeds have no extracted event and quote to hide: %v", hide)
	}
	folder["facts.d/hide.yaml"] = &fstest.MapFile{Data: []byte("suppress: [" + strings.Join(hide, ", ") + "]\n")}
	b, _, err := Load(folder, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range b.Events() {
		if e.ID == hide[0] {
			t.Errorf("suppressed event %s still there", e.ID)
		}
	}
	for _, q := range b.Quotes() {
		if q.ID == hide[1] {
			t.Errorf("suppressed quote %s still there", q.ID)
		}
	}
	if got, want := len(b.Events())+len(b.Quotes()), len(all.Events())+len(all.Quotes())-2; got != want {
		t.Errorf("%d events and quotes after suppression, want %d", got, want)
	}
	folder["facts.d/hide.yaml"] = &fstest.MapFile{Data: []byte("suppress:\n  - " + hide[0] + "\n  - no-such-item\n")}
	_, _, err = Load(folder, "seeds")
	if err == nil || !strings.Contains(err.Error(), `seeds/facts.d/hide.yaml:3: suppress: no extracted item "no-such-item"`) {
		t.Errorf("unknown suppress id: %v", err)
	}
}
