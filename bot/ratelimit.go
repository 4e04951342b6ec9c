package bot

import (
	"math"
	"sync"
	"time"
)

// limiter is a token bucket per user: burst requests at once, then one
// every every. Autocomplete is not counted (Discord sends one per key
// press); commands, page clicks and DMs are.
//
// Its cost per call and its memory are bounded whatever the number of
// users. The buckets are kept in a list from the least recently used to the
// most, so that the ones to forget are at one end: each call drops at most
// expirePerCall buckets there that have refilled (forgetting them changes
// nothing), which keeps up with the one bucket a call may add; and past
// maxUsers the least recently used bucket goes even if it has not refilled.
// That lets a user forgotten that way start a new burst early, which takes
// more than maxUsers others asking within one refill time (burst×every,
// 10 s by default: 5,000 distinct users a second).
type limiter struct {
	burst    float64
	every    time.Duration
	now      func() time.Time
	maxUsers int

	mu      sync.Mutex
	buckets map[string]*bucket
	// oldest and newest are the ends of the list of buckets by last
	// request (linked through prev and next).
	oldest, newest *bucket
}

type bucket struct {
	user       string
	tokens     float64
	at         time.Time
	warned     bool // refused since the last request allowed
	prev, next *bucket
}

const (
	// maxUsers bounds the users tracked at once: some 130 bytes each
	// with the id, 6.6 MB in all.
	maxUsers = 50_000
	// expirePerCall is how many refilled buckets a call may drop, more
	// than the one it may add, so that the refilled ones do not pile up.
	expirePerCall = 4
)

func newLimiter(burst int, every time.Duration, now func() time.Time) *limiter {
	return &limiter{burst: float64(burst), every: every, now: now, maxUsers: maxUsers, buckets: map[string]*bucket{}}
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
	l.expire(now)
	b, ok := l.buckets[user]
	if ok {
		l.unlink(b)
	} else {
		if len(l.buckets) >= l.maxUsers {
			l.forget(l.oldest)
		}
		b = &bucket{user: user, tokens: l.burst, at: now}
		l.buckets[user] = b
	}
	l.pushNewest(b)
	b.tokens = l.level(b, now)
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

// level is how many tokens b holds at now.
func (l *limiter) level(b *bucket, now time.Time) float64 {
	return min(l.burst, b.tokens+float64(max(now.Sub(b.at), 0))/float64(l.every))
}

// expire drops up to expirePerCall of the least recently used buckets that
// have refilled. The list is in the order of the requests, so the first
// bucket that has not refilled ends the look.
func (l *limiter) expire(now time.Time) {
	for range expirePerCall {
		b := l.oldest
		if b == nil || l.level(b, now) < l.burst {
			return
		}
		l.forget(b)
	}
}

func (l *limiter) forget(b *bucket) {
	l.unlink(b)
	delete(l.buckets, b.user)
}

func (l *limiter) unlink(b *bucket) {
	if b.prev != nil {
		b.prev.next = b.next
	} else {
		l.oldest = b.next
	}
	if b.next != nil {
		b.next.prev = b.prev
	} else {
		l.newest = b.prev
	}
	b.prev, b.next = nil, nil
}

func (l *limiter) pushNewest(b *bucket) {
	b.prev = l.newest
	if l.newest != nil {
		l.newest.next = b
	} else {
		l.oldest = b
	}
	l.newest = b
}

// seconds rounds a wait up to whole seconds, at least one, for people.
func seconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
