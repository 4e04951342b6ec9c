package facts

import "github.com/briefbot/briefbot/internal/workpool"

// parallel runs f over every article with several workers and returns the
// results in article order.
func parallel[T any](docs []*Document, workers int, f func(*Document) T) []T {
	return workpool.Map(docs, workers, f)
}
