package facts

import (
	"strings"
	"testing"
)

// A story of two countries' ministers, written for these tests: two people
// share a role but not a country, one is known by a title in an alias, and
// one sentence is carried twice, as syndication does.
const (
	roleArticle = "Ministers meet on the river treaty\n\n" +
		"The French Defence Minister Anne Lac met the German Defence Minister Karl Berg in Lyon on Monday.\n\n" +
		"The talks were held because the river treaty expires in 2026.\n\n" +
		"Lac said the meeting was useful. She said she had no intention of leaving the treaty.\n"
	roleCopy = "Ministers talk\n\n" +
		"The French Defence Minister Anne Lac met the German Defence Minister Karl Berg in Lyon on Monday.\n"
	roleFacts = `people:
  - id: lac
    name: Anne Lac
    aliases: [Lac, French Defence Minister Anne Lac]
    role: Defence Minister of France
    citations:
      - {source: r1, quote: "The French Defence Minister Anne Lac"}
  - id: berg
    name: Karl Berg
    aliases: [Berg]
    role: German Defence Minister
    citations:
      - {source: r1, quote: "the German Defence Minister Karl Berg"}
  - id: council
    name: River Council
    kind: organisation
    role: Head of the river authority
    citations:
      - {source: r1, quote: "the river treaty"}
`
	roleSources = `sources:
  - {id: r1, title: Ministers meet, outlet: Test Times, published: 2026-01-07}
  - {id: r2, title: Ministers talk, outlet: Other Post, published: 2026-01-07}
`
)

func roleBase(t *testing.T) *Base {
	t.Helper()
	b, _, err := Load(folder(map[string]string{"r1.txt": roleArticle, "r2.txt": roleCopy, "sources.yaml": roleSources, "facts.yaml": roleFacts}), "dir")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

func TestPeopleByRole(t *testing.T) {
	b := roleBase(t)
	tests := []struct {
		role string
		want []string
	}{
		{"defence minister", []string{"lac", "berg"}}, // a shared role: both
		{"the French defence minister", []string{"lac"}},
		{"France's defence minister", []string{"lac"}},
		{"germanys defense minister", []string{"berg"}}, // possessive without apostrophe, US spelling
		{"german defence ministr", []string{"berg"}},    // a typo
		{"chief of the river authority", []string{"council"}},
		{"the Italian defence minister", nil}, // a country no role names
		{"prime minister", nil},
		{"the", nil},
	}
	for _, tt := range tests {
		t.Run(tt.role, func(t *testing.T) {
			var got []string
			for _, p := range b.PeopleByRole(tt.role) {
				got = append(got, p.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("PeopleByRole(%q) = %v, want %v", tt.role, got, tt.want)
			}
		})
	}
}

func TestTermsCoverAndCorrect(t *testing.T) {
	b := roleBase(t)
	ts := b.Terms("river treaty weather")
	if got := ts.Missing(); len(got) != 1 || got[0] != "weather" {
		t.Errorf("Missing = %v, want [weather]", got)
	}
	if c := ts.Cover("The river treaty expires."); c <= 0.3 || c >= 0.7 {
		t.Errorf("Cover of two of three words, the absent one heaviest = %.2f, want between 0.3 and 0.7", c)
	}
	if c := ts.Cover("Nothing here."); c != 0 {
		t.Errorf("Cover of no word = %.2f", c)
	}
	if got := b.Correct("the rvier traety"); got != "the river treaty" {
		t.Errorf("Correct = %q, want the typos mended (a swap counts as one edit)", got)
	}
	if got := b.Correct("xyzzy"); got != "xyzzy" {
		t.Errorf("Correct(xyzzy) = %q, want it unchanged", got)
	}
}

func TestPassages(t *testing.T) {
	b := roleBase(t)
	ps := b.Passages(b.Terms("defence ministers met Lyon"), WantPlace, "defence ministers met", 5)
	if len(ps) == 0 {
		t.Fatal("no passages")
	}
	if len(ps[0].Cites) != 2 || ps[0].Cites[0].Doc.ID == ps[0].Cites[1].Doc.ID {
		t.Errorf("the syndicated sentence should be one passage citing both articles, got %d citations", len(ps[0].Cites))
	}
	for _, p := range ps {
		if strings.HasPrefix(p.Text(), "Ministers") {
			t.Errorf("a headline is never a passage: %q", p.Text())
		}
	}
	why := b.Passages(b.Terms("talks held"), WantReason, "talks held", 5)
	if len(why) == 0 || !strings.Contains(why[0].Text(), "because") {
		t.Errorf("reason passage = %v, want the sentence with its cause first", why)
	}
	// "She said she had no intention …" names no one, but the sentence
	// before names her: its cover counts that sentence.
	yes := b.Passages(b.Terms("Lac intention"), WantVerdict, "", 5)
	if len(yes) == 0 || !strings.HasPrefix(yes[0].Text(), "She said") || yes[0].Cover < 0.99 {
		t.Errorf("verdict passage = %+v, want the pronoun sentence, fully covered", yes)
	}
}

func TestHasKind(t *testing.T) {
	tests := []struct {
		text    string
		want    Want
		subject string
		ok      bool
	}{
		{"They met in Lyon on Monday.", WantPlace, "met", true},
		{"They met in Lyon on Monday.", WantPlace, "met in lyon", false}, // the question named the place
		{"They stood in front of Main Hall.", WantPlace, "", true},
		{"The head of the Army spoke.", WantPlace, "", false},
		{"It expires in 2026.", WantTime, "", true},
		{"The talks were held because it expires.", WantReason, "", true},
		{"Fleet of four vessels.", WantNumber, "", true},
		{"It costs £2bn.", WantAmount, "", true},
		{"A fleet of four vessels.", WantAmount, "", false},
		{"She ruled out a vote.", WantVerdict, "", true},
		{"River Council is the body that runs the river.", WantDefinition, "river council", true},
		{"The river authority (River Council) met.", WantDefinition, "river council", true},
		{"They met the River Council.", WantDefinition, "river council", false},
	}
	for _, tt := range tests {
		if got := HasKind(tt.text, tt.want, tt.subject); got != tt.ok {
			t.Errorf("HasKind(%q, %d, %q) = %v, want %v", tt.text, tt.want, tt.subject, got, tt.ok)
		}
	}
}

func TestFindPersonByFullName(t *testing.T) {
	files := map[string]string{
		"a1.txt":       "Mill sold\n\nThe buyer, Jane Roe, said the mill would reopen. Roe said so twice.\n",
		"sources.yaml": "sources:\n  - {id: a1, title: Mill sold, outlet: Test Times, published: 2024-05-02}\n",
		"facts.yaml":   "people:\n  - id: roe\n    name: Roe\n    citations:\n      - {source: a1, quote: \"Roe said so twice.\"}\n",
	}
	// Extraction off: it would add a "Jane Roe" of its own, and the case
	// here is a base that knows only the surname.
	b, _, err := LoadWith(folder(files), "dir", Options{NoExtraction: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Roe", "jane roe", "Jane  Roe"} {
		if p, _, ok := b.FindPerson(q); !ok || p.ID != "roe" {
			t.Errorf("FindPerson(%q) = %v, %v; want roe: the articles call her Jane Roe", q, p, ok)
		}
	}
	if p, _, ok := b.FindPerson("Peter Roe"); ok {
		t.Errorf("FindPerson(Peter Roe) = %v; the articles name no Peter Roe", p.ID)
	}
}

func TestDiff(t *testing.T) {
	old := roleBase(t)
	sources := strings.Split(roleSources, "  - {id: r2")[0]
	b, _, err := Load(folder(map[string]string{"r1.txt": roleArticle, "sources.yaml": sources,
		"facts.yaml": strings.Replace(roleFacts, "  - id: berg", "  - id: karl", 1)}), "dir")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Change{}
	for _, c := range Diff(old, b) {
		got[c.What] = c
	}
	if c := got["articles"]; c.Before != 2 || c.After != 1 || c.Removed != 1 || c.Added != 0 {
		t.Errorf("articles: %+v, want one of two removed", c)
	}
	if c := got["people"]; c.Added != 1 || c.Removed != 1 {
		t.Errorf("people: %+v, want the renamed id as one added and one removed", c)
	}
	for _, c := range Diff(b, b) {
		if c.Added != 0 || c.Removed != 0 || c.Before != c.After {
			t.Errorf("a base against itself: %+v", c)
		}
	}
}

func TestLoadReusesUnchangedArticles(t *testing.T) {
	files := map[string]string{"r1.txt": roleArticle, "r2.txt": roleCopy, "sources.yaml": roleSources, "facts.yaml": roleFacts}
	old, _, err := Load(folder(files), "dir")
	if err != nil {
		t.Fatal(err)
	}
	files["r2.txt"] = roleCopy + "\nKarl Berg said on Friday the talks would go on.\n"
	b, _, err := LoadWith(folder(files), "dir", Options{Previous: old})
	if err != nil {
		t.Fatal(err)
	}
	same, changed := b.Doc("r1"), b.Doc("r2")
	if &same.Sentences[0] != &old.Doc("r1").Sentences[0] || same.work.first != old.Doc("r1").work.first {
		t.Error("an unchanged article was read again")
	}
	if &changed.Sentences[0] == &old.Doc("r2").Sentences[0] || len(changed.Sentences) == len(old.Doc("r2").Sentences) {
		t.Error("a changed article kept its old reading")
	}
	if old.Doc("r2").work.figsDone != true || len(old.Doc("r2").Sentences) != 2 {
		t.Error("the reload changed the previous base")
	}
}
