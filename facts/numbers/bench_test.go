package numbers

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir holds the BBC news corpus, one article per file, beside the
// repository; benchmarks skip without it.
const corpusDir = "../../../shared/corpora/bbc"

func loadCorpus(tb testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.txt"))
	if len(files) == 0 {
		tb.Skip("BBC corpus not found at " + corpusDir)
	}
	texts := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// BenchmarkFindCorpus runs Find over every article of the corpus; one op
// is the whole corpus, which must stay well under 100ms.
func BenchmarkFindCorpus(b *testing.B) {
	texts := loadCorpus(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			n += len(Find(t))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "figures/op")
}
