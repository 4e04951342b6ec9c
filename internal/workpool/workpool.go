// Package workpool runs independent work on several goroutines and keeps
// the results in input order. Reading one article never depends on
// another, and a load of thousands of articles is dominated by such
// reading.
package workpool

import "sync"

// Map returns f(items[i]) for every i, computed by up to workers
// goroutines (at least one).
func Map[T, R any](items []T, workers int, f func(T) R) []R {
	out := make([]R, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = f(items[i])
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
