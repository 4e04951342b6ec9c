package bot

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// clock is a settable clock for tests, safe for handlers running at once.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestLimiter(t *testing.T) {
	c := &clock{t: time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)}
	l := newLimiter(5, 2*time.Second, c.now)
	steps := []struct {
		advance time.Duration
		user    string
		ok      bool
		wait    time.Duration
		first   bool // the first refusal since the last allowed request
	}{
		{0, "a", true, 0, false}, {0, "a", true, 0, false}, {0, "a", true, 0, false}, {0, "a", true, 0, false}, {0, "a", true, 0, false},
		{0, "a", false, 2 * time.Second, true}, // burst spent
		{0, "b", true, 0, false},               // others are not affected
		{time.Second, "a", false, time.Second, false},
		{time.Second, "a", true, 0, false}, // one refilled
		{0, "a", false, 2 * time.Second, true},
		{time.Hour, "a", true, 0, false}, // refills to the burst, not beyond
		{0, "a", true, 0, false}, {0, "a", true, 0, false}, {0, "a", true, 0, false}, {0, "a", true, 0, false},
		{0, "a", false, 2 * time.Second, true},
	}
	for i, s := range steps {
		c.advance(s.advance)
		ok, wait, first := l.allow(s.user)
		if ok != s.ok || wait != s.wait || first != s.first {
			t.Errorf("step %d (%s): allow = %v, %v, %v; want %v, %v, %v", i, s.user, ok, wait, first, s.ok, s.wait, s.first)
		}
	}
}

func TestLimiterOffAndPruned(t *testing.T) {
	var off *limiter
	if ok, _, _ := off.allow("x"); !ok {
		t.Error("no limiter refused")
	}
	if ok, _, _ := newLimiter(0, 0, time.Now).allow("x"); !ok {
		t.Error("a burst of 0 (no limit) refused")
	}
	c := &clock{t: time.Unix(0, 0)}
	l := newLimiter(1, time.Second, c.now)
	for i := range pruneAt {
		l.allow(fmt.Sprint(i))
	}
	c.advance(time.Minute)
	l.allow("new")
	if n := len(l.buckets); n != 1 {
		t.Errorf("%d buckets after pruning, want 1", n)
	}
}
