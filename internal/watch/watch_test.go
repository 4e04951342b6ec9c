package watch

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

const waitFor = 10 * time.Second

// start watches a new temporary folder holding one file, and counts the
// calls of OnChange.
func start(t *testing.T, o Options) (dir string, calls *atomic.Int32, changed chan struct{}) {
	t.Helper()
	dir = t.TempDir()
	write(t, dir, "a.txt", "first")
	calls = &atomic.Int32{}
	changed = make(chan struct{}, 100)
	o.Dir = dir
	o.OnChange = func() { calls.Add(1); changed <- struct{}{} }
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if err := Start(ctx, o); err != nil {
		t.Fatal(err)
	}
	return dir, calls, changed
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func waitChange(t *testing.T, changed chan struct{}) {
	t.Helper()
	select {
	case <-changed:
	case <-time.After(waitFor):
		t.Fatal("no reload after the folder changed")
	}
}

// TestBurstIsOneChange: a burst of writes, as a `git pull` makes, calls
// OnChange once it is over, not once per file; each kind of change counts.
func TestBurstIsOneChange(t *testing.T) {
	t.Parallel()
	// A debounce long enough that the burst below, written in a tight
	// loop, always falls within it.
	dir, calls, changed := start(t, Options{Debounce: 300 * time.Millisecond})
	for i := range 20 {
		write(t, dir, "b.txt", string(rune('a'+i)))
	}
	waitChange(t, changed)
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls for one burst, want 1", n)
	}
	for _, change := range []func(){
		func() { write(t, dir, "c.txt", "new") },
		func() { os.Remove(filepath.Join(dir, "c.txt")) },
		func() { os.Rename(filepath.Join(dir, "a.txt"), filepath.Join(dir, "d.txt")) },
	} {
		change()
		waitChange(t, changed)
	}
}

// TestHiddenFilesIgnored: an editor's swap file or a .git folder does not
// reload; the next real change does, once.
func TestHiddenFilesIgnored(t *testing.T) {
	t.Parallel()
	dir, calls, changed := start(t, Options{Debounce: 50 * time.Millisecond})
	write(t, dir, ".a.txt.swp", "x")
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "z.txt", "real")
	waitChange(t, changed)
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls, want 1 (for z.txt only)", n)
	}
}

// TestPollSeesWhatNoticesMiss: with no notices from the operating system
// (as for a change made by another machine on a network volume), the poll
// finds the change.
func TestPollSeesWhatNoticesMiss(t *testing.T) {
	t.Parallel()
	dir, _, changed := start(t, Options{Debounce: 20 * time.Millisecond, Poll: 20 * time.Millisecond, NoNotify: true})
	// A different size makes the change visible whatever the clock's
	// resolution of modification times.
	write(t, dir, "a.txt", "second version")
	waitChange(t, changed)
}

func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "one")
	before := fingerprint(dir)
	write(t, dir, ".hidden", "ignored")
	if fingerprint(dir) != before {
		t.Error("a hidden file changed the fingerprint")
	}
	write(t, dir, "a.txt", "three")
	if fingerprint(dir) == before {
		t.Error("a changed file left the fingerprint as it was")
	}
	if gone := fingerprint(filepath.Join(dir, "none")); gone == before || gone == "" {
		t.Errorf("a missing folder: fingerprint %q", gone)
	}
}

func TestStartErrors(t *testing.T) {
	if err := Start(context.Background(), Options{Dir: t.TempDir()}); err == nil {
		t.Error("no OnChange: no error")
	}
	missing := filepath.Join(t.TempDir(), "none")
	if err := Start(context.Background(), Options{Dir: missing, Debounce: time.Second, OnChange: func() {}}); err == nil {
		t.Error("a missing folder and no poll: no error")
	}
}

// TestSubFolder: a watched sub-folder counts, whether it exists at the
// start or is made later, by notices and by polling alike.
func TestSubFolder(t *testing.T) {
	t.Parallel()
	for _, o := range []Options{{Debounce: 50 * time.Millisecond}, {Debounce: 50 * time.Millisecond, NoNotify: true, Poll: 20 * time.Millisecond}} {
		o.Sub = []string{"facts.d"}
		dir, _, changed := start(t, o)
		if err := os.Mkdir(filepath.Join(dir, "facts.d"), 0o755); err != nil {
			t.Fatal(err)
		}
		waitChange(t, changed)
		// Let the notice of the folder's creation be followed first.
		time.Sleep(100 * time.Millisecond)
		for len(changed) > 0 {
			<-changed
		}
		write(t, filepath.Join(dir, "facts.d"), "draft.yaml", "people: []")
		waitChange(t, changed)
	}
}
