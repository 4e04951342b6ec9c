package bot

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
)

func TestDiffBases(t *testing.T) {
	dir := copySeeds(t)
	old, _, err := loadDir(dir)(facts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "999_new.txt"), []byte("New\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cur, _, err := loadDir(dir)(facts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range diffBases(old, cur) {
		want := change{what: c.what, before: c.before, after: c.before}
		if c.what == "articles" {
			want.after, want.added = c.before+1, 1
		}
		if c != want {
			t.Errorf("%s: %+v, want %+v", c.what, c, want)
		}
	}
	for _, c := range diffBases(cur, old) {
		if c.what == "articles" && (c.removed != 1 || c.added != 0) {
			t.Errorf("articles the other way: %+v", c)
		}
	}
}

func newTestBot(t testing.TB, edit func(*Options)) *Bot {
	t.Helper()
	dir := copySeeds(t)
	base, _, err := loadDir(dir)(facts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Table: commands.NewTable(), Base: base, Load: loadDir(dir), AdminUsers: []string{adminUser}, AdminRoles: []string{adminRole}}
	if edit != nil {
		edit(&opts)
	}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReloadSerialised: concurrent reloads run one at a time, and queries
// keep being answered from a whole base throughout.
func TestReloadSerialised(t *testing.T) {
	var mu sync.Mutex
	running, most := 0, 0
	b := newTestBot(t, nil)
	load := b.opts.Load
	b.opts.Load = func(o facts.Options) (*facts.Base, []facts.Problem, error) {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		defer func() { mu.Lock(); running--; mu.Unlock() }()
		return load(o)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(2)
		go func() { defer wg.Done(); b.Reload() }()
		go func() {
			defer wg.Done()
			req, _ := b.table.Parse("/who Witkoff")
			if a, err := b.answer(req); err != nil || !a.Found {
				t.Errorf("query during reload: %v %v", a.Found, err)
			}
		}()
	}
	wg.Wait()
	if most != 1 {
		t.Errorf("%d reloads ran at once", most)
	}
}

func TestReloadFailureKeepsBase(t *testing.T) {
	b := newTestBot(t, nil)
	before := b.current()
	b.opts.Load = func(facts.Options) (*facts.Base, []facts.Problem, error) {
		return nil, nil, &facts.LoadError{Problems: []facts.Problem{{File: "f/facts.yaml", Line: 3, Msg: "bad"}, {File: "f/x.txt", Msg: "worse"}}}
	}
	a, ok := b.Reload()
	if ok || b.current() != before {
		t.Fatal("a failed reload replaced the base")
	}
	text := commands.Text(a)
	for _, want := range []string{"f/facts.yaml:3: bad", "f/x.txt: worse", "2 errors", "still serving"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	b.opts.Load = func(facts.Options) (*facts.Base, []facts.Problem, error) {
		return nil, nil, errors.New("permission denied")
	}
	if a, _ := b.Reload(); !strings.Contains(a.Lead, "permission denied") {
		t.Errorf("report: %s", a.Lead)
	}
}
