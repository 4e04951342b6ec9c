package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/testlog"

	"github.com/briefbot/briefbot/internal/corpus"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/fakediscord"
)

// waitLog waits until the log matches re, and returns the first match's
// submatches.
func waitLog(t *testing.T, log *testlog.Buffer, re *regexp.Regexp) []string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(log.String()); m != nil {
			return m
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("the log never matched %s:\n%s", re, log)
	return nil
}

// replica is `briefbot run --mode http` running in the test's process.
type replica struct {
	url  string // its interactions endpoint
	log  *testlog.Buffer
	done chan error
}

func startReplica(ctx context.Context, t *testing.T, cfg string) *replica {
	t.Helper()
	r := &replica{log: &testlog.Buffer{}, done: make(chan error, 1)}
	go func() {
		r.done <- run(ctx, []string{"run", "--mode", "http", "--config", cfg}, func(string) string { return "" },
			strings.NewReader(""), io.Discard, r.log)
	}()
	r.url = waitLog(t, r.log, regexp.MustCompile(`"msg":"serving HTTP interactions","url":"([^"]+)"`))[1]
	return r
}

// TestReplicasBehindLoadBalancer runs two HTTP-mode replicas sharing one
// facts folder behind a round-robin proxy, as the README's deployment
// does: 1,000 signed interactions of every kind are all answered, each
// replica serving its share; then a change to the folder reloads both, and
// both report the new fact base version in /about.
func TestReplicasBehindLoadBalancer(t *testing.T) {
	fake := startFake(t, fakediscord.Config{})
	signer, err := fakediscord.NewSigner()
	if err != nil {
		t.Fatal(err)
	}
	factsDir, cfg := replicaConfig(t, signer.PublicHex(), fake.URL)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	replicas := []*replica{startReplica(ctx, t, cfg), startReplica(ctx, t, cfg)}

	proxy, served := roundRobin(replicas)
	defer proxy.Close()

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	defer client.CloseIdleConnections()
	const total = 1000
	askMany(t, client, signer, proxy.URL, total)
	for i := range replicas {
		if n := served[i].Load(); n < total/4 {
			t.Errorf("replica %d served %d of %d", i, n, total)
		}
	}

	// A `git pull` on the shared folder: both replicas reload by themselves.
	if err := os.WriteFile(filepath.Join(factsDir, "zz_late.txt"), []byte("A late article\n\nThe talks went on late.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _, err := loadFolder(factsDir, facts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range replicas {
		waitLog(t, r.log, regexp.MustCompile(`"msg":"reloaded","story":"default","version":"`+want.Version()+`"`))
		about, err := askAbout(client, signer, r.url)
		if err != nil || !strings.Contains(about, want.Version()) || !strings.Contains(about, "6") {
			t.Errorf("replica %d /about: %v\n%s", i, err, about)
		}
	}
	cancel()
	for i, r := range replicas {
		if err := <-r.done; err != nil {
			t.Errorf("replica %d: %v\n%s", i, err, r.log)
		}
	}
}

// replicaConfig writes a seeds folder and an HTTP-mode config serving it,
// for replicas to share, and returns both paths.
func replicaConfig(t *testing.T, publicKey, apiBase string) (factsDir, cfg string) {
	t.Helper()
	dir := t.TempDir()
	factsDir = filepath.Join(dir, "facts")
	if err := os.Mkdir(factsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := corpus.CopySeeds(factsDir); err != nil {
		t.Fatal(err)
	}
	cfg = filepath.Join(dir, "config.yaml")
	conf := fmt.Sprintf("mode: http\ndiscord:\n  public_key: %s\n  api_base_url: %s\nhttp:\n  listen: 127.0.0.1:0\n"+
		"facts:\n  dir: facts\n  debounce: 100ms\n  poll: 0\nlog: {format: json}\nrate_limit: {burst: 0}\n", publicKey, apiBase)
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	return factsDir, cfg
}

// roundRobin is a load balancer that sends each request to the next
// replica in turn, counting what each was sent.
func roundRobin(replicas []*replica) (*httptest.Server, []atomic.Int64) {
	var next atomic.Int64
	served := make([]atomic.Int64, len(replicas))
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) {
		i := int(next.Add(1)) % len(replicas)
		served[i].Add(1)
		u, _ := url.Parse(replicas[i].url)
		pr.SetURL(u)
		pr.Out.URL.Path = u.Path
	}})
	return proxy, served
}

// askMany sends total signed interactions of every kind to addr from eight
// workers and fails t if any is not answered.
func askMany(t *testing.T, client *http.Client, signer *fakediscord.Signer, addr string, total int) {
	t.Helper()
	const workers = 8
	var failures atomic.Int64
	var firstErr sync.Once
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := w; n < total; n += workers {
				if err := askOnce(client, signer, addr, n); err != nil {
					failures.Add(1)
					firstErr.Do(func() { t.Errorf("interaction %d: %v", n, err) })
				}
			}
		}()
	}
	wg.Wait()
	if f := failures.Load(); f > 0 {
		t.Fatalf("%d of %d interactions failed", f, total)
	}
}

// interactionJSON is one interaction of kind n%6 as Discord sends it.
func interactionJSON(n int) ([]byte, int) {
	in := map[string]any{"id": fmt.Sprintf("8%017d", n+1), "application_id": fakediscord.AppID, "token": fmt.Sprintf("tok-%d", n),
		"version": 1, "guild_id": "700000000000000001", "channel_id": "710000000000000001",
		"member": map[string]any{"user": map[string]any{"id": fmt.Sprintf("5%017d", n%50+1), "username": "u"}, "roles": []string{}}}
	opt := func(name, value string, focused bool) []map[string]any {
		return []map[string]any{{"name": name, "type": 3, "value": value, "focused": focused}}
	}
	cmd := func(name string, opts []map[string]any) map[string]any {
		return map[string]any{"id": "900000000000000001", "name": name, "type": 1, "options": opts}
	}
	want := 4
	switch n % 6 {
	case 0:
		in["type"], in["data"] = 2, cmd("who", opt("name", "Witkoff", false))
	case 1:
		in["type"], in["data"] = 2, cmd("search", opt("query", "sanctions", false))
	case 2:
		in["type"], in["data"] = 2, cmd("timeline", nil)
	case 3:
		in["type"], in["data"], want = 4, cmd("who", opt("name", "star", true)), 8
	case 4:
		in["type"], in["data"], want = 3, map[string]any{"custom_id": "bb1:n:1:timeline", "component_type": 2}, 7
	default:
		in["type"], want = 1, 1
	}
	b, _ := json.Marshal(in)
	return b, want
}

// askOnce posts interaction n, signed, and checks the reply's type.
func askOnce(c *http.Client, s *fakediscord.Signer, endpoint string, n int) error {
	body, want := interactionJSON(n)
	out, err := post(c, s, endpoint, body)
	if err != nil {
		return err
	}
	var r struct {
		Type int `json:"type"`
	}
	if err := json.Unmarshal(out, &r); err != nil || r.Type != want {
		return fmt.Errorf("reply %.200s, want type %d", out, want)
	}
	return nil
}

func askAbout(c *http.Client, s *fakediscord.Signer, endpoint string) (string, error) {
	body := []byte(`{"id":"800000000000009999","application_id":"` + fakediscord.AppID + `","type":2,"token":"tok-about","version":1,` +
		`"user":{"id":"500000000000000001","username":"u"},"channel_id":"720000000000000001","data":{"id":"900000000000000001","name":"about","type":1}}`)
	out, err := post(c, s, endpoint, body)
	return string(out), err
}

func post(c *http.Client, s *fakediscord.Signer, endpoint string, body []byte) ([]byte, error) {
	req, err := s.NewRequest(context.Background(), endpoint, body)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d: %s", resp.StatusCode, out)
	}
	return out, err
}
