package names

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// benchFirst, benchLast and benchTitles are the pools benchEntries draws
// from: common English names plus some that need folding. The first and
// last names are in testdata, one a line.
var (
	//go:embed testdata/bench_first.txt
	benchFirstNames string
	//go:embed testdata/bench_last.txt
	benchLastNames string
)

func benchFirst() []string { return strings.Fields(benchFirstNames) }

func benchLast() []string { return strings.Fields(benchLastNames) }

func benchTitles() []string {
	return []string{"Mr", "Ms", "Dr", "Sir", "Dame", "Senator", "General", "Minister"}
}

// benchEntries makes n realistic people: "First Last", often with a middle
// initial, plus "Last" and "Title Last" aliases. The seed is fixed so runs
// compare.
func benchEntries(n int) []Entry {
	rng := rand.New(rand.NewPCG(1, 2))
	firsts, lasts, titles := benchFirst(), benchLast(), benchTitles()
	out := make([]Entry, n)
	for i := range out {
		first := firsts[rng.IntN(len(firsts))]
		last := lasts[rng.IntN(len(lasts))]
		display := first + " " + last
		if rng.IntN(4) == 0 {
			display = fmt.Sprintf("%s %c. %s", first, 'A'+rng.IntN(26), last)
		}
		out[i] = Entry{ID: fmt.Sprintf("p%04d", i), Names: []string{
			display, last, titles[rng.IntN(len(titles))] + " " + last,
		}}
	}
	return out
}

// benchQueries mixes what people type: whole names, surnames, typos,
// prefixes, accents left off, and misses.
func benchQueries() []string {
	return []string{
		"john smith", "smith", "witkof", "zelenski", "starmr", "wit", "j", "jo", "joh", "mich",
		"michael johnsn", "dr garcia", "schroder", "lukasz walesa", "obrien", "ukraine",
		"kowalsky", "yamamto", "priya patel", "ashley", "zz", "sir keir", "cathrine", "mcallister",
	}
}

// benchQuery times query on an index of 5,000 people, cycling through
// benchQueries.
func benchQuery(b *testing.B, query func(ix *Index, q string)) {
	ix := NewIndex(benchEntries(5000))
	qs := benchQueries()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		query(ix, qs[i%len(qs)])
	}
}

func BenchmarkFind(b *testing.B) {
	benchQuery(b, func(ix *Index, q string) { ix.Find(q, 10) })
}

func BenchmarkComplete(b *testing.B) {
	benchQuery(b, func(ix *Index, q string) { ix.Complete(q, MaxComplete) })
}

func BenchmarkResolve(b *testing.B) {
	benchQuery(b, func(ix *Index, q string) { ix.Resolve(q) })
}

// BenchmarkLatency times every call of Find and Complete separately and
// reports the median and the 99th percentile, which the mean hides.
func BenchmarkLatency(b *testing.B) {
	ix := NewIndex(benchEntries(5000))
	qs := benchQueries()
	durs := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		start := time.Now()
		if i%2 == 0 {
			ix.Find(q, 10)
		} else {
			ix.Complete(q, MaxComplete)
		}
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durs)
	b.ReportMetric(float64(durs[len(durs)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(durs[len(durs)*99/100].Nanoseconds()), "p99-ns")
}

func BenchmarkNewIndex(b *testing.B) {
	entries := benchEntries(5000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		NewIndex(entries)
	}
}

// TestConcurrentUse runs every method from many goroutines at once (under
// -race) and checks each answer equals the one given without contention.
func TestConcurrentUse(t *testing.T) {
	ix := NewIndex(append(benchEntries(500), storyEntries()...))
	qs := benchQueries()
	type answer struct {
		find, complete []Match
		resolved       Match
		ok             bool
	}
	want := make([]answer, len(qs))
	for i, q := range qs {
		m, ok := ix.Resolve(q)
		want[i] = answer{ix.Find(q, 10), ix.Complete(q, MaxComplete), m, ok}
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 3*len(qs); n++ {
				i := (n + g) % len(qs)
				q := qs[i]
				m, ok := ix.Resolve(q)
				got := answer{ix.Find(q, 10), ix.Complete(q, MaxComplete), m, ok}
				if !slices.Equal(got.find, want[i].find) || !slices.Equal(got.complete, want[i].complete) ||
					got.resolved != want[i].resolved || got.ok != want[i].ok {
					t.Errorf("query %q answered differently under concurrency", q)
					return
				}
			}
		}()
	}
	wg.Wait()
}
