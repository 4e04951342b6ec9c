package bot

import (
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/internal/testlog"

	"github.com/briefbot/briefbot/commands"
)

func newTestBot(t testing.TB, edit func(*Options)) *Bot {
	t.Helper()
	b, _ := newTestBotIn(t, edit)
	return b
}

// newTestBotIn is newTestBot, with the facts folder (a copy of the seeds)
// its service serves and reloads.
func newTestBotIn(t testing.TB, edit func(*Options)) (*Bot, string) {
	t.Helper()
	dir := copySeeds(t)
	opts := Options{Service: serviceOf(t, dirLoader(dir)), AdminUsers: []string{adminUser}, AdminRoles: []string{adminRole}}
	if edit != nil {
		edit(&opts)
	}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return b, dir
}

// breakFacts puts an unknown field at the top of the folder's facts.yaml,
// and returns what writes the good file back.
func breakFacts(t testing.TB, dir string) (restore func()) {
	t.Helper()
	yaml := filepath.Join(dir, "facts.yaml")
	good, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	write := func(data []byte) {
		if err := os.WriteFile(yaml, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(append([]byte("colour: red\n"), good...))
	return func() { write(good) }
}

// TestReloadSerialised: concurrent reloads run one at a time, and queries
// keep being answered from a whole base throughout.
func TestReloadSerialised(t *testing.T) {
	var mu sync.Mutex
	running, most := 0, 0
	enter := func() {
		mu.Lock()
		defer mu.Unlock()
		running++
		most = max(most, running)
	}
	leave := func(any) { mu.Lock(); running--; mu.Unlock() }
	dir := copySeeds(t)
	b := newTestBot(t, func(o *Options) { o.Service = serviceOf(t, observed(dirLoader(dir), enter, leave)) })
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

// TestReloadFailureKeepsBase: a reload that fails reports every error,
// keeps the old base serving, and is logged and counted as failed.
func TestReloadFailureKeepsBase(t *testing.T) {
	var logs testlog.Buffer
	b, dir := newTestBotIn(t, func(o *Options) { o.Logger = slog.New(slog.NewJSONHandler(&logs, nil)) })
	before := b.svc.Base()
	breakFacts(t, dir)
	a, ok := b.Reload()
	if ok || b.svc.Base() != before {
		t.Fatal("a failed reload replaced the base")
	}
	text := commands.Text(a)
	for _, want := range []string{"facts.yaml:1: unknown field", "1 errors", "Still serving"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(logs.String(), `"msg":"reload failed"`) || !strings.Contains(logs.String(), "unknown field") {
		t.Errorf("log: %s", logs.String())
	}
}

// TestReloadCommand: /reload by an admin is deferred privately at once,
// then edited with the report, whether the reload loads or not; the
// interaction's log line tells the two apart.
func TestReloadCommand(t *testing.T) {
	var logs testlog.Buffer
	b, dir := newTestBotIn(t, func(o *Options) { o.Logger = slog.New(slog.NewJSONHandler(&logs, nil)) })
	reload := func(has, outcome string) {
		t.Helper()
		rec := &recorder{}
		b.handleInteraction(rec, parseInteraction(t, interaction("1", 2, testGuild, adminUser, nil, slash("reload"))))
		if rec.whats() != "respond,edit" || !strings.Contains(string(rec.calls[0].body), `"type":5`) || !strings.Contains(string(rec.calls[0].body), `"flags":64`) {
			t.Fatalf("sent %s, want a private deferral and an edit:\n%s", rec.whats(), rec.summary())
		}
		if edit := string(rec.calls[1].body); !strings.Contains(edit, has) || strings.Contains(edit, `"custom_id"`) {
			t.Errorf("report lacks %q, or has buttons:\n%s", has, edit)
		}
		if line := lastInteraction(t, logs.String()); line["outcome"] != outcome {
			t.Errorf("logged %v, want outcome %s", line, outcome)
		}
	}
	reload("Fact base reloaded", outOK)
	breakFacts(t, dir)
	reload("still serving the previous fact base", outReloadFail)
}

// lastInteraction is the last "interaction" line of a JSON log.
func lastInteraction(t *testing.T, log string) map[string]any {
	t.Helper()
	var last map[string]any
	for _, l := range strings.Split(strings.TrimSpace(log), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q: %v", l, err)
		}
		if m["msg"] == "interaction" {
			last = m
		}
	}
	return last
}
