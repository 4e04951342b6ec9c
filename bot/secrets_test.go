package bot

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/fakediscord"
)

// echoAuth is an error answer that quotes the request's Authorization
// header back, as a careless proxy might: whatever the bot logs of it must
// not carry the token on.
var echoAuth = fakediscord.Fault{Status: 401, Body: `{"message":"401: Unauthorized ({auth})","code":0}`}

// TestE2ESecretsStayHidden plants a token and provokes every failure that
// could repeat it while the bot serves: REST errors quoting the
// Authorization header (reply, edit, DM), a panic whose message holds it.
// The token is in none of the logs. (Every harness also checks its logs
// for it.) TestE2ESecretsAtStartup does the same for start-up.
func TestE2ESecretsStayHidden(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(o *Options) { o.DeferAfter = 50 * time.Millisecond })
	beforeHandling(h.bot, func(command string) {
		switch command {
		case "brief":
			panic("library bug while holding " + testToken)
		case "search":
			time.Sleep(150 * time.Millisecond) // deferred, then edited
		}
	})
	callbackID, editID := h.id(), h.id()
	h.fake.Inject(fakediscord.PathHas("tok-"+callbackID), 1, echoAuth)
	h.fake.Inject(func(m, p string) bool { return m == "PATCH" && strings.Contains(p, "tok-"+editID) }, 1, echoAuth)
	h.fake.Inject(fakediscord.PathHas("/channels/"), 1, echoAuth)
	h.dispatch(interaction(callbackID, 2, testGuild, plainUser, nil, slash("who", "name", "Healey")))
	h.dispatch(interaction(editID, 2, testGuild, plainUser, nil, slash("search", "query", "sanctions")))
	h.dispatch(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief")))
	h.dm(h.id(), plainUser, "who is healey")
	if err := h.logs.waitCount(func(m map[string]any) bool { return m["outcome"] == outError || m["outcome"] == outPanic }, 4); err != nil {
		t.Fatalf("%v:\n%s", err, h.logs)
	}
	var echoed int
	for _, r := range h.fake.Requests() {
		if r.Auth != "Bot "+testToken && r.Path != "/gateway" {
			t.Errorf("%s %s was sent with Authorization %q; the test's token is not the one used", r.Method, r.Path, r.Auth)
		}
		if r.Status == 401 {
			echoed++
		}
	}
	if echoed != 3 || h.logs.count(func(m map[string]any) bool { return strings.Contains(fmtAny(m["err"]), redacted) }) != 4 {
		t.Errorf("%d answers quoted the token, want 3; the log lines that hid it:\n%s", echoed, h.logs)
	}
	// close checks the logs for the token.
}

// TestE2ESecretsAtStartup: failures at start-up that could repeat the
// token (a gateway that closes with it in the reason, a registration
// refused quoting the Authorization header, by Run or by Register) come
// back as errors that hide it, and the logs do not hold it.
func TestE2ESecretsAtStartup(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		cfg   fakediscord.Config
		fault bool // registration fails, quoting the token
		says  string
	}{
		{"gateway refuses the token", fakediscord.Config{RejectIdentify: true}, false, "4004"},
		{"registration refused", fakediscord.Config{}, true, "registering commands"},
	} {
		fake, err := fakediscord.Start(tt.cfg)
		if err != nil {
			t.Fatal(err)
		}
		if tt.fault {
			fake.Inject(func(m, _ string) bool { return m == "PUT" }, 1, echoAuth)
		}
		logs := newLogRecorder()
		b := newTestBot(t, func(o *Options) { o.APIBase, o.AppID, o.Logger = fake.URL, fakediscord.AppID, slog.New(logs) })
		ctx, cancel := context.WithTimeout(context.Background(), waitFor)
		err = b.Run(ctx, "Bot "+testToken)
		cancel()
		fake.Close()
		if err == nil || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), redacted) {
			t.Errorf("%s: Run returned %v; want an error about %s with the token %s", tt.name, err, tt.says, redacted)
		}
		if err != nil && strings.Contains(err.Error(), testToken) || strings.Contains(logs.String(), testToken) {
			t.Errorf("%s: the token is in the error or the logs: %v\n%s", tt.name, err, logs)
		}
	}

	// `briefbot register` too.
	fake, err := fakediscord.Start(fakediscord.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	fake.Inject(func(m, _ string) bool { return m == "PUT" }, 1, echoAuth)
	err = Register(commands.NewTable(), Options{AppID: fakediscord.AppID, APIBase: fake.URL}, testToken)
	if err == nil || strings.Contains(err.Error(), testToken) || !strings.Contains(err.Error(), redacted) {
		t.Errorf("Register: %v; want an error with the token %s", err, redacted)
	}
}

func fmtAny(v any) string {
	s, _ := v.(string)
	return s
}
