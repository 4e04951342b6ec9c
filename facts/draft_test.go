package facts

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestDraftLoads checks that a draft made from an article is a valid
// facts.yaml for a folder holding that article: every citation verbatim.
func TestDraftLoads(t *testing.T) {
	raw, err := os.ReadFile("testdata/own/own_bridge.txt")
	if err != nil {
		t.Fatal(err)
	}
	empty, _, err := Load(folder(map[string]string{"x.txt": "A placeholder article.\n"}), "dir")
	if err != nil {
		t.Fatal(err)
	}
	draft := Draft(empty, "own_bridge", raw, time.Date(2025, 6, 11, 0, 0, 0, 0, time.UTC))
	for _, want := range []string{"name: Jane Roe", "role: Council leader", "speaker: jane-roe", `date: "2025-06-09"`, "value: £2.5m"} {
		if !strings.Contains(string(draft), want) {
			t.Errorf("draft lacks %q:\n%s", want, draft)
		}
	}
	b, _, err := Load(folder(map[string]string{"own_bridge.txt": string(raw), "facts.yaml": string(draft)}), "dir")
	if err != nil {
		t.Fatalf("the draft does not load:\n%v\n%s", err, draft)
	}
	if p := b.Person("jane-roe"); p == nil || p.Extracted {
		t.Errorf("jane-roe should be a curated person after the draft is accepted: %+v", p)
	}
}

// TestDraftFigureTopic: a new article's figure that counts the same thing
// as a curated group of figures (same unit, the topic's words in its
// sentence) is drafted into that topic, with its sentence as its subject,
// so that /figures shows it beside the others; one that does not, is not.
func TestDraftFigureTopic(t *testing.T) {
	base, _, err := Load(folder(map[string]string{"a1.txt": article, "sources.yaml": goodSources,
		"facts.yaml": goodFacts + "figures:\n  - id: spans\n    value: \"2\"\n    unit: bridges\n    about: Bridges the council will build.\n    topic: council-bridges\n    citations: [{source: a1, quote: We will build the bridge.}]\n"}), "dir")
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("Bridge plan grows\n\nThe council now plans three bridges over the river, its leader said on Friday.\n\nThe river carries 40 boats a day.\n")
	draft := string(Draft(base, "new", raw, time.Date(2024, 6, 7, 0, 0, 0, 0, time.UTC)))
	for _, want := range []string{"unit: bridges\n    about: The council now plans three bridges over the river, its leader said on Friday.\n    topic: council-bridges", "unit: boats\n    about: The river carries 40 boats a day.\n    citations"} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft lacks %q:\n%s", want, draft)
		}
	}
}

// TestDraftSkipsCuratedEvents: a new article's sentence about what a
// curated event already tells (same month, mostly the same words) is not
// drafted again; a new happening is.
func TestDraftSkipsCuratedEvents(t *testing.T) {
	base, _, err := Load(folder(map[string]string{"a1.txt": article, "sources.yaml": goodSources, "facts.yaml": goodFacts}), "dir")
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("Council news\n\nThe council met in March.\n\nThe council will vote on the bridge on 20 June.\n")
	draft := string(Draft(base, "new", raw, time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)))
	if strings.Contains(draft, "text: The council met in March.") {
		t.Errorf("the curated meeting was drafted again:\n%s", draft)
	}
	if !strings.Contains(draft, `date: "2024-06-20"`) {
		t.Errorf("the new vote was not drafted:\n%s", draft)
	}
}

// TestDraftQuoteAbout: a drafted quote says what it is about, from the
// words of its sentence around it.
func TestDraftQuoteAbout(t *testing.T) {
	base, _, err := Load(folder(map[string]string{"x.txt": "A placeholder article.\n"}), "dir")
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("Bridge row\n\nJane Roe, the mayor, told the council that the bridge plan was \"long overdue\".\n")
	draft := string(Draft(base, "new", raw, time.Time{}))
	if !strings.Contains(draft, "quote: long overdue\n    about: Jane Roe, the mayor, told the council that the bridge plan was") {
		t.Errorf("the quote has no about from its sentence:\n%s", draft)
	}
}
