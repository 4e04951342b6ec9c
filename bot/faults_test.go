package bot

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

var (
	lostLine    = msgIs("gateway connection lost; reconnecting")
	resumedLine = msgIs("gateway session resumed")
	freshLine   = msgIs("gateway session could not be resumed; started a new one (events in between are lost)")
)

// TestE2EGatewayFaults: the gateway drops the connection, asks for a
// reconnect (op 7), invalidates the session (op 9), or stops answering
// heartbeats. Each time the bot recovers (resuming when it can, with a new
// session when it cannot), answers the next interaction, logs what
// happened once, and keeps running.
func TestE2EGatewayFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		cfg      fakediscord.Config
		fault    func(*harness) error
		ops      []int // what the client sent after the fault: 6 resume, 2 identify
		sessions int   // READY events, the first included
		logs     []int // lines lost, resumed, new session
	}{
		{"connection dropped", fakediscord.Config{}, func(h *harness) error { h.fake.Drop(); return nil }, []int{6}, 1, []int{1, 1, 0}},
		{"RECONNECT (op 7)", fakediscord.Config{}, func(h *harness) error { return h.fake.Reconnect() }, []int{6}, 1, []int{1, 1, 0}},
		{"INVALID_SESSION (op 9)", fakediscord.Config{}, func(h *harness) error { return h.fake.InvalidateSession() }, []int{2}, 2, []int{0, 0, 1}},
		// discordgo closes a zombie connection with code 1000, which ends
		// the session on Discord's side: its resume is refused (op 9) and
		// it identifies again.
		{"heartbeats not ACKed", fakediscord.Config{HeartbeatInterval: 200 * time.Millisecond}, func(h *harness) error { return h.fake.StopAcks() }, []int{6, 2}, 2, []int{1, 0, 1}},
		// A connection that keeps dropping is logged once a minute, not
		// every time.
		{"connection flapping", fakediscord.Config{}, flap(3), []int{6, 6, 6}, 1, []int{1, 1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := recoverFrom(t, tt.cfg, tt.fault, tt.ops)
			last := resumedLine
			if tt.logs[2] > 0 {
				last = freshLine
			}
			if _, err := h.logs.wait(last); err != nil {
				t.Fatalf("%v:\n%s", err, h.logs)
			}
			cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Healey"))).Body)
			if cb.Type != 4 || len(cb.Data.Embeds) != 1 || !strings.Contains(cb.Data.Embeds[0].Title, "Healey") {
				t.Errorf("after the fault: %+v", cb)
			}
			h.running()
			if got := h.fake.Sessions(); got != tt.sessions {
				t.Errorf("%d sessions, want %d", got, tt.sessions)
			}
			got := []int{h.logs.count(lostLine), h.logs.count(resumedLine), h.logs.count(freshLine)}
			if got[0] != tt.logs[0] || got[1] != tt.logs[1] || got[2] != tt.logs[2] {
				t.Errorf("log lines lost/resumed/new session: %v, want %v:\n%s", got, tt.logs, h.logs)
			}
			if n := h.logs.count(atLeast(slog.LevelWarn)); n != tt.logs[2] {
				t.Errorf("%d lines at warn or above, want %d:\n%s", n, tt.logs[2], h.logs)
			}
		})
	}
}

// recoverFrom starts a bot on a fake Discord configured by cfg, has it
// answer once, brings the fault about, and checks the gateway ops the bot
// sent to come back.
func recoverFrom(t *testing.T, cfg fakediscord.Config, fault func(*harness) error, want []int) *harness {
	h := startHarnessWith(t, cfg, nil)
	h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief")))
	if err := fault(h); err != nil {
		t.Fatal(err)
	}
	ops, err := h.fake.WaitGateway(waitFor, 1+len(want))
	if err != nil {
		t.Fatalf("%v: the bot did not come back", err)
	}
	for i, op := range want {
		if ops[1+i].Op != op {
			t.Errorf("gateway op %d after the fault: %d, want %d", i+1, ops[1+i].Op, op)
		}
	}
	return h
}

// flap drops the connection n times, each time once the bot is back and
// answering.
func flap(n int) func(*harness) error {
	return func(h *harness) error {
		for i := range n {
			h.fake.Drop()
			if _, err := h.fake.WaitGateway(waitFor, 2+i); err != nil {
				return err
			}
			h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("help")))
		}
		return nil
	}
}

// TestE2EResumeReplaysLostEvents: an interaction sent just as the
// connection died, which the bot never read, reaches it in the events the
// gateway replays when the bot resumes, and is answered in time.
func TestE2EResumeReplaysLostEvents(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief")))
	id := h.id()
	if err := h.fake.DispatchLost("INTERACTION_CREATE", interaction(id, 2, testGuild, plainUser, nil, slash("who", "name", "Healey"))); err != nil {
		t.Fatal(err)
	}
	// Answered: the fake records a request before its status.
	r := h.next(func(r fakediscord.Request) bool { return r.Path == callbackPath(id) && r.Status != 0 })
	if cb := decode[callback](t, r.Body); r.Status != 204 || cb.Type != 4 || len(cb.Data.Embeds) != 1 {
		t.Errorf("the lost interaction's reply: status %d, %s", r.Status, r.Body)
	}
	// The replayed events come before RESUMED, so the resume may be
	// logged after the reply.
	h.logs.waitOnce(t, resumedLine, "resumes logged")
}

// TestE2EMalformedEvents: dispatches that are not what they claim to be
// are survived; one that can be answered is answered with an apology.
func TestE2EMalformedEvents(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	for _, ev := range []struct{ name, data string }{
		{"INTERACTION_CREATE", `null`},
		{"INTERACTION_CREATE", `{}`},
		{"INTERACTION_CREATE", `[1,2,3]`},
		{"INTERACTION_CREATE", `{"id":"810000000000000001","application_id":"` + fakediscord.AppID + `","type":99,"token":"tok-810000000000000001","version":1}`},
		{"INTERACTION_CREATE", `{"id":"810000000000000002","application_id":"` + fakediscord.AppID + `","type":3,"token":"tok-810000000000000002","version":1}`},
		{"MESSAGE_CREATE", `null`},
		{"MESSAGE_CREATE", `{"content":"who is x","author":null}`},
		{"NO_SUCH_EVENT", `{"x":1}`},
	} {
		if _, err := h.fake.DispatchRaw(ev.name, []byte(ev.data)); err != nil {
			t.Fatal(err)
		}
	}
	// A command whose data is not a command's: discordgo cannot decode it
	// and passes it on half-filled.
	bad := `{"id":"810000000000000003","application_id":"` + fakediscord.AppID + `","type":2,"token":"tok-810000000000000003","version":1,"channel_id":"` + testChannel + `","guild_id":"` + testGuild + `","member":{"user":{"id":"` + plainUser + `"},"roles":[]},"data":5}`
	if _, err := h.fake.DispatchRaw("INTERACTION_CREATE", []byte(bad)); err != nil {
		t.Fatal(err)
	}
	if r := h.next(func(r fakediscord.Request) bool { return r.Path == callbackPath("810000000000000003") }); !strings.Contains(string(r.Body), "could not be read") {
		t.Errorf("undecodable command: %s", r.Body)
	}
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief"))).Body)
	if cb.Type != 4 || len(cb.Data.Embeds) != 1 {
		t.Errorf("after malformed events: %+v", cb)
	}
	h.running()
	if n := h.logs.count(func(m map[string]any) bool { return m["outcome"] == outPanic || m["msg"] == "event handler panicked" }); n != 0 {
		t.Errorf("%d panics:\n%s", n, h.logs)
	}
}
