package facts

import (
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

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
