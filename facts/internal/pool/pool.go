// Package pool runs independent work on every core and keeps the results
// in input order, with no channel: workers take the next items from a
// shared counter, a few at a time. Reading
// twenty thousand unchanged articles costs microseconds each, where a
// channel hand-off per item, and the goroutine feeding it, cost as much
// again.
package pool

import (
	"sync"
	"sync/atomic"
)

// chunk is how many items a worker takes at once: enough that the counter
// is touched rarely, few enough that the workers finish together.
const chunk = 16

// Map returns f(items[i]) for every i, computed by up to workers
// goroutines (at least one; with one, on the caller's).
func Map[T, R any](items []T, workers int, f func(T) R) []R {
	out := make([]R, len(items))
	Each(len(items), workers, func(i int) { out[i] = f(items[i]) })
	return out
}

// MapWith is Map for an f that needs scratch state, such as buffers it
// reuses from item to item: each worker makes its own with state, once.
func MapWith[T, R, S any](items []T, workers int, state func() S, f func(S, T) R) []R {
	out := make([]R, len(items))
	eachWorker(len(items), workers, func() func(i int) {
		s := state()
		return func(i int) { out[i] = f(s, items[i]) }
	})
	return out
}

// Each calls f(i) for every i in [0, n), on up to workers goroutines.
func Each(n, workers int, f func(i int)) {
	eachWorker(n, workers, func() func(i int) { return f })
}

// eachWorker is Each where each worker first asks start for its f.
func eachWorker(n, workers int, start func() func(i int)) {
	workers = min(max(workers, 1), (n+chunk-1)/chunk)
	if workers <= 1 {
		f := start()
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	work := func() {
		defer wg.Done()
		f := start()
		for {
			from := int(next.Add(chunk)) - chunk
			if from >= n {
				return
			}
			for i := from; i < min(from+chunk, n); i++ {
				f(i)
			}
		}
	}
	wg.Add(workers)
	for range workers - 1 {
		go work()
	}
	work()
	wg.Wait()
}
