package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// httpHarness is a Bot in HTTP mode on 127.0.0.1, with Discord's side
// played by the test: a signer holding the application's key pair, made
// for the test, and a fake Discord for the REST calls that follow a first
// reply.
type httpHarness struct {
	*harness // fake, bot, dir, logs, ids; no gateway connection
	signer   *fakediscord.Signer
	url      string // the bot's listener, e.g. http://127.0.0.1:1234
	client   *http.Client
}

// startHTTP starts a bot in HTTP mode, with no token, and waits until it
// serves.
func startHTTP(t testing.TB, edit func(*Options)) *httpHarness {
	t.Helper()
	return startHTTPWithToken(t, "", edit)
}

// startHTTPWithToken is startHTTP with the bot's token given to RunHTTP, as
// `briefbot run --mode http` does when DISCORD_TOKEN is set.
func startHTTPWithToken(t testing.TB, token string, edit func(*Options)) *httpHarness {
	t.Helper()
	fake, err := fakediscord.Start(fakediscord.Config{})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := fakediscord.NewSigner()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &httpHarness{harness: &harness{t: t, fake: fake, dir: copySeeds(t), logs: newLogRecorder(), done: make(chan error, 1)},
		signer: signer, url: "http://" + ln.Addr().String(),
		client: &http.Client{Timeout: waitFor, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
	opts := Options{Service: serviceOf(t, dirLoader(h.dir)), Logger: slog.New(h.logs),
		AdminUsers: []string{adminUser}, AdminRoles: []string{adminRole},
		APIBase: fake.URL, Listener: ln, PublicKey: signer.Public}
	if edit != nil {
		edit(&opts)
	}
	if h.bot, err = New(opts); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.stop = cancel
	go func() { h.done <- h.bot.RunHTTP(ctx, token) }()
	t.Cleanup(func() {
		h.close()
		h.client.CloseIdleConnections()
	})
	if _, err := h.logs.wait(func(m map[string]any) bool { return m["msg"] == "serving HTTP interactions" }); err != nil {
		t.Fatal(err)
	}
	return h
}

// post sends body to the interactions endpoint, signed as Discord signs it
// unless tamper changes the request, and returns the status and body.
func (h *httpHarness) post(body []byte, tamper func(*http.Request)) (int, []byte) {
	h.t.Helper()
	req, err := h.signer.NewRequest(context.Background(), h.url+"/interactions", body)
	if err != nil {
		h.t.Fatal(err)
	}
	if tamper != nil {
		tamper(req)
	}
	status, out, err := do(h.client, req)
	if err != nil {
		h.t.Fatal(err)
	}
	return status, out
}

// do sends a request and reads the answer.
func do(c *http.Client, req *http.Request) (int, []byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, out, err
}

// ask posts an interaction as JSON and decodes the callback in the
// response, failing the test unless the status is 200.
func (h *httpHarness) ask(in map[string]any) callback {
	h.t.Helper()
	body, err := json.Marshal(in)
	if err != nil {
		h.t.Fatal(err)
	}
	status, out := h.post(body, nil)
	if status != http.StatusOK {
		h.t.Fatalf("status %d: %s", status, out)
	}
	// The reply Discord gets in the response is a callback like any other.
	checkPayload(h.t, "POST", callbackPath(fmt.Sprint(in["id"])), out)
	return decode[callback](h.t, out)
}

// get fetches a path of the listener.
func (h *httpHarness) get(path string) (int, string) {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, h.url+path, nil)
	status, out, err := do(h.client, req)
	if err != nil {
		h.t.Fatal(err)
	}
	return status, string(out)
}

// signedAt returns a tamper that signs the request again as of at.
func (h *httpHarness) signedAt(body []byte, at time.Time) func(*http.Request) {
	return func(r *http.Request) { h.signer.Sign(r.Header, body, at) }
}

// errTimeout is a wait that ran out.
var errTimeout = errors.New("timed out")

// waitUntil polls cond every few milliseconds until it holds or waitFor
// passes.
func waitUntil(cond func() bool) error {
	deadline := time.Now().Add(waitFor)
	for !cond() {
		if time.Now().After(deadline) {
			return errTimeout
		}
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}

// body is the JSON of v, for tests that post it as it is.
func body(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Clone(b)
}
