package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
)

// redacted stands for a secret in logs and errors.
const redacted = "[redacted]"

// secrets are the strings the bot must never write anywhere: its token.
// Run adds the token before it connects; handlers logging at the same
// time (a SIGHUP reload) read the list, hence the atomic pointer.
type secrets struct {
	list atomic.Pointer[[]string]
}

func (s *secrets) add(secret string) {
	// A token that short would be no secret worth the damage its
	// replacement does to every log line.
	if len(secret) < 8 {
		return
	}
	old := s.list.Load()
	var l []string
	if old != nil {
		l = append(l, *old...)
	}
	l = append(l, secret)
	s.list.Store(&l)
}

// redact replaces every secret in text.
func (s *secrets) redact(text string) string {
	l := s.list.Load()
	if l == nil {
		return text
	}
	for _, sec := range *l {
		text = strings.ReplaceAll(text, sec, redacted)
	}
	return text
}

// redactHandler is a slog handler that takes the secrets out of every
// message and attribute, errors and panic values included, whatever logs
// them: a REST error quoting a proxy's answer, a panic message from a
// library.
type redactHandler struct {
	next    slog.Handler
	secrets *secrets
}

func (h redactHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h redactHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.secrets.redact(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

// WithAttrs redacts the attributes with the secrets known now; the bot
// itself adds none this way.
func (h redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	out := make([]slog.Attr, len(as))
	for i, a := range as {
		out[i] = h.attr(a)
	}
	return redactHandler{next: h.next.WithAttrs(out), secrets: h.secrets}
}

func (h redactHandler) WithGroup(name string) slog.Handler {
	return redactHandler{next: h.next.WithGroup(name), secrets: h.secrets}
}

func (h redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.secrets.redact(v.String()))
	case slog.KindGroup:
		g := v.Group()
		out := make([]any, len(g))
		for i, x := range g {
			out[i] = h.attr(x)
		}
		return slog.Group(a.Key, out...)
	case slog.KindAny:
		// An error, a panic value, a struct: as text, if it holds a secret.
		if s := fmt.Sprint(v.Any()); h.secrets.redact(s) != s {
			return slog.String(a.Key, h.secrets.redact(s))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// redactedError is an error whose text has the secrets taken out, for the
// errors Run and Register return to be printed.
type redactedError struct {
	err     error
	secrets *secrets
}

func (e *redactedError) Error() string { return e.secrets.redact(e.err.Error()) }
func (e *redactedError) Unwrap() error { return e.err }

// redactErr wraps err, if any, so that its text never shows a secret.
func (s *secrets) redactErr(err error) error {
	if err == nil {
		return nil
	}
	return &redactedError{err: err, secrets: s}
}
