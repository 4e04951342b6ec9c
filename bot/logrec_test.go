package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// logRecorder is a slog handler that keeps every record, at every level,
// as a map like the JSON handler's: "level", "msg", and the attributes
// (a group's as "group.key"). Tests count and match lines with it.
type logRecorder struct {
	mu     *sync.Mutex
	recs   *[]map[string]any
	change *chan struct{}
	attrs  []slog.Attr
	group  string
}

func newLogRecorder() *logRecorder {
	ch := make(chan struct{})
	return &logRecorder{mu: &sync.Mutex{}, recs: &[]map[string]any{}, change: &ch}
}

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }

func (l *logRecorder) Handle(_ context.Context, r slog.Record) error {
	m := map[string]any{"level": r.Level.String(), "msg": r.Message}
	for _, a := range l.attrs {
		flatten(m, "", a)
	}
	r.Attrs(func(a slog.Attr) bool {
		flatten(m, l.group, a)
		return true
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	*l.recs = append(*l.recs, m)
	close(*l.change)
	*l.change = make(chan struct{})
	return nil
}

func flatten(m map[string]any, prefix string, a slog.Attr) {
	v := a.Value.Resolve()
	if v.Kind() == slog.KindGroup {
		for _, x := range v.Group() {
			flatten(m, prefix+a.Key+".", x)
		}
		return
	}
	m[prefix+a.Key] = v.Any()
}

func (l *logRecorder) WithAttrs(as []slog.Attr) slog.Handler {
	c := *l
	c.attrs = append(slices.Clip(l.attrs), as...)
	return &c
}

func (l *logRecorder) WithGroup(name string) slog.Handler {
	c := *l
	c.group += name + "."
	return &c
}

// records returns the records so far.
func (l *logRecorder) records() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(*l.recs)
}

// count counts the records that match.
func (l *logRecorder) count(match func(map[string]any) bool) int {
	n := 0
	for _, m := range l.records() {
		if match(m) {
			n++
		}
	}
	return n
}

// wait waits for a record that matches.
func (l *logRecorder) wait(match func(map[string]any) bool) (map[string]any, error) {
	var got map[string]any
	err := l.until(func(recs []map[string]any) bool {
		for _, m := range recs {
			if match(m) {
				got = m
				return true
			}
		}
		return false
	})
	return got, err
}

// waitCount waits until n records match.
func (l *logRecorder) waitCount(match func(map[string]any) bool, n int) error {
	k := 0
	err := l.until(func(recs []map[string]any) bool {
		k = 0
		for _, m := range recs {
			if match(m) {
				k++
			}
		}
		return k >= n
	})
	if err != nil {
		return fmt.Errorf("%d matching log lines, want %d", k, n)
	}
	return nil
}

// waitOnce waits for a record that matches and fails t unless it is the
// only one: for a line written once, which may come after the response the
// test has read. what says what the lines count ("resumes logged").
func (l *logRecorder) waitOnce(t testing.TB, match func(map[string]any) bool, what string) {
	t.Helper()
	if err := l.waitCount(match, 1); err != nil {
		t.Fatalf("%s: %v:\n%s", what, err, l)
	}
	if n := l.count(match); n != 1 {
		t.Errorf("%d %s, want 1:\n%s", n, what, l)
	}
}

// until calls done with the records, under the lock, each time one is
// added, until it returns true or waitFor passes.
func (l *logRecorder) until(done func([]map[string]any) bool) error {
	deadline := time.NewTimer(waitFor)
	defer deadline.Stop()
	for {
		l.mu.Lock()
		ch := *l.change
		ok := done(*l.recs)
		l.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-deadline.C:
			return errors.New("no such log line")
		}
	}
}

// String prints every record, one a line.
func (l *logRecorder) String() string {
	var b strings.Builder
	for _, m := range l.records() {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s=%v ", k, m[k])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// msgIs matches records by message.
func msgIs(msg string) func(map[string]any) bool {
	return func(m map[string]any) bool { return m["msg"] == msg }
}

// atLeast matches records at level or above.
func atLeast(level slog.Level) func(map[string]any) bool {
	return func(m map[string]any) bool {
		var l slog.Level
		return l.UnmarshalText([]byte(m["level"].(string))) == nil && l >= level
	}
}
