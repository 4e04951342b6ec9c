package pool

import (
	"slices"
	"sync/atomic"
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

func TestMapWithGivesEachWorkerItsState(t *testing.T) {
	in := make([]int, 1000)
	for i := range in {
		in[i] = i
	}
	for _, workers := range []int{0, 1, 3} {
		var made atomic.Int32 // workers make their states at once
		got := MapWith(in, workers, func() *[]int { made.Add(1); return new([]int) }, func(seen *[]int, x int) int {
			*seen = append(*seen, x) // would race if two workers shared it
			return x * 2
		})
		for i, v := range got {
			if v != 2*i {
				t.Fatalf("workers=%d: item %d gave %d", workers, i, v)
			}
		}
		if n := int(made.Load()); n < 1 || n > max(workers, 1) {
			t.Errorf("workers=%d: %d states made", workers, n)
		}
	}
}
