package names

import (
	"math/rand/v2"
	"testing"
)

// osaFull is the textbook full-table OSA distance, the reference for the
// banded, bounded osa.
func osaFull(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestOSAMatchesReference checks osa against osaFull on random words from a
// small alphabet, where near misses are common, in both modes.
func TestOSAMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() []rune {
		w := make([]rune, rng.IntN(10))
		for i := range w {
			w[i] = rune('a' + rng.IntN(3))
		}
		return w
	}
	for n := 0; n < 20000; n++ {
		a, b, limit := word(), word(), rng.IntN(4)
		want := min(osaFull(a, b), limit+1)
		if got := osa(a, b, limit, false); got != want {
			t.Fatalf("osa(%q, %q, %d) = %d, want %d", string(a), string(b), limit, got, want)
		}
		want = limit + 1
		for j := 0; j <= len(b); j++ {
			want = min(want, osaFull(a, b[:j]))
		}
		if got := osa(a, b, limit, true); got != want {
			t.Fatalf("prefix osa(%q, %q, %d) = %d, want %d", string(a), string(b), limit, got, want)
		}
	}
}
