package bot

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawGet sends GET path on a connection and reads the answer.
func rawGet(c net.Conn, r *bufio.Reader, path string) (int, error) {
	if _, err := fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: bot\r\n\r\n", path); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// TestHTTPConnectionCap: past maxConns open connections, a new one is
// answered 503 and closed, and counted; once one closes, the next is
// served.
func TestHTTPConnectionCap(t *testing.T) {
	t.Parallel()
	const limit = 4
	h := startHTTP(t, func(o *Options) { o.maxConns = limit })
	addr := strings.TrimPrefix(h.url, "http://")
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	dial := func() (int, net.Conn) {
		c, err := net.DialTimeout("tcp", addr, waitFor)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.SetDeadline(time.Now().Add(waitFor))
		status, err := rawGet(c, bufio.NewReader(c), "/healthz")
		if err != nil {
			t.Fatalf("GET /healthz: %v", err)
		}
		return status, c
	}
	for range limit {
		status, c := dial()
		conns = append(conns, c)
		if status != http.StatusOK {
			t.Fatalf("connection %d: %d, want 200", len(conns), status)
		}
	}
	status, c := dial()
	c.Close()
	if status != http.StatusServiceUnavailable {
		t.Errorf("a connection past the cap: %d, want 503", status)
	}
	conns[0].Close()
	conns = conns[1:]
	err := waitUntil(func() bool {
		status, c := dial()
		if status == http.StatusOK {
			conns = append(conns, c)
			return true
		}
		c.Close()
		return false
	})
	if err != nil {
		t.Error("no connection served after one closed")
	}
	if got := rejected(t, h.bot, rejectConnections); got < 1 {
		t.Errorf("%v connections refused counted, want at least 1", got)
	}
}

// TestHTTPSlowAndIdleClients: a client that never finishes its request's
// head, and a keep-alive connection left idle, are dropped by the bot
// (here after 100 ms; by default 2 s and 10 s).
func TestHTTPSlowAndIdleClients(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, func(o *Options) {
		o.timeouts = httpTimeouts{readHeader: 100 * time.Millisecond, idle: 100 * time.Millisecond}
	})
	addr := strings.TrimPrefix(h.url, "http://")
	tests := []struct {
		name  string
		start func(c net.Conn, r *bufio.Reader) error
	}{
		{"slow head", func(c net.Conn, _ *bufio.Reader) error {
			_, err := fmt.Fprint(c, "POST /interactions HTTP/1.1\r\nHost: bot\r\n")
			return err
		}},
		{"idle keep-alive", func(c net.Conn, r *bufio.Reader) error {
			status, err := rawGet(c, r, "/healthz")
			if err == nil && status != http.StatusOK {
				err = fmt.Errorf("GET /healthz: %d", status)
			}
			return err
		}},
	}
	for _, tt := range tests {
		c, err := net.DialTimeout("tcp", addr, waitFor)
		if err != nil {
			t.Fatal(err)
		}
		r := bufio.NewReader(c)
		if err := tt.start(c, r); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		_ = c.SetReadDeadline(time.Now().Add(waitFor))
		_, err = r.ReadByte()
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Errorf("%s: the connection is still open after %s", tt.name, waitFor)
		}
		c.Close()
	}
}

// TestHTTPMetricsListener: with a metrics listener, /healthz and /metrics
// are served there only, and the interactions endpoint on the main
// listener only.
func TestHTTPMetricsListener(t *testing.T) {
	t.Parallel()
	mln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := startHTTP(t, func(o *Options) { o.MetricsListener = mln })
	metricsURL := "http://" + mln.Addr().String()
	tests := []struct {
		url, method, path string
		status            int
	}{
		{h.url, "GET", "/healthz", 404},
		{h.url, "GET", "/metrics", 404},
		{h.url, "POST", "/interactions", 401}, // served, and unsigned
		{metricsURL, "GET", "/healthz", 200},
		{metricsURL, "GET", "/metrics", 200},
		{metricsURL, "POST", "/interactions", 404},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, tt.url+tt.path, bytes.NewReader(nil))
		status, _, err := do(h.client, req)
		if err != nil || status != tt.status {
			t.Errorf("%s %s on the %s listener: %d %v, want %d", tt.method, tt.path,
				map[bool]string{true: "metrics", false: "main"}[tt.url == metricsURL], status, err, tt.status)
		}
	}
}
