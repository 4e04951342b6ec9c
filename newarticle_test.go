package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

// newArticle has no metadata and no curated facts: everything about it must
// come from extraction.
const newArticle = `Harbour plan approved after long dispute

Port director Miriam Castellanos said on 14 May 2025 that the harbour wall would be rebuilt.

"We have waited far too long for this decision, and the work starts now," Ms Castellanos said.

The project will cost up to 12 million euros, according to the port authority.
`

// TestNewArticleAnswersBeforeCuration drops a plain article into a copy of
// the seeds and asks about it through the command line.
func TestNewArticleAnswersBeforeCuration(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.CopySeeds(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "zz_harbour.txt"), []byte(newArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	ask := func(q string) map[string]any { return askJSON(t, dir, q) }
	who := ask("/who Castellanos")
	if who["found"] != true || !strings.Contains(who["title"].(string), "Miriam Castellanos") || !strings.Contains(who["text"].(string), "Port director") {
		t.Errorf("/who Castellanos: %v", who["text"])
	}
	quotes := ask("/quotes Castellanos")
	if quotes["found"] != true || !strings.Contains(quotes["text"].(string), "We have waited far too long for this decision") {
		t.Errorf("/quotes Castellanos: %v", quotes["text"])
	}
	timeline := ask("/timeline from:2025-05-14 to:2025-05-14")
	if timeline["found"] != true || !strings.Contains(timeline["text"].(string), "2025-05-14 · “Port director Miriam Castellanos said on 14 May 2025") {
		t.Errorf("/timeline on the new article's date: %v", timeline["text"])
	}
	search := ask("/search harbour wall rebuilt")
	if cites, _ := search["citations"].([]any); len(cites) == 0 || cites[0].(map[string]any)["source"] != "zz_harbour" {
		t.Errorf("/search harbour wall rebuilt: the first hit is not from the new article: %v", search["text"])
	}
}
