package facts

import (
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

// TestNoReloadSameBase checks that a base that dropped what reloads reuse
// (Options.NoReload) holds and finds what a full load does, and that a
// reload given it as Previous reads everything again and is the same too.
func TestNoReloadSameBase(t *testing.T) {
	folder := corpus.ScaledFolder(t, 30)
	full := folderLoader(t, folder)(nil)
	once, _, err := LoadWith(folder, "folder", Options{Now: corpus.FixedNow, Workers: 2, NoReload: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range once.Docs() {
		if w := d.work; w.second != nil || w.evPreps != nil || w.mentions != nil {
			t.Fatalf("%s: the work a reload reuses is still held", d.ID)
		}
	}
	compareBases(t, once, full)
	after, _, err := LoadWith(folder, "folder", Options{Now: corpus.FixedNow, Workers: 2, Previous: once})
	if err != nil {
		t.Fatal(err)
	}
	compareBases(t, after, full)
}
