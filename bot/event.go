package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/briefbot/briefbot/commands"
)

// Outcomes, as logged.
const (
	outOK          = "ok"
	outNotFound    = "not_found"
	outUserError   = "user_error"
	outError       = "error"
	outPanic       = "panic"
	outRateLimited = "rate_limited"
	outRefused     = "refused"
	outStale       = "stale"
	outReloadFail  = "reload_failed"
	outExpired     = "expired" // Discord refused the reply as too late (10062)
)

const genericError = "Something went wrong on our side; it has been logged. Please try again."

// What a log line takes of a value someone else controls (a command name,
// an id, an address; an error, which may quote a query): enough to know it
// again, in characters, and never the whole of a 200 KB one.
const (
	maxLogField = 100
	maxLogError = 2000
)

// event is what the one log line of an interaction or DM says, and what
// answering it needs to know along the way.
type event struct {
	kind, command, user, guild string
	outcome                    string
	err                        error
	retries                    int       // REST calls tried again
	quiet                      bool      // log at debug: a repeat of a refusal already logged
	deadline                   time.Time // for the first reply to an interaction
	responded                  bool      // a first reply was sent (or tried)
}

func (b *Bot) logEvent(ev *event, start time.Time) {
	level := slog.LevelInfo
	if ev.quiet {
		level = slog.LevelDebug
	}
	attrs := []slog.Attr{slog.String("kind", ev.kind), slog.String("command", b.logField(ev.command, maxLogField)),
		slog.String("user", b.logField(ev.user, maxLogField)), slog.String("guild", b.logField(ev.guild, maxLogField)),
		slog.Duration("duration", b.opts.Now().Sub(start)), slog.String("outcome", ev.outcome)}
	if ev.retries > 0 {
		attrs = append(attrs, slog.Int("retries", ev.retries))
	}
	if ev.err != nil && ev.outcome != outUserError {
		level = slog.LevelError
		if ev.outcome == outExpired {
			level = slog.LevelWarn
		}
		attrs = append(attrs, slog.String("err", b.logField(ev.err.Error(), maxLogError)))
		var pe *panicError
		if errors.As(ev.err, &pe) {
			attrs = append(attrs, slog.String("stack", string(pe.stack)))
		}
	}
	b.log.LogAttrs(context.Background(), level, "interaction", attrs...)
	b.metrics.event(ev.kind, b.commandLabel(ev.command), ev.outcome)
}

// logField clips a value for a log line, after taking the secrets out: a
// cut through a secret would leave a piece the log handler could not find.
func (b *Bot) logField(s string, n int) string {
	return clip(b.secrets.redact(s), n)
}

// sendFailed records in ev a reply that could not be sent.
func sendFailed(ev *event, what string, err error) {
	ev.outcome, ev.err = outError, fmt.Errorf("%s: %w", what, err)
	if errors.Is(err, errExpired) {
		ev.outcome = outExpired
	}
}

// panicError is a handler's panic, recovered so that one bad query cannot
// take the bot down.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

// errorMessage is what the user sees when a request fails: a user error as
// it is, anything else as a generic line (the details go to the log).
func errorMessage(err error) (message, string) {
	switch {
	case commands.IsUserError(err) || errors.Is(err, errStale):
		return textMessage("⚠️ "+escape(err.Error()), true), outUserError
	case errors.As(err, new(*panicError)):
		return textMessage(genericError, true), outPanic
	}
	return textMessage(genericError, true), outError
}

// settle names the outcome of a handled request and returns the error to
// show instead of the answer, if any. A failed reload has an answer to
// show all the same: its report, which lists every error.
func settle(a commands.Answer, err error) (string, error) {
	switch {
	case errors.Is(err, commands.ErrReload):
		return outReloadFail, nil
	case err != nil:
		return "", err
	case a.Found:
		return outOK, nil
	}
	return outNotFound, nil
}
