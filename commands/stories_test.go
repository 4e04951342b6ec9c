package commands

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
	"github.com/briefbot/briefbot/seeds"
)

// Places of the three-story service: a channel of the harbour story, a
// server of the budget story, and a channel of that server mapped to the
// harbour story.
const (
	harbourChannel = "100000000000000001"
	budgetGuild    = "200000000000000001"
	mixedChannel   = "100000000000000002" // in budgetGuild, mapped to harbour
)

// threeStories serves the seeds (the default) and the two test stories,
// each read from a copy on disk so that tests can edit and break them.
func threeStories(t *testing.T) (*Service, map[string]string) {
	t.Helper()
	dirs := map[string]string{}
	seedLoad := func(o facts.Options) (*facts.Base, []facts.Problem, error) {
		return facts.LoadWith(seeds.FS(), seeds.Dir, o)
	}
	list := []Story{{Name: "seeds", Base: seedBaseT(t), Load: seedLoad}}
	for _, name := range corpus.StoryNames() {
		dir := t.TempDir()
		if err := corpus.CopyStory(name, dir); err != nil {
			t.Fatal(err)
		}
		load := func(o facts.Options) (*facts.Base, []facts.Problem, error) { return facts.LoadDir(dir, o) }
		base, _, err := load(facts.Options{})
		if err != nil {
			t.Fatalf("story %s: %v", name, err)
		}
		dirs[name] = dir
		list = append(list, Story{Name: name, Base: base, Load: load})
	}
	s, err := NewStories(list, Routes{
		Channels: map[string]string{harbourChannel: "harbour", mixedChannel: "harbour"},
		Guilds:   map[string]string{budgetGuild: "budget"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, dirs
}

func storyAsk(t *testing.T, s *Service, query string, at Place) (Answer, error) {
	t.Helper()
	req, err := s.Table().Parse(query)
	if err != nil {
		return Answer{}, err
	}
	req.Place = at
	return s.Handle(req)
}

func TestStoriesRoute(t *testing.T) {
	s, _ := threeStories(t)
	tests := []struct {
		name, query string
		at          Place
		story, who  string // the story that answers, and who it finds ("" = no one)
	}{
		{"channel", "/who Marsh", Place{Channel: harbourChannel}, "harbour", "Dana Marsh"},
		{"server", "/who Marsh", Place{Guild: budgetGuild, Channel: "100000000000000009"}, "budget", "Peter Marsh"},
		{"channel before server", "/who Marsh", Place{Guild: budgetGuild, Channel: mixedChannel}, "harbour", "Dana Marsh"},
		{"default", "/who Marsh", Place{}, "seeds", ""},
		{"unmapped server", "/who Marsh", Place{Guild: "200000000000000009"}, "seeds", ""},
		{"story option overrides", "/who Marsh story:budget", Place{Channel: harbourChannel}, "budget", "Peter Marsh"},
		{"story option in any case", "/who Marsh story:BUDGET", Place{}, "budget", "Peter Marsh"},
		{"plain words in a DM", "who is marsh? story:harbour", Place{Channel: "300000000000000001"}, "harbour", "Dana Marsh"},
		{"question in a channel", "who is marsh?", Place{Channel: harbourChannel}, "harbour", "Dana Marsh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := storyAsk(t, s, tt.query, tt.at)
			if err != nil {
				t.Fatal(err)
			}
			if a.Story != tt.story {
				t.Errorf("story %q, want %q", a.Story, tt.story)
			}
			text := Text(a)
			for _, other := range []string{"Dana Marsh", "Peter Marsh"} {
				if got := strings.Contains(text, other); got != (other == tt.who) {
					t.Errorf("answer names %s: %v, want %v\n%s", other, got, other == tt.who, text)
				}
			}
			if !strings.Contains(text, "story: "+tt.story) {
				t.Errorf("the footer does not name story %s:\n%s", tt.story, text)
			}
		})
	}
	_, err := storyAsk(t, s, "/who Marsh story:nowhere", Place{})
	if !IsUserError(err) || !strings.Contains(err.Error(), "seeds, harbour, budget") {
		t.Errorf("unknown story: %v", err)
	}
}

// TestStoriesApart: whatever is asked, a story's answers cite only its own
// articles and find only its own people.
func TestStoriesApart(t *testing.T) {
	s, _ := threeStories(t)
	queries := []string{"/who Marsh", "/who Dana Marsh", "/who Peter Marsh", "/quotes Marsh", "/search strike",
		"/search budget", "/timeline", "/figures", "/brief", "/sources", "who is the finance chief?", "what did marsh say?"}
	for _, st := range s.stories {
		own := map[string]bool{}
		for _, d := range st.base().Docs() {
			own[d.ID] = true
		}
		for _, q := range queries {
			a, err := storyAsk(t, s, q+" story:"+st.name, Place{})
			if err != nil {
				if !IsUserError(err) {
					t.Errorf("%s %q: %v", st.name, q, err)
				}
				continue
			}
			for _, c := range a.Citations {
				if !own[c.Source] {
					t.Errorf("%s %q cites %s, an article of another story", st.name, q, c.Source)
				}
			}
			for _, src := range a.Sources {
				if !own[src.ID] {
					t.Errorf("%s %q lists source %s, an article of another story", st.name, q, src.ID)
				}
			}
		}
	}
	for _, tt := range []struct{ story, name string }{{"budget", "Dana Marsh"}, {"harbour", "Peter Marsh"}, {"seeds", "Marsh"}} {
		if p, _, ok := s.byName[tt.story].base().FindPerson(tt.name); ok {
			t.Errorf("story %s finds %q as %s, a person of another story", tt.story, tt.name, p.Name)
		}
	}
}

// TestStoriesReload: a broken story keeps its base, the others reload;
// /reload in a channel reloads that channel's story only.
func TestStoriesReload(t *testing.T) {
	s, dirs := threeStories(t)
	var heard []string
	s.OnReload(1, func(r Reloaded) { heard = append(heard, r.Story) })
	before := map[string]string{}
	for _, st := range s.Stories() {
		before[st.Name] = st.Version
	}
	write := func(story, file, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dirs[story], file), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("harbour", "facts.yaml", "people:\n  - id: broken\n    nme: typo\n")
	write("budget", "b3.txt", "Budget vote delayed\n\nThe council delayed its budget vote by a week.\n")

	a, err := storyAsk(t, s, "/reload story:all", Place{})
	if !errors.Is(err, ErrReload) || !strings.Contains(a.Title, "1 of 3") {
		t.Fatalf("reload all with one story broken: %v, %q", err, a.Title)
	}
	if !strings.Contains(Text(a), "facts.yaml:3") {
		t.Errorf("the report does not name the broken line:\n%s", Text(a))
	}
	after := map[string]string{}
	for _, st := range s.Stories() {
		after[st.Name] = st.Version
	}
	if after["harbour"] != before["harbour"] || after["seeds"] != before["seeds"] || after["budget"] == before["budget"] {
		t.Errorf("versions before %v, after %v: want harbour and seeds kept, budget new", before, after)
	}
	if a, err := storyAsk(t, s, "/who Marsh", Place{Channel: harbourChannel}); err != nil || !strings.Contains(a.Title, "Dana Marsh") {
		t.Errorf("the broken story stopped serving: %v %q", err, a.Title)
	}

	heard = nil
	if _, err := storyAsk(t, s, "/reload", Place{Guild: budgetGuild}); err != nil {
		t.Fatalf("reload of the server's story: %v", err)
	}
	if _, err := storyAsk(t, s, "/reload story:seeds", Place{Guild: budgetGuild}); err != nil {
		t.Fatalf("reload of a named story: %v", err)
	}
	if !slices.Equal(heard, []string{"budget", "seeds"}) {
		t.Errorf("reloaded %v, want [budget seeds]", heard)
	}
	if _, err := storyAsk(t, s, "/reload story:nowhere", Place{}); !IsUserError(err) {
		t.Errorf("reload of an unknown story: %v", err)
	}
}

func TestStoriesListed(t *testing.T) {
	s, _ := threeStories(t)
	about, err := storyAsk(t, s, "/about", Place{Channel: harbourChannel})
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, it := range about.Items {
		if it.Section == "Stories" {
			listed = append(listed, it.Label)
			if it.Label == "harbour" && !strings.Contains(it.Text, "this answer's story") {
				t.Errorf("/about in a harbour channel does not mark it: %q", it.Text)
			}
		}
	}
	if !slices.Equal(listed, []string{"seeds", "harbour", "budget"}) {
		t.Errorf("/about lists %v", listed)
	}
	src, err := storyAsk(t, s, "/sources", Place{Guild: budgetGuild})
	if err != nil || !strings.Contains(src.Lead, "Story budget") || !strings.Contains(src.Lead, "seeds, harbour") || len(src.Items) != 2 {
		t.Errorf("/sources: %v %q, %d items", err, src.Lead, len(src.Items))
	}
	help, err := storyAsk(t, s, "/help", Place{Channel: harbourChannel})
	if err != nil || !strings.Contains(help.Lead, "3 stories (seeds, harbour, budget); here it answers from harbour") {
		t.Errorf("/help: %v %q", err, help.Lead)
	}
	// One story: no option, no story named, no list.
	one := NewService(seedBaseT(t), nil)
	for _, sp := range one.Table().Specs() {
		if sp.hasOption(StoryOption) {
			t.Errorf("/%s takes story: with one story", sp.Name)
		}
	}
	if a, err := one.Handle(Request{Command: "about"}); err != nil || a.Story != "" || strings.Contains(Text(a), "Stories") {
		t.Errorf("/about with one story: %v\n%s", err, Text(a))
	}
}

func TestStoriesComplete(t *testing.T) {
	s, _ := threeStories(t)
	names := func(cs []Choice) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Value)
		}
		return out
	}
	tests := []struct {
		name  string
		req   Request
		kind  Complete
		typed string
		want  []string
	}{
		{"every story", Request{Command: "who"}, CompleteStory, "", []string{"seeds", "harbour", "budget"}},
		{"reload offers all", Request{Command: "reload"}, CompleteStory, "", []string{"seeds", "harbour", "budget", "all"}},
		{"prefix first", Request{Command: "who"}, CompleteStory, "b", []string{"budget", "harbour"}},
		{"people of the channel's story", Request{Command: "who", Place: Place{Channel: harbourChannel}}, CompletePerson, "mars", []string{"Dana Marsh"}},
		{"people of the story chosen", Request{Command: "who", Options: map[string]string{"story": "budget"}, Place: Place{Channel: harbourChannel}},
			CompletePerson, "mars", []string{"Peter Marsh"}},
		{"a story being typed", Request{Command: "who", Options: map[string]string{"story": "bud"}, Place: Place{Channel: harbourChannel}},
			CompletePerson, "mars", []string{"Dana Marsh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(s.Complete(tt.req, tt.kind, tt.typed, 25, 100)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
