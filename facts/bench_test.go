package facts_test

import (
	"runtime"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
	"github.com/briefbot/briefbot/seeds"
)

func BenchmarkLoadSeeds(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := facts.Load(seeds.FS(), seeds.Dir); err != nil {
			b.Fatal(err)
		}
	}
	reportHeap(b, func() any { base, _, _ := facts.Load(seeds.FS(), seeds.Dir); return base })
}

func BenchmarkLoadSeedsPlusBBC(b *testing.B) {
	fsys := corpus.SeedsPlusBBCFolder(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := facts.Load(fsys, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportHeap(b, func() any { base, _, _ := facts.Load(fsys, "bench"); return base })
}

func BenchmarkLoadSeedsPlusBBCNoExtraction(b *testing.B) {
	fsys := corpus.SeedsPlusBBCFolder(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := facts.LoadWith(fsys, "bench", facts.Options{NoExtraction: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// reportHeap reports the live heap that one loaded base holds.
func reportHeap(b *testing.B, load func() any) {
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	base := load()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(base)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
}
