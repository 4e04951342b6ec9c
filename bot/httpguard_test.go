package bot

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
	dto "github.com/prometheus/client_model/go"
)

// TestHTTPReplay: a signed interaction sent again, as it was signed, gets
// 409 and no second answer, whatever its type; a PING may be sent again.
func TestHTTPReplay(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, nil)
	auto := map[string]any{"id": "900000000000000001", "name": "who", "type": 1,
		"options": []map[string]any{{"name": "name", "type": 3, "value": "witk", "focused": true}}}
	tests := []struct {
		name  string
		in    map[string]any
		again int // the status of each replay
	}{
		{"command", interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")), http.StatusConflict},
		{"autocomplete", interaction(h.id(), 4, testGuild, plainUser, nil, auto), http.StatusConflict},
		{"ping", map[string]any{"id": "1", "type": 1, "application_id": "1", "token": "t", "version": 1}, http.StatusOK},
	}
	for _, tt := range tests {
		b := body(t, tt.in)
		sent := time.Now()
		for n := range 5 {
			status, out := h.post(b, h.signedAt(b, sent)) // the very request, as recorded
			want := http.StatusOK
			if n > 0 {
				want = tt.again
			}
			if status != want {
				t.Errorf("%s, sent %d times: %d %.80s; want %d", tt.name, n+1, status, out, want)
			}
		}
	}
	if n := h.logs.count(func(m map[string]any) bool { return m["msg"] == "interaction" }); n != 2 {
		t.Errorf("%d interactions handled, want 2 (one command, one autocomplete):\n%s", n, h.logs)
	}
	if got := rejected(t, h.bot, rejectReplay); got != 8 {
		t.Errorf("%v replays counted, want 8", got)
	}
}

// TestReplaySet: the set refuses an id it holds, forgets what has expired,
// and, once full, refuses what was signed no later than what it forgot.
func TestReplaySet(t *testing.T) {
	s := newReplaySet(3, 300)
	steps := []struct {
		id      string
		at, now int64
		want    bool
		size    int
	}{
		{"a", 100, 100, true, 1},
		{"a", 100, 100, false, 1}, // a replay
		{"b", 100, 100, true, 2},
		{"c", 101, 101, true, 3},
		{"d", 102, 102, true, 3},  // full: a is forgotten, and so is all signed at 100 or before
		{"a", 100, 102, false, 2}, // a's replay: refused, though forgotten (and b goes to make room)
		{"e", 100, 102, false, 2}, // a new id, but signed at 100: it cannot be told from a replay
		{"f", 103, 103, true, 3},
		{"g", 500, 500, true, 1},  // everything before 200 has expired
		{"g", 500, 800, false, 1}, // its signature is still accepted (maxSkew, to the second)
		{"g", 500, 801, true, 1},  // g has expired too (its signature is stale now)
	}
	for i, st := range steps {
		if got := s.first(st.id, st.at, st.now); got != st.want || s.size() != st.size {
			t.Errorf("step %d (%s at %d, now %d): %v with %d held; want %v with %d", i, st.id, st.at, st.now, got, s.size(), st.want, st.size)
		}
	}
}

// TestHTTPNoTokenOnWebhooks: in HTTP mode the bot's token, even when it is
// given, goes on none of the calls that follow an interaction (the edit of
// a deferred reply, its deletion, a follow-up): the interaction's own
// token authorises them.
func TestHTTPNoTokenOnWebhooks(t *testing.T) {
	t.Parallel()
	h := startHTTPWithToken(t, "Bot "+testToken, func(o *Options) { o.DeferAfter = 10 * time.Millisecond })
	next := h.bot.handle
	h.bot.handle = func(req commands.Request) (commands.Answer, error) {
		time.Sleep(50 * time.Millisecond) // deferred
		if req.Command == "search" {
			return commands.Answer{}, errors.New("broken") // deferred in public: deleted, then a private follow-up
		}
		return next(req)
	}
	edited, failed := h.id(), h.id()
	h.ask(interaction(edited, 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")))
	h.ask(interaction(failed, 2, testGuild, plainUser, nil, slash("search", "query", "sanctions")))
	if _, err := h.fake.WaitToken(waitFor, "tok-"+edited, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.WaitToken(waitFor, "tok-"+failed, 2); err != nil {
		t.Fatal(err)
	}
	var calls []string
	for _, r := range h.fake.Requests() {
		calls = append(calls, r.Method+" "+templatePath(r.Path))
		if r.Auth != "" {
			t.Errorf("%s %s carried Authorization %q", r.Method, templatePath(r.Path), strings.ReplaceAll(r.Auth, testToken, "<token>"))
		}
	}
	want := "DELETE /webhooks/{}/{}/messages/@original, PATCH /webhooks/{}/{}/messages/@original, POST /webhooks/{}/{}"
	slices.Sort(calls)
	if got := strings.Join(calls, ", "); got != want {
		t.Errorf("calls: %s; want %s", got, want)
	}
}

// rejected is the count of requests refused for reason, read from the
// bot's registry rather than over HTTP (which may be what is refused).
func rejected(t *testing.T, b *Bot, reason string) float64 {
	t.Helper()
	list, err := b.metrics.gatherer.Gather()
	if err != nil {
		t.Fatal(err)
	}
	fams := map[string]*dto.MetricFamily{}
	for _, f := range list {
		fams[f.GetName()] = f
	}
	v, _ := value(fams, "briefbot_http_rejected_total", map[string]string{"reason": reason})
	return v
}

// TestHTTPInFlightCap: the handlers of interactions running at once are
// capped, those whose first reply has gone out (a deferral) included;
// past the cap a request gets 503, and once one is done the next is
// answered.
func TestHTTPInFlightCap(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	h := startHTTP(t, func(o *Options) { o.maxInFlight, o.DeferAfter = 2, 10*time.Millisecond })
	beforeHandling(h.bot, func(string) {
		<-release
	})
	for range 2 {
		if got := h.ask(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief"))); got.Type != 5 {
			t.Fatalf("callback type %d, want 5 (deferred)", got.Type)
		}
	}
	// Both handlers still run, their first replies sent.
	status, out := h.post(body(t, interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief"))), nil)
	if status != http.StatusServiceUnavailable || string(out) != "busy\n" {
		t.Errorf("a third interaction: %d %q, want 503 busy", status, out)
	}
	close(release)
	if err := waitUntil(func() bool { return len(h.bot.slots) == 0 }); err != nil {
		t.Fatal("the handlers did not give their places back")
	}
	if got := h.ask(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief"))); got.Type != 5 && got.Type != 4 {
		t.Errorf("after the others: callback type %d", got.Type)
	}
	if got := rejected(t, h.bot, rejectBusy); got != 1 {
		t.Errorf("%v busy refusals counted, want 1", got)
	}
}
