package facts

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/briefbot/briefbot/internal/tabletest"
)

// TestSameSentenceStopsEarlyOnly checks that sameSentence, which stops a
// merge once the overlap cannot reach 80%, finds the same copy as the
// full merge on random word sets of every overlap.
func TestSameSentenceStopsEarlyOnly(t *testing.T) {
	full := func(sets [][]string, words []string) int {
		for i, other := range sets {
			shared := 0
			for _, w := range words {
				if _, ok := slices.BinarySearch(other, w); ok {
					shared++
				}
			}
			if union := len(words) + len(other) - shared; union > 0 && float64(shared) >= 0.8*float64(union) {
				return i
			}
		}
		return -1
	}
	r := rand.New(rand.NewPCG(3, 9))
	set := func(base []string, keep, extra int) []string {
		var ws []string
		for _, w := range base {
			if r.IntN(100) < keep {
				ws = append(ws, w)
			}
		}
		for range extra {
			ws = append(ws, "x"+strconv.Itoa(r.IntN(1000)))
		}
		slices.Sort(ws)
		return slices.Compact(ws)
	}
	found := 0
	for range 20000 {
		base := make([]string, 1+r.IntN(40))
		for i := range base {
			base[i] = strings.Repeat("w", 1+r.IntN(3)) + strconv.Itoa(r.IntN(200))
		}
		var sets [][]string
		for range 1 + r.IntN(4) {
			sets = append(sets, set(base, 60+r.IntN(41), r.IntN(5)))
		}
		words := set(base, 60+r.IntN(41), r.IntN(5))
		got, want := sameSentence(sets, words), full(sets, words)
		if got != want {
			t.Fatalf("sameSentence = %d, the full merge %d, for %q among %q", got, want, words, sets)
		}
		if want >= 0 {
			found++
		}
	}
	if found < 1000 {
		t.Errorf("only %d of the cases were copies", found)
	}
}

// TestWordSetAsFields checks wordSet against the words FieldsFunc finds
// in the lower-cased text, on random mixes of cases, letters whose case
// changes their length, marks, digits, punctuation and invalid bytes.
func TestWordSetAsFields(t *testing.T) {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	parts := []string{"The", "tHE", " ", "İstanbul", "ǅ", "Σ", "ς", "K", "\u212a", "9", "²", "—", "\xff", "é", "E\u0301", ",", "Ⅻ", "ⓐ"}
	for s := range tabletest.Mixes(5, parts, 10, 20000) {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !word(r) })
		slices.Sort(want)
		if got := wordSet(nil, s); !slices.Equal(got, slices.Compact(want)) {
			t.Fatalf("wordSet(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestStartsWithAsLowerCased checks startsWith against the lower-cased
// first word looked up as it is, on random openings: capitals, quotes,
// dashes, non-ASCII letters whose lower case is ASCII ("İt").
func TestStartsWithAsLowerCased(t *testing.T) {
	want := func(text string, words []string) bool {
		w, _, _ := strings.Cut(strings.TrimLeft(text, "\"“‘'- "), " ")
		return slices.Contains(words, strings.ToLower(w))
	}
	parts := []string{"He", "he", "HE", "İt", "It", "it", "Its", "ThEy", "“", "\"", "-", " ", "said", "Ünder", "\xff", "K", "ſhe", "she"}
	for s := range tabletest.Mixes(4, parts, 5, 20000) {
		for _, words := range [][]string{pronounWords, referenceWords} {
			if got := startsWith(s, words); got != want(s, words) {
				t.Fatalf("startsWith(%q) = %v", s, got)
			}
		}
	}
}
