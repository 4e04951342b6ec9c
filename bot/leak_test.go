package bot

import (
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

// TestReloadLeavesNoOldBase reloads 20 times and counts, with finalizers,
// the bases the garbage collector reclaimed: every base but the one being
// served must go, and the live heap must come back to about one base's size.
// It uses the BBC corpus when present (the case that matters), else the
// seeds, and the seeds under the race detector, where twenty loads of the
// corpus would take minutes.
func TestReloadLeavesNoOldBase(t *testing.T) {
	fsys, _, err := corpus.SeedsPlusBBC()
	if err != nil || raceEnabled {
		fsys, _, err = corpus.Scaled(0)
		if err != nil {
			t.Fatal(err)
		}
	}
	var loaded, freed atomic.Int64
	load := observed(fsLoader(fsys, "leak"), func() {}, func(base any) {
		if base != nil {
			loaded.Add(1)
			runtime.SetFinalizer(base, func(any) { freed.Add(1) })
		}
	})
	b, err := New(Options{Service: serviceOf(t, load)})
	if err != nil {
		t.Fatal(err)
	}
	heapNow := func() uint64 {
		var m runtime.MemStats
		for i := 0; i < 3; i++ { // finalizers run after a first cycle; their objects go in the next
			runtime.GC()
		}
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	one := heapNow()
	const reloads = 20
	for i := 0; i < reloads; i++ {
		if _, ok := b.Reload(); !ok {
			t.Fatalf("reload %d failed", i)
		}
	}
	after := heapNow()
	if got, want := freed.Load(), loaded.Load()-1; got < want {
		t.Errorf("%d of %d replaced bases were reclaimed; the bot keeps old bases alive", got, want)
	}
	if after > one+one/2 {
		t.Errorf("live heap after %d reloads is %d MB, one base is %d MB: memory does not come back", reloads, after>>20, one>>20)
	}
	t.Logf("one base: %.1f MB live; after %d reloads: %.1f MB; %d of %d old bases reclaimed",
		float64(one)/(1<<20), reloads, float64(after)/(1<<20), freed.Load(), loaded.Load()-1)
	runtime.KeepAlive(b)
}
