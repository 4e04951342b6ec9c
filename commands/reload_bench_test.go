package commands

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
)

// BenchmarkQueriesDuringReload has four goroutines answer queries without
// pause against the current base while the BBC base is loaded again and
// swapped in, as /reload does (one core fewer, the served base lending
// what unchanged articles cost), b.N times. It reports the slowest query
// and the 99.9th percentile: a reload must never make a query wait. The
// "idle" run is the floor: the same queries, the same time, no reload.
func BenchmarkQueriesDuringReload(b *testing.B) {
	fsys := corpus.SeedsPlusBBCFolder(b)
	first, _, err := facts.Load(fsys, "bench")
	if err != nil {
		b.Fatal(err)
	}
	var cur atomic.Pointer[facts.Base]
	cur.Store(first)
	reload := func() {
		next, _, err := facts.LoadWith(fsys, "bench", facts.Options{Workers: 1, Previous: cur.Load()})
		if err != nil {
			b.Fatal(err)
		}
		cur.Store(next)
	}
	b.Run("reload", func(b *testing.B) { queriesDuring(b, &cur, reload) })
	b.Run("idle", func(b *testing.B) { queriesDuring(b, &cur, func() { time.Sleep(300 * time.Millisecond) }) })
}

// queriesDuring answers queries on four goroutines while work runs b.N
// times, and reports their latency.
func queriesDuring(b *testing.B, cur *atomic.Pointer[facts.Base], work func()) {
	tab := NewTable()
	var reqs []Request
	for _, q := range []string{"/who Witkoff", "/search sanctions", "/timeline about:election", "/quotes Healey", "/figures about:jobs", "who is the defence secretary?"} {
		r, err := tab.Parse(q)
		if err != nil {
			b.Fatal(err)
		}
		reqs = append(reqs, r)
	}
	stop := make(chan struct{})
	var mu sync.Mutex
	lat := make([]time.Duration, 0, 1<<20)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			mine := make([]time.Duration, 0, 1<<18)
			for i := w; ; i++ {
				select {
				case <-stop:
					mu.Lock()
					lat = append(lat, mine...)
					mu.Unlock()
					return
				default:
				}
				t0 := time.Now()
				if _, err := tab.Handle(cur.Load(), reqs[i%len(reqs)]); err != nil {
					b.Error(err)
				}
				d := time.Since(t0)
				mine = append(mine, d)
				if d > 10*time.Millisecond && testing.Verbose() {
					b.Logf("slow query %v: %s", d, reqs[i%len(reqs)].Raw)
				}
				// Each query is its own request: yield between them, as
				// the bot's goroutines do between interactions, so that
				// what is measured is the query, not its turn on a core.
				runtime.Gosched()
			}
		}(w)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		work()
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	slices.Sort(lat)
	b.ReportMetric(float64(len(lat)), "queries")
	b.ReportMetric(float64(lat[len(lat)*999/1000].Microseconds())/1000, "p999-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}
