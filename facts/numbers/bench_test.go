package numbers

import (
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

// BenchmarkFindCorpus runs Find over every article of the corpus; one op
// is the whole corpus, which must stay well under 100ms.
func BenchmarkFindCorpus(b *testing.B) {
	texts := corpus.BenchTexts(b)
	n := 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			n += len(Find(t))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "figures/op")
}
