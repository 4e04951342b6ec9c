package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// RunHTTP serves Discord's interactions over HTTP (HTTP mode) until ctx is
// done: Discord POSTs each interaction to /interactions on opts.Listener,
// signed with the application's key (opts.PublicKey), and the first reply
// goes back in the HTTP response. What follows it (the edit of a deferred
// reply, a follow-up) goes over REST, authorised by the interaction's own
// token: the bot's token is never sent in HTTP mode (it is taken only to
// keep it out of the logs and errors). Nothing is kept between requests
// but the fact base, the per-user rate limit and the interactions already
// answered, which are per replica, so any number of replicas can serve
// behind a load balancer. On shutdown the requests in flight and their
// follow-ups finish first, a few seconds at most.
func (b *Bot) RunHTTP(ctx context.Context, token string) error {
	b.secrets.add(strings.TrimPrefix(strings.TrimSpace(token), "Bot "))
	return b.secrets.redactErr(b.runHTTP(ctx))
}

func (b *Bot) runHTTP(ctx context.Context) error {
	if b.opts.Listener == nil {
		b.closeListeners()
		return errors.New("bot: HTTP mode needs a listener")
	}
	if len(b.opts.PublicKey) != ed25519.PublicKeySize {
		b.closeListeners()
		return errors.New("bot: HTTP mode needs the application's public key (Developer Portal > General Information > Public Key)")
	}
	// No token: the interaction's own authorises every call that follows.
	s, err := newRESTSession("", b.apiBase)
	if err != nil {
		b.closeListeners()
		return err
	}
	b.replays = newReplaySet(b.opts.replayCap, int64(maxSkew/time.Second))
	stop, failed := b.startServer(b.interactions(discordSender{s}))
	b.httpUp.Store(true)
	b.log.Info("serving HTTP interactions", append([]any{"url", "http://" + b.opts.Listener.Addr().String() + "/interactions"},
		b.storyAttrs()...)...)
	select {
	case <-ctx.Done():
	case err := <-failed:
		b.stopping.Store(true)
		stop()
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

// closeListeners closes the listeners of a bot that will not serve.
func (b *Bot) closeListeners() {
	for _, ln := range []net.Listener{b.opts.Listener, b.opts.MetricsListener} {
		if ln != nil {
			ln.Close()
		}
	}
}

// interactions is the endpoint Discord POSTs interactions to. Nothing is
// parsed before the request's Ed25519 signature is checked with the
// application's key: the signature headers first (a request without a
// well-formed signature, or signed more than maxSkew from now, is refused
// before its body is read), then the body, read once into a buffer of
// maxBody, and verified there. A request that is not signed, signed by
// another key, changed after signing or stale gets 401 and no detail; a
// body over maxBody 413; a signed interaction already answered 409; and
// any request past maxInFlight 503. Each refusal is counted and logged
// (see rejectLog).
func (b *Bot) interactions(rest sender) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		sig, reason := b.signedHeaders(r.Header)
		if reason == "" && r.ContentLength > maxBody {
			reason = rejectTooLarge
		}
		if reason != "" {
			b.refuseRequest(w, r, reason)
			return
		}
		release, ok := b.takeSlot()
		if !ok {
			b.refuseRequest(w, r, rejectBusy)
			return
		}
		i, reason := b.readInteraction(r, sig)
		if reason != "" {
			release()
			b.refuseRequest(w, r, reason)
			return
		}
		if i.Type == discordgo.InteractionPing {
			release()
			writeJSON(w, []byte(`{"type":1}`)) //nolint:errcheck // nothing to do about a client gone
			return
		}
		b.serveInteraction(w, r, rest, i, release)
	})
}

// readInteraction reads the body of a request whose headers are checked,
// verifies its signature, and parses it; or says why it is refused. An
// interaction is taken once: the same id again, within the window in which
// its signature would be accepted, is a replay. (A PING is not recorded:
// answering it twice does nothing.)
func (b *Bot) readInteraction(r *http.Request, sig signature) (*discordgo.Interaction, string) {
	buf := b.bodies.Get().(*[]byte)
	defer b.bodies.Put(buf)
	msg, err := readSigned(r.Body, sig.ts, *buf)
	switch {
	case errors.Is(err, errTooLarge):
		return nil, rejectTooLarge
	case err != nil:
		return nil, rejectUnreadable
	case !ed25519.Verify(b.opts.PublicKey, msg, sig.sig[:]):
		return nil, rejectSignature
	}
	var i discordgo.Interaction
	// The interaction's strings are copies: the buffer can go back.
	if err := json.Unmarshal(msg[len(sig.ts):], &i); err != nil {
		return nil, rejectMalformed
	}
	if i.Type != discordgo.InteractionPing && !b.replays.first(i.ID, sig.at, b.opts.Now().Unix()) {
		return nil, rejectReplay
	}
	return &i, ""
}

// refuseRequest answers a refused request with its status and no detail,
// and counts and logs it. The connection stays open if the server can
// drain what is left of the body (a load balancer's pooled connection
// should outlive a forged request), and closes otherwise.
func (b *Bot) refuseRequest(w http.ResponseWriter, r *http.Request, reason string) {
	b.refused(reason, r.RemoteAddr)
	status, text := refusal(reason)
	http.Error(w, text, status)
}

// takeSlot takes a place for a request in flight, if there is one left;
// release gives it back, once, whoever calls it.
func (b *Bot) takeSlot() (release func(), ok bool) {
	select {
	case b.slots <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-b.slots }) }, true
	default:
		return nil, false
	}
}

// serveInteraction runs the same handler as gateway mode, on a goroutine of
// its own, and writes its first reply as the HTTP response. The handler may
// go on after that (a deferred reply's edit); shutdown waits for it. The
// handler holds the request's place in flight (release gives it back)
// until it is done, which bounds the handlers running at once.
func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request, rest sender, i *discordgo.Interaction, release func()) {
	if !b.begin() {
		release()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	in := &inline{sender: rest, replies: make(chan inlineReply), gone: make(chan struct{}), done: make(chan struct{})}
	defer close(in.gone) // a first reply after this has nowhere to go
	go func() {
		defer release()
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
	body, ok := v.(wireJSON)
	if !ok {
		var err error
		if body, err = json.Marshal(v); err != nil {
			return fmt.Errorf("encoding the reply: %w", err)
		}
	}
	rep := inlineReply{body: body, written: make(chan error, 1)}
	select {
	case in.replies <- rep:
		return <-rep.written
	case <-in.gone:
		return errExpired
	}
}
