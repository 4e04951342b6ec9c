package search

import (
	"math/rand/v2"
	"testing"

	"github.com/kljensen/snowball/english"

	"github.com/briefbot/briefbot/internal/corpus"
)

// checkStem fails when stemEnglish and the library differ on word.
func checkStem(t *testing.T, word string) {
	t.Helper()
	if got, want := stemEnglish(word), english.Stem(word, true); got != want {
		t.Errorf("stemEnglish(%q) = %q, the library %q", word, got, want)
	}
}

// TestStemEnglishSameAsLibrary holds the port to the library's output on
// words made to reach every step's branches, on random words of the
// letters that matter, and on every word of the BBC corpus.
func TestStemEnglishSameAsLibrary(t *testing.T) {
	for _, w := range []string{"", "a", "ab", "abc", "'''", "''a", "'abc's'", "cats'", "cat's", "y", "yyy",
		"sayings", "skies", "news", "generously", "communities", "arsenal", "generate", "caresses",
		"ponies", "ties", "cries", "gas", "gaps", "kiwis", "this", "agreed", "feed", "plastered", "bled",
		"motoring", "sing", "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing",
		"fizzed", "failing", "filing", "hoped", "happy", "cry", "by", "say", "relational", "conditional",
		"valenci", "hesitanci", "digitizer", "conformabli", "radicalli", "differentli", "vileli",
		"analogousli", "vietnamization", "predication", "operator", "feudalism", "decisiveness",
		"hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti", "archeologi",
		"triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness",
		"revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable", "defensible",
		"irritant", "replacement", "adjustment", "dependent", "adoption", "homologou", "communism",
		"activate", "angulariti", "homologous", "effective", "bowdlerize", "probate", "rate", "cease",
		"controll", "roll", "fluentli", "lessli", "luckily", "ogi", "ecologi", "quietly", "abeyance",
		"enjoying", "bye", "eyed", "dye", "don't", "o'brien", "yes", "gently", "ugly", "innings",
		"proceeding", "succeeded", "exceedingly", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"café", "naïve", "x-ray", "2004", "über"} {
		checkStem(t, w)
	}
	letters := "aeiouybcdglmnrstvwxz'"
	parts := []string{"", "at", "ion", "ing", "ed", "eed", "li", "ly", "s", "es", "ies", "al", "ate", "iti", "ous", "ive",
		"ize", "ful", "ness", "ement", "ance", "ence", "er", "ic", "ogi", "bli", "ational", "tional", "e", "ll", "y", "'s"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		b := make([]byte, 1+r.IntN(8))
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		checkStem(t, string(b)+parts[r.IntN(len(parts))]+parts[r.IntN(len(parts))])
	}
	if _, ok, _ := corpus.BBCArticles(); !ok {
		return
	}
	_, texts := corpus.BBCTexts(t)
	seen := map[string]bool{}
	for _, text := range texts {
		for w := range words(text) {
			if s := string(w.norm); !seen[s] {
				seen[s] = true
				checkStem(t, s)
			}
		}
	}
	t.Logf("%d distinct words of the BBC corpus", len(seen))
}

func BenchmarkStemEnglish(b *testing.B) {
	ws := []string{"sanctions", "government", "said", "minister", "elections", "happily", "conditional", "running"}
	for b.Loop() {
		for _, w := range ws {
			stemEnglish(w)
		}
	}
}

func BenchmarkStemLibrary(b *testing.B) {
	ws := []string{"sanctions", "government", "said", "minister", "elections", "happily", "conditional", "running"}
	for b.Loop() {
		for _, w := range ws {
			english.Stem(w, true)
		}
	}
}
