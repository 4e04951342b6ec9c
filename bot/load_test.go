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
	r := &loadRun{h: h, kinds: loadKinds(), extra: filepath.Join(h.dir, "999_extra.txt")}
	want := r.answersAlone(t)
	warmed := time.Now()
	ids, err := r.flood(total, senders, reloads)
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Now()
	r.checkReplies(t, ids, want)
	lines := h.logs.count(msgIs("interaction"))
	if want := total + 2*len(r.kinds) + reloads + 2; lines != want {
		t.Errorf("%d interaction log lines, want %d", lines, want)
	}
	if n := h.logs.count(atLeast(slog.LevelWarn)); n != 0 {
		t.Errorf("%d lines at warn or above; the first: %v", n, firstMatch(h.logs, atLeast(slog.LevelWarn)))
	}
	t.Logf("%d interactions from %d senders and %d reloads in %s (warm-up %s, checks %s)",
		total, senders, reloads, loaded.Sub(warmed).Round(time.Millisecond), warmed.Sub(start).Round(time.Millisecond), time.Since(loaded).Round(time.Millisecond))
}

// loadRun is TestE2ELoad's world: the harness, the kinds of interaction
// sent, the article that tells the two versions of the folder apart, and
// the users, one per interaction, so that none is rate-limited.
type loadRun struct {
	h         *harness
	kinds     []loadKind
	extra     string // the path of the article
	withExtra bool   // the folder holds it now
	userN     atomic.Int64
}

func (r *loadRun) user() string { return fmt.Sprintf("52%016d", r.userN.Add(1)) }

// reload switches the folder to the other version and reloads by a
// /reload interaction, checking the report.
func (r *loadRun) reload() error {
	r.withExtra = !r.withExtra
	want := "articles**: 0 added, 1 removed; 5 now, 6 before"
	if r.withExtra {
		want = "articles**: 1 added, 0 removed; 6 now, 5 before"
		if err := os.WriteFile(r.extra, []byte("An extra article\n\nIt says little.\n"), 0o644); err != nil {
			return err
		}
	} else if err := os.Remove(r.extra); err != nil {
		return err
	}
	id := r.h.id()
	if _, err := r.h.fake.Dispatch("INTERACTION_CREATE", interaction(id, 2, testGuild, r.user(), []string{adminRole}, slash("reload"))); err != nil {
		return err
	}
	reqs, err := r.h.fake.WaitToken(waitFor, "tok-"+id, 2)
	if err != nil {
		return err
	}
	if len(reqs) != 2 || !strings.Contains(string(reqs[0].Body), `"type":5`) || !strings.Contains(string(reqs[1].Body), want) {
		return fmt.Errorf("reload %s: %d requests, last %s; want a deferral and %q", id, len(reqs), reqs[len(reqs)-1].Body, want)
	}
	return nil
}

// answersAlone is what each kind answers on each version, asked alone:
// the replies the run may give, by kind. It leaves the folder as it found
// it.
func (r *loadRun) answersAlone(t *testing.T) []map[string]bool {
	want := make([]map[string]bool, len(r.kinds))
	for v := range 2 {
		for k, kind := range r.kinds {
			if v == 0 {
				want[k] = map[string]bool{}
			}
			want[k][string(r.h.send(interaction(r.h.id(), kind.typ, testGuild, r.user(), nil, kind.data)).Body)] = true
		}
		if err := r.reload(); err != nil {
			t.Fatal(err)
		}
	}
	if len(want[1]) != 2 {
		t.Fatalf("/sources answers the same on both versions; the test could not tell them apart")
	}
	return want
}

// flood sends total interactions from senders at once, each waiting for
// its reply, while reloads reloads are spread over the run; ids are the
// interactions sent, in order.
func (r *loadRun) flood(total, senders, reloads int) ([]string, error) {
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
				id := r.h.id()
				ids[n] = id
				kind := r.kinds[n%len(r.kinds)]
				if _, err := r.h.fake.Dispatch("INTERACTION_CREATE", interaction(id, kind.typ, testGuild, r.user(), nil, kind.data)); err != nil {
					errs <- err
					return
				}
				if _, err := r.h.fake.WaitToken(waitFor, "tok-"+id, 1); err != nil {
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
			if err := r.reload(); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	return ids, <-errs
}

// checkReplies checks that each interaction got exactly one reply, one of
// those its kind gives alone.
func (r *loadRun) checkReplies(t *testing.T, ids []string, want []map[string]bool) {
	byToken := map[string][]fakediscord.Request{}
	for _, req := range r.h.fake.Requests() {
		if tok := pathToken(req.Path); tok != "" {
			byToken[tok] = append(byToken[tok], req)
		}
	}
	wrong := 0
	for n, id := range ids {
		reqs := byToken["tok-"+id]
		k := n % len(r.kinds)
		switch {
		case len(reqs) != 1:
			t.Errorf("%s #%d got %d replies, want 1", r.kinds[k].name, n, len(reqs))
		case reqs[0].Status != 204:
			t.Errorf("%s #%d: Discord answered %d", r.kinds[k].name, n, reqs[0].Status)
		case !want[k][string(reqs[0].Body)]:
			if wrong++; wrong <= 3 {
				t.Errorf("%s #%d: a reply neither version gives alone:\n%s", r.kinds[k].name, n, reqs[0].Body)
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d wrong replies", wrong)
	}
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
