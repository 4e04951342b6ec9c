package workpool

import (
	"slices"
	"testing"
)

func TestMapKeepsOrder(t *testing.T) {
	in := make([]int, 1000)
	for i := range in {
		in[i] = i
	}
	for _, workers := range []int{0, 1, 3, 16} {
		got := Map(in, workers, func(x int) int { return x * x })
		want := make([]int, len(in))
		for i := range in {
			want[i] = i * i
		}
		if !slices.Equal(got, want) {
			t.Errorf("workers=%d: results out of order or wrong", workers)
		}
	}
	if got := Map([]int{}, 2, func(x int) int { return x }); len(got) != 0 {
		t.Errorf("empty input gave %v", got)
	}
}
