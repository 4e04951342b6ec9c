package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

// TestDraftNeedsNoEdit adds three articles on another story (written for
// the test, in testdata/newstory: titles before surnames, quotes, a dated
// meeting, figures) to a copy of the seeds one at a time, as a curator
// does: each is drafted into facts.d/ and `check` must pass with no edit.
// Then the people are one card each, by surname or full name, with role
// and quotes; the announced meeting is on the timeline; and /brief has the
// newest article's lead.
func TestDraftNeedsNoEdit(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.CopySeeds(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "facts.d"), 0o755); err != nil {
		t.Fatal(err)
	}
	articles := []struct{ id, date, title string }{
		{"ns_001", "2026-03-04", "River council approves flood barrier after long delay"},
		{"ns_002", "2026-03-13", "Flood barrier contract goes to Leeds firm"},
		{"ns_003", "2026-05-13", "Residents raise concerns at flood barrier meeting"},
	}
	for _, a := range articles {
		text, err := os.ReadFile(filepath.Join("testdata", "newstory", a.id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		article := filepath.Join(dir, a.id+".txt")
		writeFile(t, article, string(text))
		appendFile(t, filepath.Join(dir, "sources.yaml"), "\n  - id: "+a.id+"\n    title: \""+a.title+"\"\n    outlet: Test Gazette\n    published: "+a.date+"\n")
		draft, errs, code := runT(t, "", "draft", "--facts", dir, "--published", a.date, article)
		if code != 0 {
			t.Fatalf("draft %s: exit %d: %s", a.id, code, errs)
		}
		writeFile(t, filepath.Join(dir, "facts.d", a.id+".yaml"), draft)
		if out, errs, code := runT(t, "", "check", dir); code != 0 {
			t.Fatalf("check after drafting %s with no edit: exit %d:\n%s%s\n--- the draft:\n%s", a.id, code, out, errs, draft)
		}
	}
	ask := func(q string) map[string]any { return askJSON(t, dir, q) }
	bySurname, byName := ask("/who Marlowe"), ask("who is Helen Marlowe?")
	if bySurname["title"] != byName["title"] || !strings.Contains(bySurname["title"].(string), "Council leader") ||
		!strings.Contains(bySurname["text"].(string), "the experience this town needs") {
		t.Errorf("one person, one card with role and quotes:\n%v\n%v", bySurname["text"], byName["title"])
	}
	if tl := ask("/timeline from:2026-05-12 to:2026-05-12"); !strings.Contains(tl["text"].(string), "public meeting would be held on 12 May") {
		t.Errorf("the announced meeting is not on the timeline:\n%v", tl["text"])
	}
	if br := ask("/brief"); br["as_of"] != "2026-05-13" || !strings.Contains(br["text"].(string), "More than 300 residents attended") {
		t.Errorf("/brief lacks the newest article's lead:\n%v", br["text"])
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
