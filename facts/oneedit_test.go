package facts

import (
	"math/rand/v2"
	"testing"

	"github.com/agnivade/levenshtein"
)

// TestMayBeOneEdit checks that mayBeOneEdit never rules out a pair of
// words one edit apart, on random words and their random edits, with
// accents, other scripts and invalid bytes among the characters.
func TestMayBeOneEdit(t *testing.T) {
	chars := []string{"a", "b", "e", "s", "é", "ü", "я", "中", "😀", "\xff", "\xe2\x80"}
	r := rand.New(rand.NewPCG(2, 7))
	word := func() string {
		w := ""
		for range 1 + r.IntN(8) {
			w += chars[r.IntN(len(chars))]
		}
		return w
	}
	ones := 0
	for range 200000 {
		w := word()
		x := word()
		if r.IntN(2) == 0 { // an edit of w
			rs := []rune(w)
			i := r.IntN(len(rs) + 1)
			c := []rune(chars[r.IntN(len(chars)-2)])[0]
			switch r.IntN(3) {
			case 0:
				rs = append(rs[:i], append([]rune{c}, rs[i:]...)...)
			case 1:
				if i < len(rs) {
					rs = append(rs[:i], rs[i+1:]...)
				}
			default:
				if i < len(rs) {
					rs[i] = c
				}
			}
			x = string(rs)
		}
		if levenshtein.ComputeDistance(w, x) == 1 {
			ones++
			if !mayBeOneEdit(w, x) {
				t.Fatalf("mayBeOneEdit(%q, %q) is false, but they are one edit apart", w, x)
			}
		}
	}
	if ones < 10000 {
		t.Errorf("only %d pairs one edit apart", ones)
	}
}
