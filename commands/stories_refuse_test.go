package commands

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
)

func TestNewStoriesRefuses(t *testing.T) {
	b := seedBaseT(t)
	tests := []struct {
		name   string
		list   []Story
		routes Routes
		want   string
	}{
		{"none", nil, Routes{}, "no story"},
		{"twice", []Story{{Name: "a", Base: b}, {Name: "a", Base: b}}, Routes{}, "two stories"},
		{"all", []Story{{Name: "all", Base: b}}, Routes{}, "reloads every story"},
		{"capitals", []Story{{Name: "Budget", Base: b}}, Routes{}, "lowercase"},
		{"no base", []Story{{Name: "a"}}, Routes{}, "no fact base"},
		{"default unknown", []Story{{Name: "a", Base: b}}, Routes{Default: "b"}, "default story"},
		{"route unknown", []Story{{Name: "a", Base: b}}, Routes{Channels: map[string]string{"1": "b"}}, "not one of the stories"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewStories(tt.list, tt.routes); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestStoryUnavailable: a story whose folder did not load at start answers
// that it is unavailable, the others serve, and a reload once the folder
// is fixed brings it in.
func TestStoryUnavailable(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.CopyStory("budget", dir); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "facts.yaml")
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("people: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func(o facts.Options) (*facts.Base, []facts.Problem, error) { return facts.LoadDir(dir, o) }
	_, _, loadErr := load(facts.Options{})
	if loadErr == nil {
		t.Fatal("the broken folder loaded")
	}
	s, err := NewStories([]Story{{Name: "seeds", Base: seedBaseT(t)}, {Name: "budget", Load: load, Err: loadErr}}, Routes{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := storyAsk(t, s, "/who Marsh story:budget", Place{}); !IsUserError(err) || !strings.Contains(err.Error(), "story budget is not available") {
		t.Errorf("asking the unavailable story: %v", err)
	}
	if _, err := storyAsk(t, s, "/who Witkoff", Place{}); err != nil {
		t.Errorf("the other story: %v", err)
	}
	about, err := storyAsk(t, s, "/about", Place{})
	if err != nil || !strings.Contains(Text(about), "budget: not loaded") {
		t.Errorf("/about: %v\n%s", err, Text(about))
	}
	if got := s.Complete(Request{Command: "who", Options: map[string]string{"story": "budget"}}, CompletePerson, "mar", 25, 100); len(got) != 0 {
		t.Errorf("people offered from an unavailable story: %v", got)
	}
	if st := s.Status("budget"); st.Version != "" || st.Articles != 0 {
		t.Errorf("status of an unavailable story: %+v", st)
	}
	a, err := storyAsk(t, s, "/reload story:budget", Place{})
	if !errors.Is(err, ErrReload) || !strings.Contains(a.Title, "still unavailable") {
		t.Errorf("reload of the still broken story: %v %q", err, a.Title)
	}
	if err := os.WriteFile(file, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if a, err = storyAsk(t, s, "/reload story:budget", Place{}); err != nil || !strings.Contains(a.Lead, "unavailable until now") {
		t.Fatalf("reload of the story once fixed: %v\n%s", err, Text(a))
	}
	if a, err := storyAsk(t, s, "/who Marsh story:budget", Place{}); err != nil || !strings.Contains(a.Title, "Peter Marsh") {
		t.Errorf("the story once reloaded: %v %q", err, a.Title)
	}
}
