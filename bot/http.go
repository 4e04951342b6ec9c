package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Limits of the interactions endpoint.
const (
	// maxBody bounds a request. An interaction is a few kilobytes; the
	// largest, a button click, carries the message it is on (at most
	// 6,000 characters of embeds, some 30 KB of JSON).
	maxBody = 1 << 20
	// maxSkew is how far a request's signed timestamp may be from now: a
	// request recorded and sent again later is refused.
	maxSkew = 5 * time.Minute
)

// RunHTTP serves Discord's interactions over HTTP (HTTP mode) until ctx is
// done: Discord POSTs each interaction to /interactions on opts.Listener,
// signed with the application's key (opts.PublicKey), and the first reply
// goes back in the HTTP response. What follows it (the edit of a deferred
// reply, a follow-up) goes over REST, with token if one is given; an
// interaction's own token authorises those, so none is needed. Nothing is
// kept between requests but the fact base (and the per-user rate limit,
// which is per replica), so any number of replicas can serve behind a load
// balancer. On shutdown the requests in flight and their follow-ups finish
// first, a few seconds at most.
func (b *Bot) RunHTTP(ctx context.Context, token string) error {
	b.secrets.add(strings.TrimPrefix(strings.TrimSpace(token), "Bot "))
	return b.secrets.redactErr(b.runHTTP(ctx, token))
}

func (b *Bot) runHTTP(ctx context.Context, token string) error {
	if b.opts.Listener == nil {
		return errors.New("bot: HTTP mode needs a listener")
	}
	if len(b.opts.PublicKey) != ed25519.PublicKeySize {
		b.opts.Listener.Close()
		return errors.New("bot: HTTP mode needs the application's public key (Developer Portal > General Information > Public Key)")
	}
	rest, err := newRESTSession(token, b.apiBase)
	if err != nil {
		b.opts.Listener.Close()
		return err
	}
	stop, failed := b.startServer(b.interactions(rest))
	b.httpUp.Store(true)
	base := b.current().base
	b.log.Info("serving HTTP interactions", "url", "http://"+b.opts.Listener.Addr().String()+"/interactions",
		"articles", len(base.Docs()), "version", base.Version())
	select {
	case <-ctx.Done():
	case err := <-failed:
		b.stopping.Store(true)
		b.drain(b.opts.drainWait)
		return err
	}
	b.log.Info("shutting down")
	b.stopping.Store(true)
	stop() // the requests in flight get their first replies
	if !b.drain(b.opts.drainWait) {
		b.log.Warn("replies still in flight at shutdown", "waited", b.opts.drainWait)
	}
	return nil
}

// bodyLimit is a request body cut at maxBody that remembers whether it was
// cut, so that too large a request gets 413 rather than 401.
type bodyLimit struct {
	io.ReadCloser
	over bool
}

func (l *bodyLimit) Read(p []byte) (int, error) {
	n, err := l.ReadCloser.Read(p)
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		l.over = true
	}
	return n, err
}

// interactions is the endpoint Discord POSTs interactions to. Before
// anything reads the body, the request's Ed25519 signature is checked
// (discordgo.VerifyInteraction) with the application's key; a request that
// is not signed, signed by another key, changed after signing, or signed
// more than maxSkew from now gets 401 and no detail.
func (b *Bot) interactions(rest sender) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if r.ContentLength > maxBody {
			b.metrics.reject("too_large")
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		lim := &bodyLimit{ReadCloser: http.MaxBytesReader(w, r.Body, maxBody)}
		r.Body = lim
		if !discordgo.VerifyInteraction(r, b.opts.PublicKey) {
			if lim.over {
				b.metrics.reject("too_large")
				http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
				return
			}
			b.metrics.reject("signature")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if !b.fresh(r.Header.Get("X-Signature-Timestamp")) {
			b.metrics.reject("stale")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(r.Body) // what VerifyInteraction read, from memory
		var i discordgo.Interaction
		if err == nil {
			err = json.Unmarshal(body, &i)
		}
		if err != nil {
			b.metrics.reject("malformed")
			http.Error(w, "malformed interaction", http.StatusBadRequest)
			return
		}
		if i.Type == discordgo.InteractionPing {
			writeJSON(w, []byte(`{"type":1}`)) //nolint:errcheck // nothing to do about a client gone
			return
		}
		b.serveInteraction(w, r, rest, &i)
	})
}

// fresh reports whether a signed timestamp (Unix seconds) is within
// maxSkew of now.
func (b *Bot) fresh(ts string) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := b.opts.Now().Sub(time.Unix(sec, 0))
	return d <= maxSkew && d >= -maxSkew
}

// serveInteraction runs the same handler as gateway mode, on a goroutine of
// its own, and writes its first reply as the HTTP response. The handler may
// go on after that (a deferred reply's edit); shutdown waits for it.
func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request, rest sender, i *discordgo.Interaction) {
	if !b.begin() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	in := &inline{sender: rest, replies: make(chan inlineReply), gone: make(chan struct{}), done: make(chan struct{})}
	defer close(in.gone) // a first reply after this has nowhere to go
	go func() {
		defer b.inflight.Done()
		defer close(in.done)
		defer b.survive("interaction")
		b.handleInteraction(in, i)
	}()
	timer := time.NewTimer(b.opts.window)
	defer timer.Stop()
	select {
	case rep := <-in.replies:
		rep.written <- writeJSON(w, rep.body)
	case <-in.done:
		// No reply: an interaction of a type the bot does not answer.
		http.Error(w, "unsupported interaction", http.StatusBadRequest)
	case <-timer.C:
		// Discord has given up waiting by now.
		http.Error(w, "no reply in time", http.StatusServiceUnavailable)
	case <-r.Context().Done():
	}
}

// writeJSON writes a 200 response with body and pushes it out at once, so
// that Discord has the first reply (a deferral, say) before the REST calls
// that build on it.
func writeJSON(w http.ResponseWriter, body []byte) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("writing the reply: %w", err)
	}
	if err := http.NewResponseController(w).Flush(); err != nil {
		return fmt.Errorf("writing the reply: %w", err)
	}
	return nil
}

// inline is the sender of an interaction that came over HTTP: its first
// reply goes back in the HTTP response (see first); what follows goes over
// REST as in gateway mode, through the embedded sender.
type inline struct {
	sender
	replies chan inlineReply
	gone    chan struct{} // closed when the HTTP exchange is over
	done    chan struct{} // closed when the handler has returned
}

// inlineReply is a first reply on its way to the HTTP response; written
// says whether it got there.
type inlineReply struct {
	body    []byte
	written chan error
}

// reply hands a first reply to the HTTP response. When the exchange is
// already over (Discord gave up, or the client went away) it is too late,
// as a late callback is in gateway mode.
func (in *inline) reply(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding the reply: %w", err)
	}
	rep := inlineReply{body: body, written: make(chan error, 1)}
	select {
	case in.replies <- rep:
		return <-rep.written
	case <-in.gone:
		return errExpired
	}
}
