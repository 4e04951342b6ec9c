package facts

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/internal/corpus"
)

// stampedFolder is scaledFolder(n) with every file given a modification
// time an hour old, as files on disk have, and its articles in name order.
func stampedFolder(t *testing.T, n int) (fstest.MapFS, []string) {
	t.Helper()
	folder := corpus.ScaledFolder(t, n)
	old := time.Now().Add(-time.Hour)
	for name, f := range folder {
		folder[name] = &fstest.MapFile{Data: f.Data, Mode: f.Mode, ModTime: old}
	}
	return folder, corpus.ScaledArticles(folder)
}

// reloadSpied reloads folder from prev through a spy, and loads it whole;
// it returns both and the names the reload opened.
func reloadSpied(t *testing.T, folder fstest.MapFS, prev *Base) (inc, full *Base, opened map[string]bool) {
	t.Helper()
	spy := newSpy(folder)
	inc, _, err := LoadWith(spy, "folder", Options{Now: corpus.FixedNow, Previous: prev, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	full, _, err = LoadWith(folder, "folder", Options{Now: corpus.FixedNow, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(inc.Warnings(), full.Warnings()) {
		t.Errorf("warnings differ:\nreload: %v\nfull:   %v", inc.Warnings(), full.Warnings())
	}
	if inc.Version() != full.Version() {
		t.Errorf("version %s, a full load's is %s", inc.Version(), full.Version())
	}
	compareBases(t, inc, full)
	// A title from the first line is kept with the article's work.
	for _, d := range full.Docs() {
		if got := inc.Doc(d.ID); got == nil || got.Title != d.Title {
			t.Errorf("%s: reload's title differs from %q", d.ID, d.Title)
		}
	}
	// Mentions made room for from the last load: none is an empty list.
	for _, p := range full.People() {
		if got := inc.Person(p.ID); got != nil && (got.Mentions == nil) != (p.Mentions == nil) {
			t.Errorf("%s: reload's mentions nil: %v, a full load's: %v", p.ID, got.Mentions == nil, p.Mentions == nil)
		}
	}
	return inc, full, spy.opened
}

// TestReloadTrustsOldStamps: a reload does not open an article whose size
// and modification time are those the previous load saw, long enough
// before it, and the base is still the one a full load makes; an article
// whose size or time moved is read again.
func TestReloadTrustsOldStamps(t *testing.T) {
	folder, articles := stampedFolder(t, 20)
	bad := articles[3] // a byte that is not UTF-8: its warning comes at every load
	folder[bad] = &fstest.MapFile{Data: append([]byte("Caf\xe9 news\n\n"), folder[bad].Data...), ModTime: folder[bad].ModTime}
	prev, _, _ := reloadSpied(t, folder, nil)

	grown, touched := articles[1], articles[2]
	folder[grown] = &fstest.MapFile{Data: append(append([]byte(nil), folder[grown].Data...), "\nOne more line.\n"...), ModTime: folder[grown].ModTime}
	same := append([]byte(nil), folder[touched].Data...)
	same[len(same)-2] = '!' // same size, new time
	folder[touched] = &fstest.MapFile{Data: same, ModTime: time.Now().Add(-30 * time.Minute)}
	inc, _, opened := reloadSpied(t, folder, prev)
	for _, name := range articles {
		if want := name == grown || name == touched; opened[name] != want {
			t.Errorf("%s opened: %v, want %v", name, opened[name], want)
		}
	}
	// Trusted twice over: the stamp a reload carried proves as much.
	_, _, opened = reloadSpied(t, folder, inc)
	for _, name := range articles {
		if opened[name] {
			t.Errorf("%s opened by the second reload", name)
		}
	}
}

// TestReloadRereadsRacyFiles: an article whose modification time is as
// recent as the load that read it may have changed since without its time
// or size moving, so the next reload reads it again; so does one in a
// file system that gives no times.
func TestReloadRereadsRacyFiles(t *testing.T) {
	folder, articles := stampedFolder(t, 10)
	racy, timeless := articles[1], articles[2]
	now := time.Now()
	folder[racy] = &fstest.MapFile{Data: folder[racy].Data, ModTime: now}
	folder[timeless] = &fstest.MapFile{Data: folder[timeless].Data}
	prev, _, _ := reloadSpied(t, folder, nil)

	// Written again within the same tick of the clock: same time, same size.
	for _, name := range []string{racy, timeless} {
		data := []byte(strings.Replace(string(folder[name].Data), "the", "THE", 1))
		folder[name] = &fstest.MapFile{Data: data, ModTime: folder[name].ModTime}
	}
	inc, _, opened := reloadSpied(t, folder, prev)
	for _, name := range articles {
		if want := name == racy || name == timeless; opened[name] != want {
			t.Errorf("%s opened: %v, want %v", name, opened[name], want)
		}
	}
	for _, name := range []string{racy, timeless} {
		id := strings.TrimSuffix(name, ".txt")
		if !strings.Contains(inc.Doc(id).Text, "THE") {
			t.Errorf("%s: the reload kept the old text", name)
		}
	}
}

// TestStampProvesSame pins the rule: equal stamps, both times older than
// the load that saw them by more than racyWindow.
func TestStampProvesSame(t *testing.T) {
	readAt := time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) fileStamp {
		return fileStamp{size: 10, mode: 0o644, mtime: readAt.Add(d).UnixNano()}
	}
	for _, c := range []struct {
		was, now fileStamp
		readAt   time.Time
		want     bool
	}{
		{at(-time.Hour), at(-time.Hour), readAt, true},
		{at(-racyWindow - 1), at(-racyWindow - 1), readAt, true},
		{at(-racyWindow), at(-racyWindow), readAt, false}, // racy
		{at(time.Second), at(time.Second), readAt, false}, // written as it was read
		{at(-time.Hour), at(-time.Minute), readAt, false}, // touched
		{at(-time.Hour), fileStamp{size: 11, mode: 0o644, mtime: at(-time.Hour).mtime}, readAt, false},
		{at(-time.Hour), at(-time.Hour), time.Time{}, false}, // never read
		{fileStamp{size: 10}, fileStamp{size: 10}, readAt, false},
	} {
		if got := c.was.provesSame(c.now, c.readAt); got != c.want {
			t.Errorf("%+v then %+v, read at %v: %v, want %v", c.was, c.now, c.readAt, got, c.want)
		}
	}
}

// TestReloadDiskStamps runs the shortcut on a real folder: a file written
// again with its old size and modification time put back (as cp -p or tar
// would) is read again, since its status-change time moved (Linux), while
// the files left alone are not opened.
func TestReloadDiskStamps(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("status-change times are read on Linux only")
	}
	folder, articles := stampedFolder(t, 6)
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for name, f := range folder {
		if strings.Contains(name, "/") {
			continue
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	disk := os.DirFS(dir)
	load := func(fsys fs.FS, prev *Base) *Base {
		b, _, err := LoadWith(fsys, "folder", Options{Now: corpus.FixedNow, Previous: prev, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	prev := load(disk, nil)
	// The files were all just written: as if that were long before the
	// load, or every one would be racy.
	prev.readAt = prev.readAt.Add(time.Hour)
	victim := filepath.Join(dir, articles[0])
	data := []byte(strings.Replace(string(folder[articles[0]].Data), "the", "THE", 1))
	if err := os.WriteFile(victim, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(victim, old, old); err != nil {
		t.Fatal(err)
	}
	spy := newSpy(disk)
	inc, full := load(spy, prev), load(disk, nil)
	for _, name := range articles {
		if want := name == articles[0]; spy.opened[name] != want {
			t.Errorf("%s opened: %v, want %v", name, spy.opened[name], want)
		}
	}
	if inc.Version() != full.Version() {
		t.Errorf("version %s, a full load's is %s", inc.Version(), full.Version())
	}
	compareBases(t, inc, full)
}
