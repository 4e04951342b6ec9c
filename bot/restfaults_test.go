package bot

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// TestE2ERESTFaults: Discord's REST API answers 429 with retry_after, 500,
// or nothing at all, or refuses a reply that came after the 3 s window
// (10062). In each case the bot retries when that can help and gives up in
// time when it cannot, logs the interaction once, answers the next one,
// and keeps running. The cases run at once on one fake Discord, each as
// its own member.
func TestE2ERESTFaults(t *testing.T) {
	t.Parallel()
	// The fake accepts a first reply within 1 s; the bot gives the first
	// reply 2 s and other calls 1 s: short, to keep the test quick, and
	// long enough for the retries to fit on a slow machine.
	h := startHarnessWith(t, fakediscord.Config{Window: time.Second}, func(o *Options) {
		o.window, o.restTimeout, o.DeferAfter = 2*time.Second, time.Second, 300*time.Millisecond
	})
	beforeHandling(h.bot, func(command string) {
		if command == "search" {
			time.Sleep(500 * time.Millisecond) // deferred after 0.3 s
		}
	})
	tests := restFaults()
	for i, tt := range tests {
		tt.start(t, h, i)
	}
	for i, tt := range tests {
		tt.check(t, h, i)
	}
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Healey"))).Body)
	if cb.Type != 4 || len(cb.Data.Embeds) != 1 {
		t.Errorf("the next interaction: %+v", cb)
	}
	h.running()
	if n := h.logs.count(func(m map[string]any) bool { return m["user"] == nil && atLeast(slog.LevelWarn)(m) }); n != 0 {
		t.Errorf("%d other lines at warn or above:\n%s", n, h.logs)
	}
}

// restFault is a case of TestE2ERESTFaults: a request that fails, and what
// the bot must log of the interaction or DM it was for.
type restFault struct {
	name    string
	kind    string // "slash"; "slow" (deferred, then edited); "dm"
	method  string // of the request that fails
	fault   fakediscord.Fault
	times   int
	outcome string
	retries int
	err     string // in the log line
}

func restFaults() []restFault {
	rateLimited := func(after string) fakediscord.Fault {
		return fakediscord.Fault{Status: 429, Header: map[string]string{"Retry-After": after},
			Body: `{"message":"You are being rate limited.","retry_after":` + after + `,"global":false}`}
	}
	serverError := fakediscord.Fault{Status: 500, Body: `{"message":"500: Internal Server Error","code":0}`}
	hang := fakediscord.Fault{Hang: true}
	return []restFault{
		{"429 within the window", "slash", "POST", rateLimited("0.05"), 1, outOK, 1, ""},
		{"429 past the window", "slash", "POST", rateLimited("30"), 1, outError, 0, "rate limited by Discord for 30s"},
		{"500 once", "slash", "POST", serverError, 1, outOK, 1, ""},
		{"500 every time", "slash", "POST", serverError, 3, outError, 2, "Discord answered 500 Internal Server Error"},
		{"no answer", "slash", "POST", hang, 1, outError, 0, "sending the reply: no answer from Discord in time"},
		{"edit with no answer", "slow", "PATCH", hang, 1, outError, 0, "editing the deferred reply: no answer from Discord in time"},
		// At the same time as the edit that hangs, which must not hold it up.
		{"edit 500 once", "slow", "PATCH", serverError, 1, outOK, 1, ""},
		{"DM 429", "dm", "POST", rateLimited("0.05"), 1, outOK, 1, ""},
		{"DM 500 every time", "dm", "POST", serverError, 3, outError, 2, "sending the DM: Discord answered 500"},
		{"DM with no answer", "dm", "POST", hang, 1, outError, 0, "sending the DM: no answer from Discord in time"},
		// The reply reaches Discord 1.5 s late, after the fake's window.
		{"callback after the window", "slash", "POST", fakediscord.Fault{Delay: 1500 * time.Millisecond}, 1, outExpired, 0, "10062"},
	}
}

// faultUser is the member of case i.
func faultUser(i int) string { return fmt.Sprintf("5100000000000000%02d", i) }

// start sets the fault up and sends case i's interaction or DM, without
// waiting for the reply.
func (tt restFault) start(t *testing.T, h *harness, i int) {
	id := h.id()
	match := "tok-" + id
	if tt.kind == "dm" {
		match = "/channels/" + faultUser(i) // each DM'er has a channel
	}
	if tt.times > 0 {
		h.fake.Inject(func(m, p string) bool { return m == tt.method && strings.Contains(p, match) }, tt.times, tt.fault)
	}
	if tt.kind == "dm" {
		m := map[string]any{"id": id, "channel_id": faultUser(i), "content": "/brief", "type": 0,
			"author": map[string]any{"id": faultUser(i), "username": "u"}}
		if _, err := h.fake.Dispatch("MESSAGE_CREATE", m); err != nil {
			t.Fatal(err)
		}
		return
	}
	data := slash("brief")
	if tt.kind == "slow" {
		data = slash("search", "query", "sanctions")
	}
	h.dispatch(interaction(id, 2, testGuild, faultUser(i), nil, data))
}

// check waits for case i's log line and checks it.
func (tt restFault) check(t *testing.T, h *harness, i int) {
	line, err := h.logLine(func(m map[string]any) bool { return m["user"] == faultUser(i) })
	if err != nil {
		t.Fatalf("%s: %v:\n%s", tt.name, err, h.logs)
	}
	errText, _ := line["err"].(string)
	retries, _ := line["retries"].(int64)
	outcome := line["outcome"]
	if outcome == outNotFound {
		outcome = outOK // answered, as well as the fact base could
	}
	if outcome != tt.outcome || int(retries) != tt.retries || !strings.Contains(errText, tt.err) {
		t.Errorf("%s: log line %v; want outcome %s, %d retries, err with %q", tt.name, line, tt.outcome, tt.retries, tt.err)
	}
	if strings.Contains(errText, "tok-") || strings.Contains(errText, "http://") {
		t.Errorf("%s: the error names the interaction's URL or token: %s", tt.name, errText)
	}
	want := 0
	if tt.outcome != outOK {
		want = 1
	}
	if n := h.logs.count(func(m map[string]any) bool { return m["user"] == faultUser(i) && atLeast(slog.LevelWarn)(m) }); n != want {
		t.Errorf("%s: %d lines at warn or above, want %d", tt.name, n, want)
	}
}

// TestE2EShutdown: when the context ends (SIGTERM in main), a reply in
// flight is finished and Run returns nil; a reply that takes longer than
// the shutdown wait is given up, once logged, and Run still returns nil.
func TestE2EShutdown(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		hold     time.Duration // how long the answer takes
		finished bool
	}{
		{"reply in flight finishes", 300 * time.Millisecond, true},
		{"shutdown wait is bounded", 5 * time.Second, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startHarness(t, func(o *Options) { o.drainWait, o.DeferAfter = time.Second, 10*time.Second })
			started, release := make(chan struct{}), make(chan struct{})
			beforeHandling(h.bot, func(string) {
				close(started)
				select {
				case <-time.After(tt.hold):
				case <-release:
				}
			})
			defer close(release)
			id := h.id()
			h.dispatch(interaction(id, 2, testGuild, plainUser, nil, slash("brief")))
			<-started
			if err := h.shutdown(); err != nil {
				t.Fatalf("Run: %v", err)
			}
			stuck := h.logs.count(msgIs("replies still in flight at shutdown"))
			reqs := h.fake.Requests()
			answered := false
			for _, r := range reqs {
				answered = answered || (r.Path == callbackPath(id) && r.Status == 204)
			}
			if tt.finished {
				if _, err := h.fake.WaitToken(waitFor, "tok-"+id, 1); err != nil || stuck != 0 {
					t.Errorf("the reply in flight: %v; %d 'still in flight' lines", err, stuck)
				}
			} else if answered || stuck != 1 {
				t.Errorf("answered %v, %d 'still in flight' lines; want false and 1", answered, stuck)
			}
		})
	}
}
