package bot

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// loadKind is one kind of interaction the load test sends.
type loadKind struct {
	name string
	typ  int
	data map[string]any
}

func loadKinds() []loadKind {
	typed := slash("who", "name", "wit")
	typed["options"].([]map[string]any)[0]["focused"] = true
	return []loadKind{
		{"who", 2, slash("who", "name", "Witkoff")},
		{"sources", 2, slash("sources")}, // differs between the two fact bases
		{"search", 2, slash("search", "query", "sanctions")},
		{"quotes", 2, slash("quotes", "who", "Healey")},
		{"brief", 2, slash("brief")},
		{"help", 2, slash("help")},
		{"autocomplete", 4, typed},
		{"page button", 3, map[string]any{"custom_id": "bb1:n:1:timeline", "component_type": 2}},
	}
}

// TestE2ELoad sends 10,000 interactions through the fake Discord from 50
// senders at once, while an admin reloads the fact base 100 times,
// switching it between two versions (the seeds, and the seeds with one
// more article). Every interaction gets exactly one reply, and that reply
// is byte for byte what one of the two versions answers on its own: no
// reply is lost, doubled, torn between two bases or wrong. No line is
// logged above info. Run with -race, as CI does.
func TestE2ELoad(t *testing.T) {
	const total, senders, reloads = 10000, 50, 100
	start := time.Now()
	h := startHarness(t, func(o *Options) { o.RateBurst, o.RateEvery = 5, 2*time.Second })
	extra := filepath.Join(h.dir, "999_extra.txt")
	var userN atomic.Int64
	user := func() string { return fmt.Sprintf("52%016d", userN.Add(1)) } // one interaction each: never rate-limited

	// reload switches the folder to the other version and reloads by a
	// /reload interaction, checking the report.
	withExtra := false
	reload := func() error {
		withExtra = !withExtra
		want := "articles**: 0 added, 1 removed; 5 now, 6 before"
		if withExtra {
			want = "articles**: 1 added, 0 removed; 6 now, 5 before"
			if err := os.WriteFile(extra, []byte("An extra article\n\nIt says little.\n"), 0o644); err != nil {
				return err
			}
		} else if err := os.Remove(extra); err != nil {
			return err
		}
		id := h.id()
		if _, err := h.fake.Dispatch("INTERACTION_CREATE", interaction(id, 2, testGuild, user(), []string{adminRole}, slash("reload"))); err != nil {
			return err
		}
		reqs, err := h.fake.WaitToken(waitFor, "tok-"+id, 2)
		if err != nil {
			return err
		}
		if len(reqs) != 2 || !strings.Contains(string(reqs[0].Body), `"type":5`) || !strings.Contains(string(reqs[1].Body), want) {
			return fmt.Errorf("reload %s: %d requests, last %s; want a deferral and %q", id, len(reqs), reqs[len(reqs)-1].Body, want)
		}
		return nil
	}

	// What each kind answers on each version, asked alone.
	kinds := loadKinds()
	want := make([]map[string]bool, len(kinds))
	for v := range 2 {
		for k, kind := range kinds {
			if v == 0 {
				want[k] = map[string]bool{}
			}
			want[k][string(h.send(interaction(h.id(), kind.typ, testGuild, user(), nil, kind.data)).Body)] = true
		}
		if err := reload(); err != nil {
			t.Fatal(err)
		}
	}
	if len(want[1]) != 2 {
		t.Fatalf("/sources answers the same on both versions; the test could not tell them apart")
	}
	warmed := time.Now()

	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, senders+1)
	ids := make([]string, total)
	for range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := int(next.Add(1)) - 1
				if n >= total {
					return
				}
				id := h.id()
				ids[n] = id
				kind := kinds[n%len(kinds)]
				if _, err := h.fake.Dispatch("INTERACTION_CREATE", interaction(id, kind.typ, testGuild, user(), nil, kind.data)); err != nil {
					errs <- err
					return
				}
				if _, err := h.fake.WaitToken(waitFor, "tok-"+id, 1); err != nil {
					errs <- fmt.Errorf("%s #%d: %w", kind.name, n, err)
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range reloads {
			// Spread the reloads over the run.
			for next.Load() < int64(i*total/reloads) {
				time.Sleep(time.Millisecond)
			}
			if err := reload(); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	loaded := time.Now()

	byToken := map[string][]fakediscord.Request{}
	for _, r := range h.fake.Requests() {
		if tok := pathToken(r.Path); tok != "" {
			byToken[tok] = append(byToken[tok], r)
		}
	}
	wrong := 0
	for n, id := range ids {
		reqs := byToken["tok-"+id]
		k := n % len(kinds)
		switch {
		case len(reqs) != 1:
			t.Errorf("%s #%d got %d replies, want 1", kinds[k].name, n, len(reqs))
		case reqs[0].Status != 204:
			t.Errorf("%s #%d: Discord answered %d", kinds[k].name, n, reqs[0].Status)
		case !want[k][string(reqs[0].Body)]:
			if wrong++; wrong <= 3 {
				t.Errorf("%s #%d: a reply neither version gives alone:\n%s", kinds[k].name, n, reqs[0].Body)
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d wrong replies", wrong)
	}
	lines := h.logs.count(msgIs("interaction"))
	if want := total + 2*len(kinds) + reloads + 2; lines != want {
		t.Errorf("%d interaction log lines, want %d", lines, want)
	}
	if n := h.logs.count(atLeast(slog.LevelWarn)); n != 0 {
		t.Errorf("%d lines at warn or above; the first: %v", n, firstMatch(h.logs, atLeast(slog.LevelWarn)))
	}
	t.Logf("%d interactions from %d senders and %d reloads in %s (warm-up %s, checks %s)",
		total, senders, reloads, loaded.Sub(warmed).Round(time.Millisecond), warmed.Sub(start).Round(time.Millisecond), time.Since(loaded).Round(time.Millisecond))
}

// pathToken is the interaction token in a callback or webhook path.
func pathToken(path string) string {
	parts := strings.SplitN(strings.Trim(path, "/"), "/", 4)
	if len(parts) >= 3 && (parts[0] == "interactions" || parts[0] == "webhooks") {
		return parts[2]
	}
	return ""
}

func firstMatch(l *logRecorder, match func(map[string]any) bool) map[string]any {
	for _, m := range l.records() {
		if match(m) {
			return m
		}
	}
	return nil
}
