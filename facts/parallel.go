package facts

import "sync"

// parallel runs f over every article with several workers and returns the
// results in article order. Reading one article never depends on another,
// and a load of thousands of articles is dominated by such reading.
func parallel[T any](docs []*Document, workers int, f func(*Document) T) []T {
	out := make([]T, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = f(docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
