package bot

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestHTTPRefusalsLogged: refused requests are logged once a minute per
// reason at most, with how many there were; the rest when the bot stops.
func TestHTTPRefusalsLogged(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Now()}
	h := startHTTP(t, func(o *Options) { o.Now = c.now })
	unsigned := func(r *http.Request) { r.Header.Del("X-Signature-Ed25519") }
	tooLarge := bytes.Repeat([]byte(" "), maxBody+1)
	post := func(n int, b []byte, tamper func(*http.Request)) {
		for range n {
			h.post(b, tamper)
		}
	}
	type line struct {
		reason string
		count  int64
	}
	lines := func() []line {
		var out []line
		h.logs.mu.Lock()
		defer h.logs.mu.Unlock()
		for _, m := range *h.logs.recs {
			if m["msg"] == "HTTP requests refused" {
				out = append(out, line{fmt.Sprint(m["reason"]), m["count"].(int64)})
			}
		}
		return out
	}
	post(1000, []byte(`{}`), unsigned)
	post(3, tooLarge, nil)
	want := []line{{rejectSignature, 1}, {rejectTooLarge, 1}}
	if got := lines(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after 1,000 unsigned and 3 large requests: %v; want %v", got, want)
	}
	c.advance(rejectEvery)
	post(1, []byte(`{}`), unsigned) // a minute on: the 999 before it, and it
	want = append(want, line{rejectSignature, 1000})
	if got := lines(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("a minute later: %v; want %v", got, want)
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	want = append(want, line{rejectTooLarge, 2}) // logged at shutdown
	if got := lines(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after shutdown: %v; want %v", got, want)
	}
}

// TestLogFieldsClipped: what a client controls goes into a log line
// clipped, however long it is: a 200 KB command name over the gateway; over
// HTTP (whose bodies stop at maxBody) a 100 KB one, from a user and a guild
// whose ids are 60 KB each.
func TestLogFieldsClipped(t *testing.T) {
	t.Parallel()
	g := startHarness(t, nil)
	h := startHTTP(t, nil)
	long := func(n int) string { return strings.Repeat("é", n/2) }
	g.send(interaction(g.id(), 2, testGuild, plainUser, nil, slash(long(200<<10))))
	status, _ := h.post(body(t, interaction(h.id(), 2, long(60<<10), long(60<<10), nil, slash(long(100<<10)))), nil)
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	for _, logs := range []*logRecorder{g.logs, h.logs} {
		m, err := logs.wait(func(m map[string]any) bool { return m["msg"] == "interaction" })
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"command", "user", "guild"} {
			if v := fmt.Sprint(m[k]); utf8.RuneCountInString(v) > maxLogField {
				t.Errorf("%s: %d characters in the log line, want %d at most", k, utf8.RuneCountInString(v), maxLogField)
			}
		}
		if n := len(fmt.Sprint(m)); n > 4<<10 {
			t.Errorf("a log line of %d bytes", n)
		}
	}
}
