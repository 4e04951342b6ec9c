package bot

import (
	"fmt"
	"strconv"
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

func TestLimiterOff(t *testing.T) {
	var off *limiter
	if ok, _, _ := off.allow("x"); !ok {
		t.Error("no limiter refused")
	}
	if ok, _, _ := newLimiter(0, 0, time.Now).allow("x"); !ok {
		t.Error("a burst of 0 (no limit) refused")
	}
}

// TestLimiterBounded: however many users ask, the limiter tracks at most
// maxUsers of them, forgets the ones whose buckets have refilled as new
// ones come, and its list of buckets stays in step with its map.
func TestLimiterBounded(t *testing.T) {
	tests := []struct {
		name    string
		users   int
		step    time.Duration // the clock's advance between two requests
		atMost  int           // buckets kept at the end
		atLeast int
	}{
		{"100,000 users at once", 100_000, 0, maxUsers, maxUsers},
		{"200,000 users at once", 200_000, 0, maxUsers, maxUsers},
		// One request takes one token, back after `every` (1 s): at 1 ms
		// apart, only the users of the last second are still tracked.
		{"100,000 users over 100 s", 100_000, time.Millisecond, 1_001, 1_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &clock{t: time.Unix(0, 0)}
			l := newLimiter(5, time.Second, c.now)
			for i := range tt.users {
				c.advance(tt.step)
				if ok, _, _ := l.allow(strconv.Itoa(i)); !ok {
					t.Fatalf("user %d refused on a first request", i)
				}
			}
			if n := len(l.buckets); n > tt.atMost || n < tt.atLeast {
				t.Errorf("%d buckets, want %d to %d", n, tt.atLeast, tt.atMost)
			}
			checkList(t, l)
		})
	}
	// Once everyone has refilled, new requests clear the old buckets away.
	c := &clock{t: time.Unix(0, 0)}
	l := newLimiter(1, time.Second, c.now)
	for i := range 10_000 {
		l.allow(strconv.Itoa(i))
	}
	c.advance(time.Minute)
	for range 10_000 / (expirePerCall - 1) {
		l.allow("new")
	}
	if n := len(l.buckets); n != 1 {
		t.Errorf("%d buckets after everyone refilled, want 1", n)
	}
	checkList(t, l)
}

// checkList checks that the list of buckets holds exactly the map's, from
// the least recently used to the most.
func checkList(t *testing.T, l *limiter) {
	t.Helper()
	n := 0
	var prev *bucket
	for b := l.oldest; b != nil; prev, b = b, b.next {
		if l.buckets[b.user] != b || b.prev != prev || (prev != nil && b.at.Before(prev.at)) {
			t.Fatalf("bucket %d (%s) is out of place in the list", n, b.user)
		}
		n++
	}
	if n != len(l.buckets) || l.newest != prev {
		t.Fatalf("the list has %d buckets, the map %d", n, len(l.buckets))
	}
}

// BenchmarkLimiter: the cost of allow() for a new user and for a known one,
// with 100,000 users tracked or asked before, none of them refilled (the
// case that made every new user scan the whole map). It should be a few
// hundred nanoseconds whatever the number of users.
func BenchmarkLimiter(b *testing.B) {
	for _, users := range []int{10_000, 100_000} {
		for _, known := range []bool{false, true} {
			b.Run(fmt.Sprintf("users=%d/known=%v", users, known), func(b *testing.B) {
				c := &clock{t: time.Unix(0, 0)}
				l := newLimiter(5, 2*time.Second, c.now)
				for i := range users {
					l.allow("u" + strconv.Itoa(i))
				}
				keys := make([]string, b.N)
				for i := range keys {
					if known {
						keys[i] = "u" + strconv.Itoa(users-1-i%min(users, l.maxUsers))
					} else {
						keys[i] = "n" + strconv.Itoa(i)
					}
				}
				b.ResetTimer()
				for i := range b.N {
					l.allow(keys[i])
				}
				b.StopTimer()
				b.ReportMetric(float64(len(l.buckets)), "buckets")
			})
		}
	}
}
