package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// rejectEvery is how often the refusals of one reason are logged at most.
const rejectEvery = time.Minute

// rejectLog logs the requests the HTTP listeners refuse, once a minute per
// reason at most, with how many there were since the last line: a flood of
// forged requests is a line a minute, not a line a request. (Each is also
// counted in briefbot_http_rejected_total at once.)
type rejectLog struct {
	log *slog.Logger
	now func() time.Time

	mu sync.Mutex
	by map[string]*rejectCount
}

type rejectCount struct {
	pending  int       // refused since the last line
	from     string    // where the last of them came from
	loggedAt time.Time // when the last line was written; zero: never
}

func newRejectLog(log *slog.Logger, now func() time.Time) *rejectLog {
	return &rejectLog{log: log, now: now, by: map[string]*rejectCount{}}
}

// add counts a refusal, and logs it with those before it unless a line
// for its reason was written less than rejectEvery ago. from is the
// client's address, clipped: it is the peer's, not anything it sent.
func (l *rejectLog) add(reason, from string) {
	if l == nil {
		return
	}
	l.mu.Lock()
	c := l.by[reason]
	if c == nil {
		c = &rejectCount{}
		l.by[reason] = c
	}
	c.pending++
	c.from = clip(from, maxLogField)
	now := l.now()
	if !c.loggedAt.IsZero() && now.Sub(c.loggedAt) < rejectEvery {
		l.mu.Unlock()
		return
	}
	n, last := c.pending, c.from
	c.pending, c.loggedAt = 0, now
	l.mu.Unlock()
	l.write(reason, n, last)
}

// flush logs the refusals not logged yet: all of them when the listeners
// stop (all), else those whose reason's last line is rejectEvery old.
func (l *rejectLog) flush(all bool) {
	if l == nil {
		return
	}
	type line struct {
		reason, from string
		n            int
	}
	var lines []line
	l.mu.Lock()
	now := l.now()
	for reason, c := range l.by {
		if c.pending > 0 && (all || now.Sub(c.loggedAt) >= rejectEvery) {
			lines = append(lines, line{reason, c.from, c.pending})
			c.pending, c.loggedAt = 0, now
		}
	}
	l.mu.Unlock()
	for _, x := range lines {
		l.write(x.reason, x.n, x.from)
	}
}

func (l *rejectLog) write(reason string, n int, from string) {
	level := slog.LevelInfo
	if reason == rejectBusy || reason == rejectConnections {
		level = slog.LevelWarn // the bot is at capacity, not merely probed
	}
	l.log.Log(context.Background(), level, "HTTP requests refused", "reason", reason, "count", n, "last_from", from)
}

// every calls flush(false) every d until done is closed.
func (l *rejectLog) every(d time.Duration, done <-chan struct{}) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			l.flush(false)
		}
	}
}
