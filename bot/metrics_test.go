package bot

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// scrape fetches /metrics and parses it with Prometheus' own text parser.
func scrape(t *testing.T, h *httpHarness) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := h.client.Get(h.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	p := expfmt.NewTextParser(model.LegacyValidation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("the Prometheus parser refuses /metrics: %v", err)
	}
	return fams
}

// value finds the sample of family name whose labels include want, and
// returns its value (a histogram's: its count); ok is false when there is
// none.
func value(fams map[string]*dto.MetricFamily, name string, want map[string]string) (float64, bool) {
	f := fams[name]
	if f == nil {
		return 0, false
	}
next:
	for _, m := range f.GetMetric() {
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		for k, v := range want {
			if labels[k] != v {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue(), true
		case m.Gauge != nil:
			return m.Gauge.GetValue(), true
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount()), true
		}
	}
	return 0, false
}

// TestMetricsScrape: what operators watch is at /metrics, counted right:
// interactions by command and outcome, handler latency, reloads, the fact
// base's articles, age and version, rate-limited and refused requests.
func TestMetricsScrape(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, func(o *Options) { o.RateBurst, o.RateEvery = 2, time.Hour })
	for range 3 { // the third is over the rate limit
		h.ask(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")))
	}
	h.ask(interaction(h.id(), 2, testGuild, adminRoleUser, nil, slash("who", "name", "Qzxwv Nobody")))
	h.ask(interaction(h.id(), 2, testGuild, adminRoleUser, nil, slash("frobnicate")))
	if status, _ := h.post([]byte(`{}`), func(r *http.Request) { r.Header.Set("X-Signature-Ed25519", strings.Repeat("00", 64)) }); status != 401 {
		t.Fatalf("forged request: %d", status)
	}
	if _, ok := h.bot.Reload(); !ok {
		t.Fatal("reload failed")
	}
	// Each interaction is counted when its log line is written, just after
	// its reply.
	if err := h.logs.waitCount(func(m map[string]any) bool { return m["msg"] == "interaction" }, 5); err != nil {
		t.Fatal(err)
	}
	fams := scrape(t, h)
	version := h.bot.svc.Base().Version()
	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"briefbot_interactions_total", map[string]string{"kind": "command", "command": "who", "outcome": "ok"}, 2},
		{"briefbot_interactions_total", map[string]string{"kind": "command", "command": "who", "outcome": "rate_limited"}, 1},
		{"briefbot_interactions_total", map[string]string{"kind": "command", "command": "who", "outcome": "not_found"}, 1},
		{"briefbot_interactions_total", map[string]string{"kind": "command", "command": otherCommand, "outcome": "user_error"}, 1},
		// The second Witkoff is the first's reply again, from the cache.
		{"briefbot_handler_duration_seconds", map[string]string{"command": "who"}, 2},
		{"briefbot_reloads_total", map[string]string{"outcome": "ok"}, 1},
		{"briefbot_reloads_total", map[string]string{"outcome": "failed"}, 0},
		{"briefbot_rate_limited_total", map[string]string{"by": "user"}, 1},
		{"briefbot_rate_limited_total", map[string]string{"by": "discord"}, 0},
		{"briefbot_http_rejected_total", map[string]string{"reason": "signature"}, 1},
		{"briefbot_fact_base_articles", nil, 5},
		{"briefbot_fact_base_info", map[string]string{"version": version}, 1},
		{"briefbot_up", nil, 1},
	}
	for _, tt := range tests {
		if got, ok := value(fams, tt.name, tt.labels); !ok || got != tt.want {
			t.Errorf("%s%v = %v (present: %v), want %v", tt.name, tt.labels, got, ok, tt.want)
		}
	}
	if age, ok := value(fams, "briefbot_fact_base_age_seconds", nil); !ok || age < 0 || age > 3600 {
		t.Errorf("fact base age %v (present: %v)", age, ok)
	}
	if asOf, ok := value(fams, "briefbot_fact_base_as_of_timestamp_seconds", nil); !ok || time.Unix(int64(asOf), 0).Year() != 2025 {
		t.Errorf("as-of timestamp %v (present: %v), want a day of 2025", asOf, ok)
	}
}

// TestHealthz: 200 with the fact base's version while the bot takes
// requests, in either mode; 503 saying why when it does not.
func TestHealthz(t *testing.T) {
	t.Parallel()
	h := startHTTP(t, nil)
	if status, text := h.get("/healthz"); status != 200 || !strings.Contains(text, h.bot.svc.Base().Version()) {
		t.Errorf("HTTP mode: %d %q", status, text)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := startHarness(t, func(o *Options) { o.Listener = ln })
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("gateway mode, connected: %d", resp.StatusCode)
	}

	up, down := &connLog{}, &connLog{shard: 1}
	up.up.Store(true)
	states := []struct {
		name   string
		shards []*connLog
		http   bool
		stop   bool
		ok     bool
		why    string
	}{
		{"not connected yet", nil, false, false, false, "not connected"},
		{"every shard up", []*connLog{up}, false, false, true, ""},
		{"a shard down", []*connLog{up, down}, false, false, false, "shard 1 is not connected"},
		{"HTTP serving", nil, true, false, true, ""},
		{"shutting down", []*connLog{up}, true, true, false, "shutting down"},
	}
	for _, s := range states {
		b := newTestBot(t, nil)
		if s.shards != nil {
			b.shards.Store(&s.shards)
		}
		b.httpUp.Store(s.http)
		b.stopping.Store(s.stop)
		if ok, why := b.health(); ok != s.ok || !strings.Contains(why, s.why) {
			t.Errorf("%s: health %v %q, want %v %q", s.name, ok, why, s.ok, s.why)
		}
	}
	_ = g
}
