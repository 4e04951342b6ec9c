package main

import (
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestExampleConfigLoads(t *testing.T) {
	cfg, err := loadConfig("config.example.yaml")
	if err != nil {
		t.Fatalf("config.example.yaml does not load:\n%v", err)
	}
	if !reflect.DeepEqual(cfg, defaultConfig()) {
		t.Errorf("the example's values are not the defaults:\n got %+v\nwant %+v", cfg, defaultConfig())
	}
	// The rate limit the issue asks for, unless configured otherwise.
	if d := defaultConfig(); d.RateBurst != 5 || d.RateEvery != 2*time.Second {
		t.Errorf("default rate limit: a burst of %d, then one every %s; want 5 and 2s", d.RateBurst, d.RateEvery)
	}
}

func TestParseConfig(t *testing.T) {
	good := `
discord:
  application_id: "123456789012345678"
  guild_ids: ["223456789012345678", 323456789012345678]
  api_base_url: http://127.0.0.1:8080/
admins:
  user_ids: ["423456789012345678"]
  role_ids: []
facts_dir: /srv/facts
log: {level: debug, format: json}
rate_limit: {burst: 0, every: 500ms}
replies: {visibility: private}
`
	cfg, err := parseConfig("c.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	want := config{Mode: modeGateway, ApplicationID: "123456789012345678", GuildIDs: []string{"223456789012345678", "323456789012345678"},
		APIBaseURL: "http://127.0.0.1:8080", ShardCount: 1, AdminUsers: []string{"423456789012345678"}, FactsDir: "/srv/facts",
		Watch: true, Debounce: time.Second, Poll: time.Minute,
		LogLevel: slog.LevelDebug, LogFormat: "json", RateBurst: 0, RateEvery: 500 * time.Millisecond, Private: true}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("got  %+v\nwant %+v", cfg, want)
	}
	for _, empty := range []string{"", "# nothing\n", "~\n"} {
		if cfg, err := parseConfig("c.yaml", []byte(empty)); err != nil || !reflect.DeepEqual(cfg, defaultConfig()) {
			t.Errorf("%q: %v, %+v", empty, err, cfg)
		}
	}
}

// TestConfigErrors: every problem at once, each with file:line.
func TestConfigErrors(t *testing.T) {
	bad := `discord:
  application_id: 12345
  guild_ids: "223456789012345678"
  api_base_url: ftp://example.com
  token: s3cr3t-t0ken
admins:
  user_ids: [abc]
log:
  level: loud
  format: xml
rate_limit:
  burst: -1
  every: 2
replies:
  visibility: everyone
colour: red
log: {}
`
	_, err := parseConfig("c.yaml", []byte(bad))
	if err == nil {
		t.Fatal("a bad config loaded")
	}
	for _, want := range []string{
		`c.yaml:2: "12345" is not a Discord id`,
		`c.yaml:3: want a list of Discord ids`,
		`c.yaml:4: "ftp://example.com": want an https URL`,
		`c.yaml:5: "token": the token goes in $DISCORD_TOKEN, never in the config file`,
		`c.yaml:7: "abc" is not a Discord id`,
		`c.yaml:9: "loud": want one of debug, info, warn, error`,
		`c.yaml:10: "xml": want one of text, json`,
		`c.yaml:12: "-1": want a whole number from 0 to 1000`,
		`c.yaml:13: "2": want a duration`,
		`c.yaml:15: "everyone": want one of public, private`,
		`c.yaml:16: unknown field "colour" in the top level`,
		`c.yaml:17: field "log" given twice in the top level`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "s3cr3t-t0ken") {
		t.Errorf("the errors quote a token put in the file:\n%v", err)
	}
	if _, err := parseConfig("c.yaml", []byte("discord: [\n")); err == nil || !strings.Contains(err.Error(), "c.yaml:1: malformed YAML") {
		t.Errorf("malformed YAML: %v", err)
	}
}

func TestConfigFactsDirRelativeToFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bot.yaml")
	if err := os.WriteFile(path, []byte("facts_dir: facts\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "facts"); cfg.FactsDir != want {
		t.Errorf("facts_dir = %s, want %s", cfg.FactsDir, want)
	}
}

func TestRegisterDryRun(t *testing.T) {
	out, errs, code := runT(t, "", "register", "--dry-run", "--config", "config.example.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var cmds []map[string]any
	if err := json.Unmarshal([]byte(out), &cmds); err != nil {
		t.Fatalf("stdout is not the JSON body: %v\n%s", err, out)
	}
	if len(cmds) < 9 || !strings.Contains(errs, "would PUT https://discord.com/api/v9/applications/") {
		t.Errorf("%d commands; stderr %q", len(cmds), errs)
	}
}

func TestRunAndRegisterErrors(t *testing.T) {
	dir := t.TempDir()
	badCfg := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badCfg, []byte("replies:\n  visibility: loud\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	httpCfg := filepath.Join(dir, "http.yaml")
	if err := os.WriteFile(httpCfg, []byte("mode: http\ndiscord: {public_key: "+testKey+"}\nhttp: {listen: \""+taken.Addr().String()+"\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	twoCfg := filepath.Join(dir, "two.yaml")
	if err := os.WriteFile(twoCfg, []byte("http: {listen: \"127.0.0.1:0\", metrics_listen: \"127.0.0.1:0\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		token string
		code  int
		want  string
	}{
		{"run without a token", []string{"run"}, "", 2, "DISCORD_TOKEN is not set"},
		{"run with a bad config", []string{"run", "--config", badCfg}, "t", 2, badCfg + ":2:"},
		{"run with a missing config", []string{"run", "--config", filepath.Join(dir, "none.yaml")}, "t", 2, "no such file"},
		{"run with an argument", []string{"run", "extra"}, "t", 2, "unexpected argument"},
		{"run with a bad mode", []string{"run", "--mode", "websocket"}, "t", 2, "want gateway or http"},
		{"HTTP mode without a public key", []string{"run", "--mode", "http"}, "", 2, "discord.public_key"},
		{"HTTP mode on a taken port", []string{"run", "--config", httpCfg}, "", 1, "http.listen"},
		{"gateway mode with two listeners", []string{"run", "--config", twoCfg}, "t", 2, "leave http.listen empty"},
		{"register without a token", []string{"register"}, "", 2, "DISCORD_TOKEN is not set"},
		{"register without an application id", []string{"register"}, "t", 2, "application_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := runEnv(t, map[string]string{"DISCORD_TOKEN": tt.token}, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.want)
			}
		})
	}
}

// TestRunReachesAPIBase: `run` goes where api_base_url says, and a refused
// connection ends it with an error that does not show the token.
func TestRunReachesAPIBase(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path+" "+r.Header.Get("Authorization"))
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"message": "401: Unauthorized", "code": 0}`)) //nolint:errcheck // a test server
	}))
	defer srv.Close()
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(cfg, []byte("discord:\n  api_base_url: "+srv.URL+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const token = "very-secret-token"
	_, errs, code := runEnv(t, map[string]string{"DISCORD_TOKEN": token}, "run", "--config", cfg)
	if code != 1 || !strings.Contains(errs, "connecting to the gateway") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if strings.Contains(errs, token) {
		t.Error("the token shows in the output")
	}
	if len(paths) != 1 || paths[0] != "/api/v9/gateway Bot "+token {
		t.Errorf("requests: %q", paths)
	}
}

func runEnv(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb strings.Builder
	err := run(t.Context(), args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errb)
	if err != nil {
		code = exitCode(err)
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), code
}

// TestConfigFeedback: feedback.channel_id is a Discord id, read like the
// others, passed to the bot; empty (the default) turns reports off.
func TestConfigFeedback(t *testing.T) {
	for _, c := range []struct{ yaml, want, err string }{
		{"feedback: {channel_id: \"730000000000000001\"}\n", "730000000000000001", ""},
		{"feedback: {channel_id: 730000000000000001}\n", "730000000000000001", ""},
		{"feedback: {channel_id: \"\"}\n", "", ""},
		{"feedback: {}\n", "", ""},
		{"feedback: {channel_id: \"#curators\"}\n", "", `c.yaml:1: "#curators" is not a Discord id`},
		{"feedback: {channel_id: [1]}\n", "", `c.yaml:1: want a Discord id`},
		{"feedback: {channel: \"730000000000000001\"}\n", "", `unknown field "channel" in feedback`},
	} {
		cfg, err := parseConfig("c.yaml", []byte(c.yaml))
		switch {
		case c.err == "" && (err != nil || cfg.FeedbackChannel != c.want):
			t.Errorf("%q: %q, %v; want %q", c.yaml, cfg.FeedbackChannel, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.err)
		}
	}
	if got := botOptions(config{FeedbackChannel: "730000000000000001"}, slog.Default()).FeedbackChannel; got != "730000000000000001" {
		t.Errorf("bot.Options.FeedbackChannel = %q", got)
	}
}
