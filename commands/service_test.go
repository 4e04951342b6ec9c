package commands

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// TestServiceReload checks that a reload swaps the base and reports what
// changed, that a failed one keeps the old base serving and lists every
// error, and that /reload is an ordinary spec of the service's table.
func TestServiceReload(t *testing.T) {
	fsys := fstest.MapFS{
		"m1.txt":       {Data: []byte(millStory)},
		"sources.yaml": {Data: []byte(millSources)},
	}
	load := func(o facts.Options) (*facts.Base, []facts.Problem, error) { return facts.LoadWith(fsys, "mill", o) }
	first, _, err := load(facts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := NewService(first, load)

	fsys["m2.txt"] = &fstest.MapFile{Data: []byte("Second story\n\nAcme opened the mill in May 2005.\n")}
	req, err := s.Table().Parse("/reload")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Handle(req)
	if err != nil || a.Title != "Fact base reloaded" || !a.Private || s.Base() == first {
		t.Fatalf("reload: %v %q private=%v swapped=%v", err, a.Title, a.Private, s.Base() != first)
	}
	if !strings.Contains(Text(a), "articles: 1 added, 0 removed; 2 now, 1 before") {
		t.Errorf("reload report lacks the article count:\n%s", Text(a))
	}

	good := s.Base()
	fsys["sources.yaml"] = &fstest.MapFile{Data: []byte("sources:\n  - {id: m1, published: someday}\n")}
	a, err = s.Reload(1)
	if !errors.Is(err, ErrReload) || s.Base() != good {
		t.Fatalf("failed reload: err=%v, base swapped=%v", err, s.Base() != good)
	}
	if !strings.Contains(Text(a), `mill/sources.yaml:2: source m1: bad date "someday"`) || !strings.Contains(a.Lead, "Still serving") {
		t.Errorf("failed reload report:\n%s", Text(a))
	}

	if _, err := NewService(first, nil).Reload(0); !errors.Is(err, ErrReload) {
		t.Errorf("reload without a loader: %v", err)
	}
}

func TestServiceComplete(t *testing.T) {
	b := seedBaseT(t)
	s := NewService(b, nil)
	people := s.Complete(Request{}, CompletePerson, "heal", 25, 100)
	if len(people) == 0 || people[0].Value != "John Healey" || !strings.HasPrefix(people[0].Name, "John Healey — ") {
		t.Errorf("people for %q: %+v", "heal", people)
	}
	all := s.Complete(Request{}, CompleteSource, "", 3, 100)
	if len(all) != 3 || all[0].Value != b.Docs()[0].ID {
		t.Errorf("sources for nothing typed: %+v", all)
	}
	if got := s.Complete(Request{}, CompleteSource, "lbc", 25, 100); len(got) == 0 || !strings.Contains(got[0].Name, "LBC") {
		t.Errorf("sources for %q: %+v", "lbc", got)
	}
	if got := s.Complete(Request{}, CompleteSource, "", 25, 5); len(got) != 0 {
		t.Errorf("ids longer than the value limit must be left out: %+v", got)
	}
}
