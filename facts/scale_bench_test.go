package facts_test

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
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

// BenchmarkReload reloads a base after one article is added, changed or
// removed, reusing the work of the others (Options.Previous), at the size
// of the seeds plus the BBC corpus and at 20,000 articles; full-ms is a
// load of the same folder from nothing, for comparison. The files have
// modification times, as on disk: old ones, and the edited file's now.
func BenchmarkReload(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"bbc", 2225}, {"20k", 20000}} {
		fsys, note, err := corpus.Scaled(size.n)
		if err != nil {
			b.Fatal(err)
		}
		folder := fsys.(fstest.MapFS)
		old := time.Now().Add(-time.Hour)
		for name, f := range folder {
			folder[name] = &fstest.MapFile{Data: f.Data, Mode: f.Mode, ModTime: old, Sys: f.Sys}
		}
		victim := corpus.ScaledArticles(folder)[0]
		original := folder[victim]
		edits := map[string]func(){
			"added": func() {
				folder["zz-new.txt"] = &fstest.MapFile{Data: []byte("New article\n\nJane Ashworth, the minister, said on Monday the plan would go ahead.\n"), ModTime: time.Now()}
			},
			"changed": func() {
				folder[victim] = &fstest.MapFile{Data: append(append([]byte(nil), original.Data...), "\nOne more line.\n"...), ModTime: time.Now()}
			},
			"removed": func() { delete(folder, victim) },
		}
		for _, kind := range []string{"added", "changed", "removed"} {
			b.Run(size.name+"/"+kind, func(b *testing.B) {
				b.Log(note)
				delete(folder, "zz-new.txt")
				folder[victim] = original
				base, _, err := facts.Load(folder, "bench")
				if err != nil {
					b.Fatal(err)
				}
				edits[kind]()
				t0 := time.Now()
				if _, _, err := facts.Load(folder, "bench"); err != nil {
					b.Fatal(err)
				}
				full := time.Since(t0)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, _, err := facts.LoadWith(folder, "bench", facts.Options{Previous: base}); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "reload-ms")
				b.ReportMetric(float64(full.Milliseconds()), "full-ms")
			})
		}
		folder[victim] = original
		delete(folder, "zz-new.txt")
	}
}
