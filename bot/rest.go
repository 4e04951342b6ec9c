package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/bwmarrin/discordgo"
)

// How REST calls to Discord are bounded. discordgo on its own retries a 429
// as often as Discord asks, sleeping retry_after each time whatever it is,
// and gives other failures no deadline but the HTTP client's; for an
// interaction, whose first reply counts only within 3 s, that is a reply
// too late and a goroutine (and a shutdown) kept waiting. So each call gets
// a deadline, and the bot retries by itself, within it.
const (
	defaultWindow      = 3 * time.Second  // Discord's window for the first reply to an interaction
	defaultRESTTimeout = 10 * time.Second // any other call: edits, follow-ups, DMs, registration
	maxAttempts        = 3
	firstBackoff       = 100 * time.Millisecond // after a 5xx or a network error; doubles
	minTry             = 50 * time.Millisecond  // not worth a retry with less time left than this
)

// Discord's JSON error codes the bot tells apart.
const (
	codeUnknownInteraction = 10062 // the interaction is gone: too late, or already expired
	codeAlreadyAcked       = 40060 // already answered (a retry whose first try got through)
)

// errExpired is a reply that Discord refused because it came too late.
var errExpired = errors.New("Discord no longer accepts a reply to this interaction (10062: it came after Discord's 3 s window)")

// call runs one REST call with deadline, retrying what is worth retrying:
// a 429 whose retry_after fits before the deadline, a 5xx, a network
// error. It counts retries in ev and returns the last error, described
// without the request's URL (which holds the interaction's token).
func (b *Bot) call(ev *event, deadline time.Time, do func(...discordgo.RequestOption) error) error {
	backoff := firstBackoff
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithDeadline(context.Background(), deadline)
		err := do(discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false), discordgo.WithRestRetries(0))
		cancel()
		if err == nil || (attempt > 1 && apiCode(err) == codeAlreadyAcked) {
			return nil
		}
		var rl *discordgo.RateLimitError
		if errors.As(err, &rl) {
			b.metrics.limited("discord")
		}
		wait, retry := retryable(err, &backoff)
		if !retry || attempt == maxAttempts || time.Until(deadline) < wait+minTry {
			return describe(err)
		}
		if ev != nil {
			ev.retries++
		}
		time.Sleep(wait)
	}
}

// retryable says whether a failed call may succeed if tried again, and
// after how long.
func retryable(err error, backoff *time.Duration) (time.Duration, bool) {
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) && rl.RateLimit != nil && rl.TooManyRequests != nil {
		return max(rl.RetryAfter, 0), true
	}
	wait := *backoff
	*backoff *= 2
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		return wait, re.Response != nil && re.Response.StatusCode >= 500
	}
	// No answer at all: refused, reset, timed out. A call that ran out of
	// its deadline has no time left for another try anyway.
	return wait, !errors.Is(err, context.DeadlineExceeded)
}

// apiCode is Discord's JSON error code of a failed call, or 0.
func apiCode(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Message != nil {
		return re.Message.Code
	}
	return 0
}

// describe turns a failed call into an error for the log: discordgo's own
// messages quote the URL, and an interaction's URL holds its token.
func describe(err error) error {
	var rl *discordgo.RateLimitError
	var re *discordgo.RESTError
	switch {
	case apiCode(err) == codeUnknownInteraction:
		return errExpired
	case errors.As(err, &rl) && rl.RateLimit != nil && rl.TooManyRequests != nil:
		return fmt.Errorf("rate limited by Discord for %s (more than the time left)", rl.RetryAfter)
	case errors.As(err, &re) && re.Response != nil:
		return fmt.Errorf("Discord answered %s: %s", re.Response.Status, clip(string(re.ResponseBody), 300))
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("no answer from Discord in time: %w", context.DeadlineExceeded)
	}
	return fmt.Errorf("no answer from Discord: %w", unwrapURL(err))
}

// unwrapURL drops the *url.Error around a transport error, and its URL.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// transport is the HTTP transport of the session: Go's default, keeping
// more idle connections per host. Over HTTP/2 (Discord itself) one
// connection carries every request; over HTTP/1.1 (a proxy, a local fake)
// the default of two idle connections would open a new one for nearly
// every reply under load.
func transport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return t
}
