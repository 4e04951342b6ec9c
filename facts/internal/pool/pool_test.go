package pool

import (
	"slices"
	"testing"
)

func TestMapKeepsOrder(t *testing.T) {
	for _, n := range []int{0, 1, 15, 16, 17, 1000} {
		in := make([]int, n)
		for i := range in {
			in[i] = i
		}
		for _, workers := range []int{0, 1, 3, 16} {
			got := Map(in, workers, func(x int) int { return x * x })
			want := make([]int, n)
			for i := range in {
				want[i] = i * i
			}
			if !slices.Equal(got, want) {
				t.Errorf("n=%d workers=%d: results out of order or wrong", n, workers)
			}
		}
	}
}
