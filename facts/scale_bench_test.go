package facts_test

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
)

// BenchmarkLoadScale loads the seeds alone, the seeds plus 1x, 2x, 4x and 8x the BBC corpus
// and the 20,000-article base, reporting the load time, the live heap the
// base holds and the process RSS, so that growth with size can be read off.
func BenchmarkLoadScale(b *testing.B) {
	sizes := []struct {
		name string
		n    int
	}{{"seeds", 0}, {"x1", 2225}, {"x2", 4450}, {"x4", 8900}, {"x8", 17800}, {"20k", 20000}}
	for _, s := range sizes {
		b.Run(s.name, func(b *testing.B) {
			fsys, note, err := corpus.Scaled(s.n)
			if err != nil {
				b.Fatal(err)
			}
			b.Log(note)
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var base *facts.Base
			b.ResetTimer()
			t0 := time.Now()
			for i := 0; i < b.N; i++ {
				base = nil // let the previous base go, as a reload does
				if base, _, err = facts.Load(fsys, "bench"); err != nil {
					b.Fatal(err)
				}
			}
			elapsed := time.Since(t0) / time.Duration(b.N)
			b.StopTimer()
			var after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(elapsed.Milliseconds()), "load-ms")
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
			b.ReportMetric(rssMB(), "rss-MB")
			b.ReportMetric(float64(len(base.Docs())), "articles")
			runtime.KeepAlive(base)
		})
	}
}

// rssMB reads the resident set size of this process from /proc (Linux);
// 0 elsewhere.
func rssMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
