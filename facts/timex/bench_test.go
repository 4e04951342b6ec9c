package timex

import (
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/corpus"
)

// BenchmarkFindCorpus runs Find over every article of the corpus; one op
// is the whole corpus, which must stay well under 200ms.
func BenchmarkFindCorpus(b *testing.B) {
	texts := corpus.BenchTexts(b)
	pub := time.Date(2005, 3, 16, 0, 0, 0, 0, time.UTC)
	n := 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			n += len(Find(t, pub))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "exprs/op")
}
