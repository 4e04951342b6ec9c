// Package testlog holds what tests need to read a running program's log.
package testlog

import (
	"bytes"
	"sync"
)

// Buffer is a log sink that a running program writes to, from any
// goroutine, while a test reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns everything written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
