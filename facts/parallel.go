package facts

import "github.com/briefbot/briefbot/facts/internal/pool"

// parallel runs f over every article with several workers and returns the
// results in article order.
func parallel[T any](docs []*Document, workers int, f func(*Document) T) []T {
	return pool.Map(docs, workers, f)
}

// parallelWith is parallel for an f that reuses scratch state from
// article to article: each worker makes its own with state.
func parallelWith[S, T any](docs []*Document, workers int, state func() S, f func(S, *Document) T) []T {
	return pool.MapWith(docs, workers, state, f)
}

// totalLen is how many items the lists hold in all: what one array for all
// of them needs.
func totalLen[T any](lists [][]T) int {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	return n
}
