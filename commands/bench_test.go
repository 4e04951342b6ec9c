package commands

import (
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
)

var benchQueries = []struct{ name, query string }{
	{"who", "/who Witkoff"},
	{"who_typo", "/who zelenski"},
	{"quotes", "/quotes Healey"},
	{"timeline", "/timeline"},
	{"search", "/search sanctions on Russia"},
	{"figures", "/figures"},
	{"timeline_about", "/timeline about:election"},
	{"figures_about", "/figures about:jobs"},
	{"quotes_about", "/quotes Starmer about:sanctions"},
	{"sources", "/sources"},
	{"brief", "/brief"},
	{"dm_free_text", "what did healey say about freeloading?"},
}

// benchCommands runs each query as a sub-benchmark and reports p50/p99 of
// the individual calls, timed one by one.
func benchCommands(b *testing.B, base *facts.Base) {
	tab := NewTable()
	for _, q := range benchQueries {
		req, err := tab.Parse(q.query)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(q.name, func(b *testing.B) {
			timeCalls(b, func(int) {
				if _, err := tab.Handle(base, req); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// timeCalls runs call b.N times, timing each, and reports p50 and p99.
func timeCalls(b *testing.B, call func(i int)) {
	b.ReportAllocs()
	b.ResetTimer()
	durs := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		call(i)
		durs = append(durs, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	b.ReportMetric(float64(durs[len(durs)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(durs[len(durs)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkCommands runs every query on three bases: the seeds, the seeds
// with the BBC corpus, and the 20,000-article base made from it (or
// generated stand-ins when the corpus is absent, as the log says).
func BenchmarkCommands(b *testing.B) {
	bases := []struct {
		name string
		n    int
	}{{"seeds", 0}, {"bbc", 2225}, {"20k", 20000}}
	for _, bs := range bases {
		b.Run(bs.name, func(b *testing.B) {
			benchCommands(b, benchBase(b, bs.n))
		})
	}
}

// BenchmarkQuestions asks every labelled seed question in turn, on the
// seeds alone and on the seeds with the BBC corpus, and reports p50/p99 of
// the single calls: the free-text path a DM takes.
func BenchmarkQuestions(b *testing.B) {
	var qs []string
	for _, lq := range readQuestionSet(b, "testdata/questions/seeds.yaml").Questions {
		qs = append(qs, lq.Q)
	}
	for _, bs := range []struct {
		name string
		n    int
	}{{"seeds", 0}, {"bbc", 2225}} {
		b.Run(bs.name, func(b *testing.B) {
			base := benchBase(b, bs.n)
			tab := NewTable()
			reqs := make([]Request, len(qs))
			for i, q := range qs {
				var err error
				if reqs[i], err = tab.Parse(q); err != nil {
					b.Fatal(err)
				}
			}
			timeCalls(b, func(i int) {
				if _, err := tab.Handle(base, reqs[i%len(reqs)]); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// benchBase loads a base of n articles for benchmarks (the seeds for 0),
// logging what it is made of.
func benchBase(b *testing.B, n int) *facts.Base {
	fsys, note, err := corpus.Scaled(n)
	if err != nil {
		b.Fatal(err)
	}
	b.Log(note)
	base, _, err := facts.Load(fsys, "bench")
	if err != nil {
		b.Fatal(err)
	}
	return base
}

// BenchmarkAskJob answers the 200 free-text queries that the whole-job
// benchmark of `briefbot ask` runs (scripts/blevebench/queries.txt) on the
// seeds with the BBC corpus, one at a time, and encodes each answer as
// JSON: the query phase of that job without the load.
func BenchmarkAskJob(b *testing.B) {
	raw, err := os.ReadFile("../scripts/blevebench/queries.txt")
	if err != nil {
		b.Skip(err)
	}
	lines := strings.FieldsFunc(string(raw), func(r rune) bool { return r == '\n' })
	base := benchBase(b, 2225)
	tab := NewTable()
	b.ReportAllocs()
	for b.Loop() {
		for _, line := range lines {
			req, err := tab.Parse(line)
			if err != nil {
				continue
			}
			a, err := tab.Handle(base, req)
			if err != nil {
				continue
			}
			if _, err := JSON(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}
