package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/fakediscord"
)

// TestAskDiscordFormat: `ask --format discord` prints the interaction
// response the bot would send, one JSON object a line.
func TestAskDiscordFormat(t *testing.T) {
	out, errs, code := runT(t, "", "ask", "--format", "discord", "/who Witkoff")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Type int `json:"type"`
		Data struct {
			Embeds []struct {
				Title string `json:"title"`
			} `json:"embeds"`
			AllowedMentions struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Type != 4 || len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Title, "Witkoff") || r.Data.AllowedMentions.Parse == nil {
		t.Errorf("response: %s", out)
	}
	out, _, _ = runT(t, "/timeline\n/frob\n", "ask", "--format", "discord", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"custom_id":"bb1:n:1:timeline"`) || !strings.Contains(lines[1], `"error"`) {
		t.Errorf("stdin mode:\n%s", out)
	}
}

// reloadCounter stands in for the bot: it counts reloads.
type reloadCounter struct{ n atomic.Int32 }

func (r *reloadCounter) Reload() (commands.Answer, bool) { r.n.Add(1); return commands.Answer{}, true }

// TestSIGHUPReloads sends SIGHUP to the test process twice: each reloads,
// and the process, which would exit on an uncaught SIGHUP, lives on.
func TestSIGHUPReloads(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &reloadCounter{}
	watchHUP(ctx, slog.New(slog.DiscardHandler), r)
	for want := int32(1); want <= 2; want++ {
		if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for r.n.Load() < want && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if got := r.n.Load(); got != want {
			t.Fatalf("%d reloads after %d SIGHUPs", got, want)
		}
	}
}

// helperEnv makes the test binary run briefbot's main instead of the tests
// (see TestMain), so that a test can run the real program in a process of
// its own and send it signals.
const helperEnv = "BRIEFBOT_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" {
		main() // os.Args are briefbot's: run --config FILE
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// plantedToken is a token the secrets tests look for everywhere.
const plantedToken = "PLANTED.main-token.Vb8Nq3Ws6Ty1"

// botConfig writes a config that points the bot at a fake Discord.
func botConfig(t *testing.T, fake *fakediscord.Server) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	cfg := fmt.Sprintf("discord:\n  application_id: %q\n  guild_ids: [\"700000000000000001\"]\n  api_base_url: %s\nlog: {format: json}\n",
		fakediscord.AppID, fake.URL)
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// startFake starts a fake Discord, closed when the test ends.
func startFake(t *testing.T, cfg fakediscord.Config) *fakediscord.Server {
	t.Helper()
	fake, err := fakediscord.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(fake.Close)
	return fake
}

// TestSIGTERMFinishesReplies runs `briefbot run` as a process against a
// fake Discord, sends it SIGTERM while a reply is in flight (the fake holds
// the callback), and checks that the reply is finished, the process exits
// 0, and its output never shows the token.
func TestSIGTERMFinishesReplies(t *testing.T) {
	fake := startFake(t, fakediscord.Config{})
	fake.Inject(func(m, p string) bool { return m == "POST" && strings.HasSuffix(p, "/callback") }, 1,
		fakediscord.Fault{Delay: 700 * time.Millisecond})
	cmd := exec.Command(os.Args[0], "run", "--config", botConfig(t, fake))
	cmd.Env = append(os.Environ(), helperEnv+"=1", "DISCORD_TOKEN="+plantedToken)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			<-exited
		}
	}()
	const wait = 20 * time.Second
	if _, _, err := fake.WaitRequest(wait, 0, func(r fakediscord.Request) bool { return r.Method == "PUT" && r.Status == 200 }); err != nil {
		t.Fatalf("the bot did not register: %v", err)
	}
	in := map[string]any{"id": "800000000000000001", "application_id": fakediscord.AppID, "type": 2, "token": "tok-1", "version": 1,
		"guild_id": "700000000000000001", "channel_id": "710000000000000001",
		"member": map[string]any{"user": map[string]any{"id": "500000000000000003", "username": "u"}, "roles": []string{}},
		"data":   map[string]any{"id": "900000000000000001", "name": "brief", "type": 1}}
	if _, err := fake.Dispatch("INTERACTION_CREATE", in); err != nil {
		t.Fatal(err)
	}
	callback := func(r fakediscord.Request) bool { return strings.HasSuffix(r.Path, "/tok-1/callback") }
	if _, _, err := fake.WaitRequest(wait, 0, callback); err != nil {
		t.Fatalf("no reply in flight: %v", err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-exited:
	case <-time.After(wait):
		t.Fatalf("still running %s after SIGTERM:\n%s", wait, &stderr)
	}
	if err != nil {
		t.Errorf("exit: %v; want status 0\n%s", err, &stderr)
	}
	if _, _, err := fake.WaitRequest(wait, 0, func(r fakediscord.Request) bool { return callback(r) && r.Status == 204 }); err != nil {
		t.Errorf("the reply in flight at SIGTERM was not finished: %v", err)
	}
	checkShutdownLog(t, stderr.String(), stdout.String())
}

// checkShutdownLog checks what a bot stopped by SIGTERM with a reply in
// flight logged: the shutdown, then the reply finished, and never the token.
func checkShutdownLog(t *testing.T, logs, stdout string) {
	t.Helper()
	for _, want := range []string{`"msg":"shutting down"`, `"outcome":"ok"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log lacks %s:\n%s", want, logs)
		}
	}
	if i, j := strings.Index(logs, `"msg":"shutting down"`), strings.Index(logs, `"msg":"interaction"`); i < 0 || j < i {
		t.Errorf("the reply was not in flight at SIGTERM: it is logged before the shutdown:\n%s", logs)
	}
	if strings.Contains(logs, "still in flight") || strings.Contains(logs+stdout, plantedToken) {
		t.Errorf("replies given up, or the token shown:\n%s", logs)
	}
}

// TestTokenNeverShown runs every command that gets the token, and ways for
// them to fail, and looks for the token in all their output and errors.
func TestTokenNeverShown(t *testing.T) {
	rejecting := startFake(t, fakediscord.Config{RejectIdentify: true})
	echoing := startFake(t, fakediscord.Config{})
	echoing.Inject(func(m, _ string) bool { return m == "PUT" }, 2, fakediscord.Fault{Status: 401, Body: `{"message":"bad {auth}","code":0}`})
	tokenInFile := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(tokenInFile, []byte("token: "+plantedToken+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"register --dry-run", []string{"register", "--dry-run", "--config", botConfig(t, echoing)}, 0, "would PUT"},
		{"register refused", []string{"register", "--config", botConfig(t, echoing)}, 1, "401"},
		{"run, registration refused", []string{"run", "--config", botConfig(t, echoing)}, 1, "registering commands"},
		{"run, gateway refuses the token", []string{"run", "--config", botConfig(t, rejecting)}, 1, "4004"},
		{"token in the config file", []string{"run", "--config", tokenInFile}, 2, "$DISCORD_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runEnv(t, map[string]string{"DISCORD_TOKEN": plantedToken}, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.want)
			}
			if strings.Contains(out+errs, plantedToken) {
				t.Errorf("the token is shown:\nstdout: %s\nstderr: %s", out, errs)
			}
		})
	}
}

// TestRunMetricsListen: with http.metrics_listen, `run --mode http` serves
// /healthz and /metrics there only, and the interactions endpoint on
// http.listen only.
func TestRunMetricsListen(t *testing.T) {
	signer, err := fakediscord.NewSigner()
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	conf := "mode: http\ndiscord: {public_key: " + signer.PublicHex() + "}\nhttp: {listen: \"127.0.0.1:0\", metrics_listen: \"127.0.0.1:0\"}\nlog: {format: json}\n"
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := startReplica(ctx, t, cfg)
	defer func() {
		cancel()
		if err := <-r.done; err != nil {
			t.Errorf("run: %v", err)
		}
	}()
	main := "http://" + waitLog(t, r.log, regexp.MustCompile(`"msg":"listening","addr":"([^"]+)","serves":"/interactions"`))[1]
	metrics := "http://" + waitLog(t, r.log, regexp.MustCompile(`"msg":"listening","addr":"([^"]+)","serves":"/healthz /metrics"`))[1]
	tests := []struct {
		url    string
		status int
	}{
		{main + "/healthz", 404},
		{main + "/metrics", 404},
		{metrics + "/healthz", 200},
		{metrics + "/metrics", 200},
		{metrics + "/interactions", 404},
	}
	for _, tt := range tests {
		resp, err := http.Get(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s: %d, want %d", tt.url, resp.StatusCode, tt.status)
		}
	}
}
