package bot

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/corpus"
	"github.com/briefbot/briefbot/internal/fakediscord"
)

// benchBase is a fact base the benchmarks serve: the seeds (each harness's
// own copy), or the seeds plus the BBC corpus, loaded once for all the
// benchmarks that use it and skipped when the corpus is absent.
type benchBase struct {
	name string
	edit func(testing.TB, *Options)
}

func benchBases() []benchBase {
	var once sync.Once
	var loaded *commands.Service // the base loaded once, for every bot to serve
	var load commands.Loader
	var err error
	bbc := func(tb testing.TB, o *Options) {
		once.Do(func() {
			var fsys fs.FS
			if fsys, _, err = corpus.SeedsPlusBBC(); err == nil {
				load = fsLoader(fsys, "bbc")
				loaded = serviceOf(tb, load)
			}
		})
		if err != nil {
			tb.Skip(err)
		}
		o.Service = commands.NewService(loaded.Base(), load)
	}
	return []benchBase{{"seeds", func(testing.TB, *Options) {}}, {"bbc", bbc}}
}

// report adds the median and 99th percentile of lat, in µs.
func report(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds()), "p99-µs")
}

// BenchmarkInteractionRoundTrip times the whole path through the fake
// Discord: from the fake writing INTERACTION_CREATE on the gateway to the
// fake receiving the callback POST, with the real discordgo Session in
// between (gateway read, JSON decoding, dispatch, the handler, rendering,
// the limit check, and the REST call), on the seeds and on the seeds plus
// the BBC corpus. It reports the median and the 99th percentile; run it
// with -benchtime=2000x for at least 1,000 interactions.
func BenchmarkInteractionRoundTrip(b *testing.B) {
	queries := []benchQuery{{"who", "who", "name", "Witkoff"}, {"timeline", "timeline", "", ""}}
	runBenchQueries(b, queries, func(b *testing.B, edit func(*Options), data map[string]any) {
		h := startHarness(b, edit)
		report(b, roundTrips(b, h, data))
	})
}

// benchQuery is a slash command a benchmark sends, with one option, or
// none where opt is "".
type benchQuery struct{ name, cmd, opt, val string }

// runBenchQueries runs run as a sub-benchmark for every base and query,
// with the base's edit of the bot's options and the query's interaction
// data.
func runBenchQueries(b *testing.B, queries []benchQuery, run func(b *testing.B, edit func(*Options), data map[string]any)) {
	for _, base := range benchBases() {
		b.Run(base.name, func(b *testing.B) {
			for _, q := range queries {
				b.Run(q.name, func(b *testing.B) {
					data := slash(q.cmd)
					if q.opt != "" {
						data = slash(q.cmd, q.opt, q.val)
					}
					run(b, func(o *Options) { base.edit(b, o) }, data)
				})
			}
		})
	}
}

// roundTrips sends b.N interactions in the test guild with data, one at a
// time, and returns the time from each leaving the fake on the gateway to
// its callback reaching the fake. Only the round trips are timed.
func roundTrips(b *testing.B, h *harness, data map[string]any) []time.Duration {
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		id := h.id()
		sent, err := h.fake.Dispatch("INTERACTION_CREATE", interaction(id, 2, testGuild, plainUser, nil, data))
		if err != nil {
			b.Fatal(err)
		}
		path := callbackPath(id)
		r := h.next(func(r fakediscord.Request) bool { return r.Path == path })
		lat = append(lat, r.At.Sub(sent))
	}
	b.StopTimer()
	return lat
}

// BenchmarkHTTPInteractions is HTTP mode's throughput and latency on
// loopback: clients POST signed interactions to the endpoint, which checks
// each signature, runs the handler and writes the reply. It reports
// requests per second with 4 clients at once, and the median and 99th
// percentile of a request's time as a client sees it.
func BenchmarkHTTPInteractions(b *testing.B) {
	const clients = 4
	queries := []benchQuery{{"who", "who", "name", "Witkoff"}, {"search", "search", "query", "sanctions"}}
	runBenchQueries(b, queries, func(b *testing.B, edit func(*Options), data map[string]any) {
		h := startHTTP(b, edit)
		reqs := signedRequests(b, h, data)
		b.ResetTimer()
		start := time.Now()
		lat, err := postAll(h, reqs, clients)
		elapsed := time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
		report(b, lat)
	})
}

// signed is an interaction's body and the headers that sign it.
type signed struct {
	body   []byte
	header http.Header
}

// signedRequests makes a body per request of the benchmark, each with an
// id of its own (the bot refuses an interaction sent again), signed before
// the clock starts: signing is Discord's work, not the bot's.
func signedRequests(b *testing.B, h *httpHarness, data map[string]any) []signed {
	reqs := make([]signed, b.N)
	for i := range reqs {
		in := body(b, interaction(h.id(), 2, testGuild, plainUser, nil, data))
		proto, err := h.signer.NewRequest(context.Background(), h.url+"/interactions", in)
		if err != nil {
			b.Fatal(err)
		}
		reqs[i] = signed{in, proto.Header}
	}
	return reqs
}

// postAll posts reqs from clients at once, and returns the time each took
// as its client saw it, and the first failure.
func postAll(h *httpHarness, reqs []signed, clients int) ([]time.Duration, error) {
	lat := make([]time.Duration, len(reqs))
	var next atomic.Int64
	var failOnce sync.Once
	var failed error
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1) - 1; i < int64(len(reqs)); i = next.Add(1) - 1 {
				req, err := http.NewRequest(http.MethodPost, h.url+"/interactions", bytes.NewReader(reqs[i].body))
				if err != nil {
					failOnce.Do(func() { failed = err })
					return
				}
				req.Header = reqs[i].header
				t0 := time.Now()
				status, out, err := do(h.client, req)
				lat[i] = time.Since(t0)
				if err == nil && (status != 200 || !bytes.HasPrefix(out, []byte(`{"type":4`))) {
					err = fmt.Errorf("status %d: %.100s", status, out)
				}
				if err != nil {
					failOnce.Do(func() { failed = err })
				}
			}
		}()
	}
	wg.Wait()
	return lat, failed
}
