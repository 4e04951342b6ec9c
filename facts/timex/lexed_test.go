package timex

import (
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts/lexer"
	"github.com/briefbot/briefbot/internal/corpus"
)

// TestFindLexedIsFind checks that reading dates from the lexer's tokens,
// converted as the search reaches them (and most never), finds what the
// same search finds on every token converted up front, with one Finder
// reused from article to article as a load reuses it.
func TestFindLexedIsFind(t *testing.T) {
	_, texts := corpus.BBCTexts(t)
	pub := time.Date(2005, 3, 16, 0, 0, 0, 0, time.UTC)
	var f, eager Finder
	var toks []lexer.Token
	for i, text := range texts {
		toks = lexer.Lex(toks, text)
		eager.toks = eager.toks[:0]
		for _, lt := range toks {
			eager.toks = append(eager.toks, convert(text, lt))
		}
		got, want := f.FindLexed(text, toks, pub), eager.find(text, nil, pub)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: FindLexed gives %v, the eager search %v", i, got, want)
		}
	}
}

// BenchmarkFindLexedCorpus is BenchmarkFindCorpus the way a load reads
// dates: from tokens lexed once for dates and figures, with one Finder.
// The lexing is left out of the time.
func BenchmarkFindLexedCorpus(b *testing.B) {
	texts := corpus.BenchTexts(b)
	lexed := make([][]lexer.Token, len(texts))
	for i, t := range texts {
		lexed[i] = lexer.Lex(nil, t)
	}
	pub := time.Date(2005, 3, 16, 0, 0, 0, 0, time.UTC)
	var f Finder
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, t := range texts {
			n += len(f.FindLexed(t, lexed[j], pub))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "exprs/op")
}
