package bot

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot/commands"
)

// TestReplyCacheAcrossReload: a query asked again is answered from the
// cache, the same bytes without running the handler; after a reload that
// changes its answer, it is answered afresh from the new base.
func TestReplyCacheAcrossReload(t *testing.T) {
	b, dir := newTestBotIn(t, nil)
	var runs atomic.Int64
	next := b.handle
	b.handle = func(r commands.Request) (commands.Answer, error) { runs.Add(1); return next(r) }
	ask := func() []byte {
		t.Helper()
		rec := &recorder{}
		b.handleInteraction(rec, parseInteraction(t, interaction("1", 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff"))))
		if rec.whats() != "respond" {
			t.Fatalf("sent %s, want one reply", rec.whats())
		}
		return rec.calls[0].body
	}
	first, again := ask(), ask()
	if !bytes.Equal(first, again) || runs.Load() != 1 {
		t.Fatalf("asked again: handler ran %d times (want 1), same reply %v", runs.Load(), bytes.Equal(first, again))
	}
	yaml := filepath.Join(dir, "facts.yaml")
	data, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("role: US special envoy\n"), []byte("role: Retired envoy\n"), 1)
	if err := os.WriteFile(yaml, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := b.Reload(); !ok {
		t.Fatal("reload failed")
	}
	after := ask()
	if runs.Load() != 2 || !strings.Contains(string(after), "Retired envoy") || strings.Contains(string(after), "US special envoy\\n") {
		t.Fatalf("after the reload: handler ran %d times (want 2), reply:\n%s", runs.Load(), after)
	}
}

// TestReplyCacheStale: a reply worked out before a reload is not kept
// after it, even when it is put after it.
func TestReplyCacheStale(t *testing.T) {
	c := newReplyCache()
	gen := c.generation()
	c.invalidate()
	c.put(gen, "k", cachedReply{body: wireJSON("{}")})
	if _, ok := c.get("k"); ok {
		t.Fatal("a reply of an older generation was kept")
	}
	c.put(c.generation(), "k", cachedReply{body: wireJSON("{}")})
	if _, ok := c.get("k"); !ok {
		t.Fatal("a reply of the current generation was not kept")
	}
}

// TestReplyCacheBounded: past its bounds on entries and on bytes, the
// cache drops its oldest entries; a body too large is not kept at all.
func TestReplyCacheBounded(t *testing.T) {
	c := newReplyCache()
	for i := range 3 * replyCacheEntries {
		c.put(0, strings.Repeat("k", i+1), cachedReply{body: wireJSON("{}")})
	}
	if len(c.entries) != replyCacheEntries || len(c.order) != replyCacheEntries {
		t.Fatalf("%d entries (%d in order), want %d", len(c.entries), len(c.order), replyCacheEntries)
	}
	if _, ok := c.get(strings.Repeat("k", 3*replyCacheEntries)); !ok {
		t.Fatal("the newest entry was dropped")
	}
	c.invalidate()
	big := wireJSON(strings.Repeat("x", replyCacheMaxBody))
	for i := range 2 * replyCacheBytes / replyCacheMaxBody {
		c.put(c.generation(), strings.Repeat("b", i+1), cachedReply{body: big})
		if c.bytes > replyCacheBytes {
			t.Fatalf("%d bytes kept, more than %d", c.bytes, replyCacheBytes)
		}
	}
	c.put(c.generation(), "huge", cachedReply{body: append(big, 'x')})
	if _, ok := c.get("huge"); ok {
		t.Fatal("a body over replyCacheMaxBody was kept")
	}
}

// TestReplyKey: every part of a request and of its placement tells keys
// apart, the order of the options does not, and admin commands and
// immediate deferrals are never kept.
func TestReplyKey(t *testing.T) {
	table := seedService(t).Table()
	base := commands.Request{Command: "timeline", Raw: "/timeline about:x", Options: map[string]string{"about": "x", "from": "2025"},
		Place: commands.Place{Guild: testGuild, Channel: testChannel}}
	key := func(req commands.Request, at placement) string {
		t.Helper()
		k, ok := replyKey(table, req, at)
		if !ok {
			t.Fatalf("%+v %+v not kept", req, at)
		}
		return k
	}
	k0 := key(base, placement{})
	same := base
	same.Options = map[string]string{"from": "2025", "about": "x"}
	if key(same, placement{}) != k0 {
		t.Error("the options' order changed the key")
	}
	variants := []func(*commands.Request, *placement){
		func(r *commands.Request, _ *placement) { r.Command = "quotes" },
		func(r *commands.Request, _ *placement) { r.Raw += " " },
		func(r *commands.Request, _ *placement) { r.Place.Guild = "" },
		func(r *commands.Request, _ *placement) { r.Place.Channel = testDM },
		func(r *commands.Request, _ *placement) { r.Options = map[string]string{"about": "x", "from": "2026"} },
		func(r *commands.Request, _ *placement) { r.Options = map[string]string{"about": "x"} },
		func(r *commands.Request, _ *placement) { r.Options = map[string]string{"about": "x", "to": "2025"} },
		func(r *commands.Request, _ *placement) { r.Options = map[string]string{"about": "x2", "from": "025"} },
		func(_ *commands.Request, p *placement) { p.private = true },
		func(_ *commands.Request, p *placement) { p.inPlace = true },
		func(_ *commands.Request, p *placement) { p.page = 1 },
	}
	seen := map[string]int{k0: -1}
	for i, vary := range variants {
		req, at := base, placement{}
		req.Options = base.Options
		vary(&req, &at)
		k := key(req, at)
		if j, dup := seen[k]; dup {
			t.Errorf("variant %d has the key of %d", i, j)
		}
		seen[k] = i
	}
	if _, ok := replyKey(table, commands.Request{Command: "reload"}, placement{private: true}); ok {
		t.Error("an admin command is kept")
	}
	if _, ok := replyKey(table, base, adminPlacement); ok {
		t.Error("a reply deferred at once is kept")
	}
}
