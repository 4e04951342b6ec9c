package bot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// TestHTTPSignatures: only requests signed with the application's key, as
// sent, and recently, reach a handler; everything else gets 401 and no
// detail. PING gets PONG.
func TestHTTPSignatures(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, nil)
	who := body(t, interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")))
	_, otherKey, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		body   []byte
		tamper func(*http.Request)
		status int
		want   string // in the response body
	}{
		{"signed command", who, nil, 200, `"type":4`},
		{"ping", []byte(`{"id":"1","type":1,"application_id":"1","token":"t","version":1}`), nil, 200, `{"type":1}`},
		{"no signature", who, func(r *http.Request) { r.Header.Del("X-Signature-Ed25519") }, 401, ""},
		{"no timestamp", who, func(r *http.Request) { r.Header.Del("X-Signature-Timestamp") }, 401, ""},
		{"signature not hex", who, func(r *http.Request) { r.Header.Set("X-Signature-Ed25519", "zz") }, 401, ""},
		{"signed by another key", who, func(r *http.Request) {
			ts := r.Header.Get("X-Signature-Timestamp")
			r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(otherKey, append([]byte(ts), who...))))
		}, 401, ""},
		{"body changed after signing", who, func(r *http.Request) {
			changed := bytes.Replace(who, []byte("Witkoff"), []byte("Witkofg"), 1)
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(changed)), int64(len(changed))
		}, 401, ""},
		{"timestamp changed after signing", who, func(r *http.Request) {
			r.Header.Set("X-Signature-Timestamp", fmt.Sprint(time.Now().Unix()+1))
		}, 401, ""},
		{"stale timestamp", who, h.signedAt(who, time.Now().Add(-6*time.Minute)), 401, ""},
		{"timestamp from the future", who, h.signedAt(who, time.Now().Add(6*time.Minute)), 401, ""},
		{"signed, not JSON", []byte("{"), nil, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out := h.post(tt.body, tt.tamper)
			if status != tt.status || !strings.Contains(string(out), tt.want) {
				t.Errorf("status %d, body %.200s; want %d with %q", status, out, tt.status, tt.want)
			}
			if status == 401 && string(out) != "unauthorized\n" {
				t.Errorf("a 401 says more than that: %q", out)
			}
		})
	}
	// Only the one signed command reached a handler. Its log line is
	// written once the reply is sent, so it may come after the response.
	h.logs.waitOnce(t, msgIs("interaction"), "interactions handled")
}

// TestHTTPLimits: a request too large, or not a POST, is refused before
// any handler runs.
func TestHTTPLimits(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, nil)
	huge := bytes.Repeat([]byte(" "), maxBody+1)
	if status, _ := h.post(huge, nil); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over the limit: %d, want 413", status)
	}
	// Without a length given, the limit bites while reading.
	if status, _ := h.post(huge, func(r *http.Request) { r.ContentLength = -1 }); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over the limit, chunked: %d, want 413", status)
	}
	if status, _ := h.get("/interactions"); status != http.StatusMethodNotAllowed {
		t.Errorf("GET /interactions: %d, want 405", status)
	}
}

// TestHTTPAnswers: commands, autocomplete and page buttons get the same
// answers as in gateway mode, in the HTTP response.
func TestHTTPAnswers(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, nil)
	who := h.ask(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "witkof")))
	if who.Type != 4 || len(who.Data.Embeds) != 1 || !strings.Contains(who.Data.Embeds[0].Title, "Witkoff") {
		t.Errorf("/who: type %d, embeds %+v", who.Type, who.Data.Embeds)
	}
	auto := map[string]any{"id": "900000000000000001", "name": "who", "type": 1,
		"options": []map[string]any{{"name": "name", "type": 3, "value": "witk", "focused": true}}}
	choices := h.ask(interaction(h.id(), 4, testGuild, plainUser, nil, auto))
	if choices.Type != 8 || len(choices.Data.Choices) == 0 || !strings.Contains(choices.Data.Choices[0].Name, "Witkoff") {
		t.Errorf("autocomplete: type %d, choices %+v", choices.Type, choices.Data.Choices)
	}
	tl := h.ask(interaction(h.id(), 2, testGuild, plainUser, nil, slash("timeline")))
	if len(tl.Data.Components) == 0 {
		t.Fatalf("/timeline has no page buttons: %+v", tl.Data)
	}
	next := tl.Data.Components[0].Components[len(tl.Data.Components[0].Components)-1].CustomID
	click := interaction(h.id(), 3, testGuild, plainUser, nil, map[string]any{"custom_id": next, "component_type": 2})
	page := h.ask(click)
	if page.Type != 7 || len(page.Data.Embeds) != 1 || (page.Data.Embeds[0].Footer == nil || !strings.Contains(page.Data.Embeds[0].Footer.Text, "page 2/")) {
		t.Errorf("page button: type %d, %+v", page.Type, page.Data.Embeds)
	}
	if reqs := h.fake.Requests(); len(reqs) != 0 {
		t.Errorf("quick answers made REST calls: %+v", reqs)
	}
}

// TestHTTPDeferred: a slow handler's reply is deferred in the HTTP
// response and then edited in over REST, with no token needed.
func TestHTTPDeferred(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	h := startHTTP(t, func(o *Options) { o.DeferAfter = 20 * time.Millisecond })
	beforeHandling(h.bot, func(string) {
		<-release
	})
	id := h.id()
	got := h.ask(interaction(id, 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")))
	if got.Type != 5 {
		t.Fatalf("callback type %d, want 5 (deferred)", got.Type)
	}
	close(release)
	reqs, err := h.fake.WaitToken(waitFor, "tok-"+id, 1)
	if err != nil {
		t.Fatal(err)
	}
	edit := reqs[0]
	if edit.Method != "PATCH" || edit.Path != "/webhooks/"+fakediscord.AppID+"/tok-"+id+"/messages/@original" || !strings.Contains(string(edit.Body), "Witkoff") {
		t.Errorf("edit: %s %s %.200s", edit.Method, edit.Path, edit.Body)
	}
	if edit.Auth != "" {
		t.Errorf("the edit carried an Authorization header %q; the interaction token is enough", edit.Auth)
	}
}

// TestHTTPReload: /reload on one replica reports the fact base version it
// now serves, and /about shows it.
func TestHTTPReload(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, nil)
	writeArticle(t, h.dir, "zz_new", "A new article.\n\nSomething happened on Monday.\n")
	id := h.id()
	if got := h.ask(interaction(id, 2, testGuild, adminUser, nil, slash("reload"))); got.Type != 5 || got.Data.Flags&64 == 0 {
		t.Fatalf("reload: callback type %d flags %d, want a private deferral", got.Type, got.Data.Flags)
	}
	reqs, err := h.fake.WaitToken(waitFor, "tok-"+id, 1)
	if err != nil {
		t.Fatal(err)
	}
	version := h.bot.svc.Base().Version()
	if !strings.Contains(string(reqs[0].Body), "version "+version) {
		t.Errorf("the reload report does not name version %s:\n%s", version, reqs[0].Body)
	}
	about := h.ask(interaction(h.id(), 2, testGuild, plainUser, nil, slash("about")))
	if text := fmt.Sprint(about.Data.Embeds); !strings.Contains(text, version) || !strings.Contains(text, "6") {
		t.Errorf("/about does not show version %s and 6 articles: %s", version, text)
	}
}

// TestHTTPShutdown: a request in flight when the bot is told to stop gets
// its reply, and the bot then returns cleanly.
func TestHTTPShutdown(t *testing.T) {
	t.Parallel()
	entered := make(chan struct{})
	release := make(chan struct{})
	h := startHTTP(t, nil)
	beforeHandling(h.bot, func(string) {
		close(entered)
		<-release
	})
	got := make(chan callback, 1)
	go func() { got <- h.ask(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief"))) }()
	<-entered
	h.stop()
	if err := waitUntil(func() bool { ok, _ := h.bot.health(); return !ok }); err != nil {
		t.Fatal("/healthz still reports ok while shutting down")
	}
	close(release)
	if c := <-got; c.Type != 4 {
		t.Errorf("the reply in flight: type %d, want 4", c.Type)
	}
	if err := h.shutdown(); err != nil {
		t.Errorf("RunHTTP: %v", err)
	}
}
