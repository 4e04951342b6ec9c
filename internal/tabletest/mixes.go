package tabletest

import (
	"iter"
	"math/rand/v2"
	"strings"
)

// Mixes yields n strings for a property test, each made of up to most-1
// parts drawn at random from parts. The same seed gives the same strings,
// so that a failure can be replayed.
func Mixes(seed uint64, parts []string, most, n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		r := rand.New(rand.NewPCG(seed, seed))
		var b strings.Builder
		for range n {
			b.Reset()
			for range r.IntN(most) {
				b.WriteString(parts[r.IntN(len(parts))])
			}
			if !yield(b.String()) {
				return
			}
		}
	}
}
