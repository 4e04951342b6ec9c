package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/corpus"
	"github.com/briefbot/briefbot/internal/fakediscord"
)

// Snowflakes of the test world.
const (
	testGuild     = "700000000000000001"
	testChannel   = "710000000000000001"
	testDM        = "720000000000000001"
	adminUser     = "500000000000000001"
	adminRoleUser = "500000000000000002"
	plainUser     = "500000000000000003"
	adminRole     = "600000000000000001"
)

const waitFor = 10 * time.Second

// harness is a Bot running its real discordgo Session against a fake
// Discord on 127.0.0.1, with the facts folder in a temporary directory so
// that tests can change it and reload.
type harness struct {
	t     testing.TB
	fake  *fakediscord.Server
	bot   *Bot
	dir   string
	logs  *logRecorder
	stop  context.CancelFunc
	done  chan error
	ids   atomic.Int64
	since int // requests already looked at

	shutOnce sync.Once
	runErr   error
}

// testToken is the token every harness bot runs with; the fake never
// checks it, and the secrets tests look for it everywhere.
const testToken = "PLANTED.test-token.Xq7Zr9Lm2Kd4"

// copySeeds writes the embedded seed folder to a new temporary directory.
func copySeeds(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.CopySeeds(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startHarness starts a fake Discord and a bot connected to it, and waits
// until the bot has identified and registered its commands. edit adjusts
// the options before the bot is made.
func startHarness(t testing.TB, edit func(*Options)) *harness {
	t.Helper()
	return startHarnessWith(t, fakediscord.Config{}, edit)
}

// startHarnessWith is startHarness with a fake Discord configured by cfg.
func startHarnessWith(t testing.TB, cfg fakediscord.Config, edit func(*Options)) *harness {
	t.Helper()
	fake, err := fakediscord.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, fake: fake, dir: copySeeds(t), logs: newLogRecorder(), done: make(chan error, 1)}
	opts := Options{Service: serviceOf(t, dirLoader(h.dir)),
		Logger:     slog.New(h.logs),
		AppID:      fakediscord.AppID,
		GuildIDs:   []string{testGuild},
		AdminUsers: []string{adminUser}, AdminRoles: []string{adminRole},
		APIBase: fake.URL}
	if edit != nil {
		edit(&opts)
	}
	h.bot, err = New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.stop = cancel
	go func() { h.done <- h.bot.Run(ctx, testToken) }()
	t.Cleanup(h.close)
	if _, err := fake.WaitGateway(waitFor, 1); err != nil {
		t.Fatal(err)
	}
	h.next(func(r fakediscord.Request) bool { return r.Method == "PUT" })
	return h
}

// close stops the bot, checks it shut down cleanly, and checks every
// payload the fake received against Discord's limits and OpenAPI spec.
func (h *harness) close() {
	if err := h.shutdown(); err != nil {
		h.t.Errorf("Run: %v", err)
	}
	h.fake.Close()
	// Identical payloads (the load test sends thousands) are checked once.
	seen := map[string]bool{}
	for _, r := range h.fake.Requests() {
		key := r.Method + " " + templatePath(r.Path) + " " + string(r.Body)
		if !seen[key] {
			seen[key] = true
			checkPayload(h.t, r.Method, r.Path, r.Body)
		}
	}
	if strings.Contains(h.logs.String(), testToken) {
		h.t.Errorf("the token is in the logs:\n%s", h.logs)
	}
}

// shutdown cancels Run's context, as SIGTERM does, and returns what Run
// returned; the second time, it returns that again.
func (h *harness) shutdown() error {
	h.stop()
	h.shutOnce.Do(func() {
		select {
		case h.runErr = <-h.done:
		case <-time.After(waitFor):
			h.runErr = errors.New("Run did not return after cancel")
		}
	})
	return h.runErr
}

// templatePath replaces the ids and tokens of a path with one placeholder,
// so that payloads sent to different interactions compare equal.
func templatePath(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, "tok-") || (len(p) >= 17 && strings.Trim(p, "0123456789") == "") {
			parts[i] = "{}"
		}
	}
	return strings.Join(parts, "/")
}

// next waits for the next request that matches, after those already seen.
func (h *harness) next(match func(fakediscord.Request) bool) fakediscord.Request {
	h.t.Helper()
	r, i, err := h.fake.WaitRequest(waitFor, h.since, match)
	if err != nil {
		h.t.Fatalf("%v; received: %s", err, h.summary())
	}
	h.since = i + 1
	return r
}

func (h *harness) summary() string {
	var b strings.Builder
	for _, r := range h.fake.Requests() {
		fmt.Fprintf(&b, "\n  %s %s %.200s", r.Method, r.Path, r.Body)
	}
	return b.String()
}

// id returns a fresh interaction id.
func (h *harness) id() string { return fmt.Sprintf("8%017d", h.ids.Add(1)) }

// interaction is an INTERACTION_CREATE payload. A guild interaction has a
// member; a DM one has a user and no guild_id. It takes one parameter per
// field a test varies, so that each of the hundred calls reads as the
// interaction it sends.
func interaction(id string, typ int, guild, user string, roles []string, data map[string]any) map[string]any {
	in := map[string]any{"id": id, "application_id": fakediscord.AppID, "type": typ, "token": "tok-" + id,
		"version": 1, "channel_id": testChannel, "data": data, "locale": "en-GB"}
	u := map[string]any{"id": user, "username": "user" + user[len(user)-3:], "discriminator": "0"}
	if guild != "" {
		in["guild_id"] = guild
		in["member"] = map[string]any{"user": u, "roles": roles, "permissions": "0"}
	} else {
		in["user"] = u
		in["channel_id"] = testDM
	}
	return in
}

// slash is the data of a chat command with string options.
func slash(name string, opts ...string) map[string]any {
	var os []map[string]any
	for i := 0; i+1 < len(opts); i += 2 {
		os = append(os, map[string]any{"name": opts[i], "type": 3, "value": opts[i+1]})
	}
	return map[string]any{"id": "900000000000000001", "name": name, "type": 1, "options": os}
}

// send dispatches an interaction and returns the callback the bot posts.
func (h *harness) send(in map[string]any) fakediscord.Request {
	h.t.Helper()
	if _, err := h.fake.Dispatch("INTERACTION_CREATE", in); err != nil {
		h.t.Fatal(err)
	}
	path := callbackPath(in["id"].(string))
	return h.next(func(r fakediscord.Request) bool { return r.Path == path })
}

// callback is an interaction callback as the fake received it.
type callback struct {
	Type int `json:"type"`
	Data struct {
		Content         string      `json:"content"`
		Flags           int         `json:"flags"`
		Embeds          []wireEmbed `json:"embeds"`
		Components      []wireRow   `json:"components"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Choices []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

func decode[T any](t testing.TB, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
	return v
}

// logLine waits for the log line of the interaction or DM that matches.
func (h *harness) logLine(match func(map[string]any) bool) (map[string]any, error) {
	return h.logs.wait(func(m map[string]any) bool { return m["msg"] == "interaction" && match(m) })
}

// callbackPath is the path of the first reply to interaction id.
func callbackPath(id string) string { return fmt.Sprintf("/interactions/%s/tok-%s/callback", id, id) }

// dispatch sends an interaction without waiting for anything.
func (h *harness) dispatch(in map[string]any) {
	h.t.Helper()
	if _, err := h.fake.Dispatch("INTERACTION_CREATE", in); err != nil {
		h.t.Fatal(err)
	}
}

// dm sends a direct message from user.
func (h *harness) dm(id, user, content string) {
	h.t.Helper()
	m := map[string]any{"id": id, "channel_id": testDM, "content": content, "type": 0,
		"author": map[string]any{"id": user, "username": "someone", "discriminator": "0"}}
	if _, err := h.fake.Dispatch("MESSAGE_CREATE", m); err != nil {
		h.t.Fatal(err)
	}
}

// running checks that Run has not returned.
func (h *harness) running() {
	h.t.Helper()
	select {
	case err := <-h.done:
		h.done <- err
		h.t.Fatalf("Run returned: %v", err)
	default:
	}
}
