package bot

import (
	"math"
	"sync"
	"time"
)

// limiter is a token bucket per user: burst requests at once, then one
// every every. Autocomplete is not counted (Discord sends one per key
// press); commands, page clicks and DMs are.
type limiter struct {
	burst float64
	every time.Duration
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
	warned bool // refused since the last request allowed
}

// pruneAt is the number of users tracked before full buckets are dropped,
// which bounds the memory a flood of distinct users can take.
const pruneAt = 10000

func newLimiter(burst int, every time.Duration, now func() time.Time) *limiter {
	return &limiter{burst: float64(burst), every: every, now: now, buckets: map[string]*bucket{}}
}

// allow takes a token for user, or says how long until one is free and
// whether this is the first refusal since the user's last allowed request
// (a flood is told to slow down once, and logged once).
func (l *limiter) allow(user string) (ok bool, wait time.Duration, first bool) {
	if l == nil || l.burst <= 0 {
		return true, 0, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[user]
	if !ok {
		if len(l.buckets) >= pruneAt {
			l.prune(now)
		}
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[user] = b
	}
	b.tokens = min(l.burst, b.tokens+float64(now.Sub(b.at))/float64(l.every))
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		b.warned = false
		return true, 0, false
	}
	first = !b.warned
	b.warned = true
	return false, time.Duration((1 - b.tokens) * float64(l.every)), first
}

// prune drops the buckets that have refilled: forgetting them changes
// nothing.
func (l *limiter) prune(now time.Time) {
	for u, b := range l.buckets {
		if b.tokens+float64(now.Sub(b.at))/float64(l.every) >= l.burst {
			delete(l.buckets, u)
		}
	}
}

// seconds rounds a wait up to whole seconds, at least one, for people.
func seconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
