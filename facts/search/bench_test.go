package search

import (
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/corpus"

	"github.com/briefbot/briefbot/facts/prose"
)

// benchQueries mix rare and common terms, single words and phrases.
var benchQueries = []string{
	"Mutu drugs test",
	"broadband internet subscribers",
	"Chancellor Gordon Brown budget tax",
	"said",
	"the government said it would increase spending on schools and hospitals",
	"oil prices",
	"election campaign Labour Conservatives",
	"mobile phone",
	"film award nomination Oscar",
	"Chelsea",
}

// bbcSentences returns every sentence of the BBC corpus, skipping the
// benchmark when the corpus is absent.
func bbcSentences(b *testing.B) []string {
	b.Helper()
	_, texts := corpus.BBCTexts(b)
	var out []string
	for _, text := range texts {
		for _, s := range prose.Split(text) {
			out = append(out, text[s.Start:s.End])
		}
	}
	return out
}

func buildFrom(units []string) *Index {
	bl := NewBuilder()
	for _, u := range units {
		bl.Add(u)
	}
	return bl.Build()
}

func BenchmarkBuildBBC(b *testing.B) {
	units := bbcSentences(b)
	b.ReportAllocs()
	b.ReportMetric(float64(len(units)), "units")
	for b.Loop() {
		buildFrom(units)
	}
}

func BenchmarkSearchBBC(b *testing.B) {
	ix := buildFrom(bbcSentences(b))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Search(benchQueries[i%len(benchQueries)], 10)
		i++
	}
}

// benchLatency times every Search call and reports the median and the 99th
// percentile, which an average per op would hide.
func benchLatency(b *testing.B, ix *Index) {
	b.ReportAllocs()
	durations := make([]time.Duration, 0, 1<<16)
	i := 0
	for b.Loop() {
		start := time.Now()
		ix.Search(benchQueries[i%len(benchQueries)], 10)
		durations = append(durations, time.Since(start))
		i++
	}
	slices.Sort(durations)
	pct := func(p float64) float64 {
		return float64(durations[int(p*float64(len(durations)-1))].Nanoseconds())
	}
	b.ReportMetric(pct(0.50), "p50-ns")
	b.ReportMetric(pct(0.99), "p99-ns")
	b.ReportMetric(float64(ix.Len()), "units")
}

func BenchmarkSearchLatencyBBC(b *testing.B) {
	benchLatency(b, buildFrom(bbcSentences(b)))
}

// BenchmarkSearchLatency400k repeats the BBC sentences up to the largest
// index size expected in production.
func BenchmarkSearchLatency400k(b *testing.B) {
	units := bbcSentences(b)
	big := make([]string, 0, 400_000)
	for len(big) < 400_000 {
		big = append(big, units[:min(len(units), 400_000-len(big))]...)
	}
	benchLatency(b, buildFrom(big))
}
