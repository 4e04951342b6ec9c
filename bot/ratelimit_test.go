package bot

import (
	"fmt"
	"testing"
	"time"
)

// clock is a settable clock for tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestLimiter(t *testing.T) {
	c := &clock{t: time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)}
	l := newLimiter(5, 2*time.Second, c.now)
	steps := []struct {
		advance time.Duration
		user    string
		ok      bool
		wait    time.Duration
	}{
		{0, "a", true, 0}, {0, "a", true, 0}, {0, "a", true, 0}, {0, "a", true, 0}, {0, "a", true, 0},
		{0, "a", false, 2 * time.Second}, // burst spent
		{0, "b", true, 0},                // others are not affected
		{time.Second, "a", false, time.Second},
		{time.Second, "a", true, 0}, // one refilled
		{0, "a", false, 2 * time.Second},
		{time.Hour, "a", true, 0}, // refills to the burst, not beyond
		{0, "a", true, 0}, {0, "a", true, 0}, {0, "a", true, 0}, {0, "a", true, 0},
		{0, "a", false, 2 * time.Second},
	}
	for i, s := range steps {
		c.advance(s.advance)
		ok, wait := l.allow(s.user)
		if ok != s.ok || wait != s.wait {
			t.Errorf("step %d (%s): allow = %v, %v; want %v, %v", i, s.user, ok, wait, s.ok, s.wait)
		}
	}
}

func TestLimiterOffAndPruned(t *testing.T) {
	var off *limiter
	if ok, _ := off.allow("x"); !ok {
		t.Error("no limiter refused")
	}
	if ok, _ := newLimiter(0, 0, time.Now).allow("x"); !ok {
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
