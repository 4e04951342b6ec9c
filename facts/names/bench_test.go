package names

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"
)

// benchFirst, benchLast and benchTitles are the pools benchEntries draws
// from: common English names plus some that need folding.
func benchFirst() []string {
	return []string{"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
		"Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
		"Thomas", "Sarah", "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew",
		"Margaret", "Anthony", "Betty", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Dorothy",
		"Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kenneth", "Michelle", "Kevin",
		"Carol", "Brian", "Amanda", "George", "Melissa", "Edward", "Deborah", "Ronald", "Stephanie",
		"Timothy", "Rebecca", "Jason", "Laura", "Jeffrey", "Helen", "Ryan", "Sharon", "Jacob",
		"Cynthia", "Gary", "Kathleen", "Nicholas", "Amy", "Eric", "Shirley", "Jonathan", "Angela",
		"Stephen", "Anna", "Larry", "Ruth", "Justin", "Brenda", "Scott", "Pamela", "Brandon",
		"Nicole", "Frank", "Katherine", "Benjamin", "Virginia", "Gregory", "Catherine", "Samuel",
		"Christine", "Raymond", "Samantha", "Patrick", "Debra", "Alexander", "Janet", "Jack",
		"Rachel", "Dennis", "Carolyn", "Jerry", "Emma", "Tyler", "Maria", "Aaron", "Heather",
		"José", "Zoë", "François", "Søren", "Łukasz", "Siobhán", "Olamide", "Oleksandr", "Priya",
		"Wei", "Hiroshi", "Aylin", "Mehmet", "Ingrid", "Björn", "Chiara", "Dmitri", "Fatima"}
}

func benchLast() []string {
	return []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
		"Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
		"Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
		"Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
		"King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
		"Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez",
		"Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
		"Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan",
		"Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward",
		"Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza",
		"Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long",
		"Ross", "Foster", "Jimenez", "O’Brien", "McAllister", "Müller", "Schröder", "Kowalski",
		"Nowak", "Wałęsa", "Okonkwo", "Adeyemi", "Kovalenko", "Shevchenko", "Tanaka", "Yamamoto",
		"Chen", "Wang", "Singh", "Gupta", "Yılmaz", "Öztürk", "Lindqvist", "Johansson", "Rossi",
		"Bianchi", "Ivanov", "Petrov", "Dubois", "Lefèvre", "Fernández", "Gonçalves", "Radakin",
		"Witkoff", "Zelensky", "Starmer", "Healey", "Macron"}
}

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

func BenchmarkFind(b *testing.B) {
	ix := NewIndex(benchEntries(5000))
	qs := benchQueries()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Find(qs[i%len(qs)], 10)
	}
}

func BenchmarkComplete(b *testing.B) {
	ix := NewIndex(benchEntries(5000))
	qs := benchQueries()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Complete(qs[i%len(qs)], MaxComplete)
	}
}

func BenchmarkResolve(b *testing.B) {
	ix := NewIndex(benchEntries(5000))
	qs := benchQueries()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Resolve(qs[i%len(qs)])
	}
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
