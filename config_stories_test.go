package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/corpus"
)

func TestConfigStories(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	good := `stories:
  - name: ukraine
    dir: /srv/ukraine
    default: true
  - name: harbour
    dir: harbour
    channel_ids: ["100000000000000001", "100000000000000002"]
  - name: budget
    dir: ""
    guild_ids: ["200000000000000001"]
`
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []storyConfig{
		{Name: "ukraine", Dir: "/srv/ukraine", Default: true},
		{Name: "harbour", Dir: filepath.Join(dir, "harbour"), Channels: []string{"100000000000000001", "100000000000000002"}},
		{Name: "budget", Guilds: []string{"200000000000000001"}},
	}
	if !reflect.DeepEqual(cfg.stories(), want) {
		t.Errorf("stories:\n got %+v\nwant %+v", cfg.stories(), want)
	}
	wantRoutes := commands.Routes{Default: "ukraine",
		Channels: map[string]string{"100000000000000001": "harbour", "100000000000000002": "harbour"},
		Guilds:   map[string]string{"200000000000000001": "budget"}}
	if !reflect.DeepEqual(cfg.routes(), wantRoutes) {
		t.Errorf("routes %+v, want %+v", cfg.routes(), wantRoutes)
	}
	// facts.dir alone is one story, the default one.
	one, err := parseConfig("c.yaml", []byte("facts: {dir: /srv/facts}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := one.stories(); len(got) != 1 || got[0].Name != commands.DefaultStory || got[0].Dir != "/srv/facts" {
		t.Errorf("facts.dir as stories: %+v", got)
	}
}

func TestConfigStoriesErrors(t *testing.T) {
	bad := `facts: {dir: /srv/facts}
stories:
  - name: Budget Talks
    dir: a
  - name: all
  - name: one
    default: true
    channel_ids: ["100000000000000001"]
  - name: one
    default: true
    channel_ids: ["100000000000000001"]
    colour: red
  - dir: b
  - name: two
    guild_ids: 5
  - name: three
    channel_ids:
      - bad
      - "100000000000000001"
`
	_, err := parseConfig("c.yaml", []byte(bad))
	if err == nil {
		t.Fatal("a bad stories list loaded")
	}
	for _, want := range []string{
		`c.yaml:3: story name "Budget Talks": want 1 to 32 lowercase letters`,
		`c.yaml:5: a story cannot be called "all"`,
		`c.yaml:9: a second story called "one"`,
		`c.yaml:9: a second default story`,
		`c.yaml:11: 100000000000000001 is given to story "one" already`,
		`c.yaml:12: unknown field "colour" in stories[3]`,
		`c.yaml:13: stories[4] has no name`,
		`c.yaml:15: want a list of Discord ids`,
		`c.yaml:19: 100000000000000001 is given to story "one" already`,
		`c.yaml: facts.dir and stories both given`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
}

// TestStoriesCommandLine: ask and check over the stories of a config.
func TestStoriesCommandLine(t *testing.T) {
	dir := t.TempDir()
	for _, name := range corpus.StoryNames() {
		if err := corpus.CopyStory(name, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(dir, "c.yaml")
	text := "stories:\n  - {name: seeds, dir: \"\"}\n  - {name: harbour, dir: harbour}\n  - {name: budget, dir: budget}\n"
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"ask", "--config", cfg, "--story", "harbour", "/who Marsh"}, 0, "Dana Marsh"},
		{[]string{"ask", "--config", cfg, "--story", "budget", "/who Marsh"}, 0, "Peter Marsh"},
		{[]string{"ask", "--config", cfg, "/who Marsh story:budget"}, 0, "story: budget"},
		{[]string{"ask", "--config", cfg, "/about"}, 0, "harbour: 2 articles"},
		{[]string{"ask", "--config", cfg, "--story", "nowhere", "/who Marsh"}, 2, `no story "nowhere" in the config`},
		{[]string{"ask", "--story", "harbour", "/who Marsh"}, 2, "--story needs --config"},
		{[]string{"ask", "--config", cfg, "--facts", dir, "/who Marsh"}, 2, "--facts and --config both given"},
		{[]string{"check", "--config", cfg}, 0, "story budget (" + filepath.Join(dir, "budget") + "):\nok: 2 articles"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runT(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("%v: exit %d, want %d with %q\nstdout: %s\nstderr: %s", tt.args, code, tt.code, tt.want, stdout, stderr)
		}
	}
	// A broken story fails the check, by name, and the others are still checked.
	if err := os.WriteFile(filepath.Join(dir, "harbour", "facts.yaml"), []byte("people: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runT(t, "", "check", "--config", cfg)
	if code != 1 || !strings.Contains(stderr, "story harbour:") || !strings.Contains(stdout, "story budget") || !strings.Contains(stdout, "facts.yaml:1") {
		t.Errorf("check with a broken story: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	// The bot's service serves the other stories, and says the broken one
	// is unavailable.
	stdout, stderr, code = runT(t, "", "ask", "--config", cfg, "--story", "budget", "/who Marsh")
	if code != 0 || !strings.Contains(stdout, "Peter Marsh") {
		t.Errorf("ask a good story beside a broken one: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	stdout, stderr, code = runT(t, "", "ask", "--config", cfg, "--story", "harbour", "/who Marsh")
	if code != 2 || !strings.Contains(stderr, "story harbour is not available") {
		t.Errorf("ask the broken story: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// storyReloads stands in for the bot: it records which stories reload.
type storyReloads struct {
	mu    sync.Mutex
	names []string
}

func (r *storyReloads) ReloadStory(name string) (commands.Answer, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
	return commands.Answer{}, true
}

func (r *storyReloads) seen() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.names)
}

// TestWatchEachStory: a change to one story's folder reloads that story
// and no other; the embedded seeds are not watched.
func TestWatchEachStory(t *testing.T) {
	dirs := map[string]string{"harbour": t.TempDir(), "budget": t.TempDir()}
	cfg := defaultConfig()
	cfg.Debounce, cfg.Poll = 20*time.Millisecond, 0
	cfg.Stories = []storyConfig{{Name: "seeds", Default: true}, {Name: "harbour", Dir: dirs["harbour"]}, {Name: "budget", Dir: dirs["budget"]}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &storyReloads{}
	watchFacts(ctx, cfg, slog.New(slog.DiscardHandler), r)
	if err := os.WriteFile(filepath.Join(dirs["budget"], "b9.txt"), []byte("A late article\n\nThe vote moved.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(r.seen()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // room for a wrong second reload to show
	if got := r.seen(); !slices.Equal(got, []string{"budget"}) {
		t.Errorf("reloaded %v after a change to the budget folder, want [budget]", got)
	}
}
