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
