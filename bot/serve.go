package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits of the bot's HTTP listeners. Discord's requests are small and
// want an answer within 3 s; a scraper or a load balancer's health check
// is smaller still. A client slower than that, or idle longer, is cut off
// within seconds, so that slow or idle connections cannot pile up, and
// the connections and the requests in flight are capped besides.
const (
	readHeaderTimeout = 2 * time.Second
	readTimeout       = 5 * time.Second  // the whole request, body included: maxBody at 50 KB/s
	writeTimeout      = 10 * time.Second // from the end of the headers: the 3 s window and the answer's writing
	// idleTimeout is how long a keep-alive connection may wait for its
	// next request. A load balancer keeping a pool of connections should
	// drop them sooner (nginx: keepalive_timeout 5s in the upstream).
	idleTimeout    = 10 * time.Second
	maxHeaderBytes = 16 << 10
	// maxConns is how many connections a listener holds at once; past it,
	// a new one gets 503 and is closed. A load balancer needs a few dozen.
	maxConns = 512
	// maxMetricsConns is the same for the metrics listener, for scrapers
	// and health checks.
	maxMetricsConns = 64
	// maxInFlight is how many interactions may be read, verified or
	// handled at once (a handler holds its place until its last edit is
	// sent); past it, a request gets 503. With maxBody, it bounds what a
	// flood of requests can hold in memory: 128 × 256 KiB = 32 MB.
	maxInFlight = 128
	// rejectFlushEvery is how often refusals not yet logged are looked at.
	rejectFlushEvery = 10 * time.Second
)

// httpTimeouts are the timeouts of the HTTP listeners (a test knob).
type httpTimeouts struct {
	readHeader, read, write, idle time.Duration
}

func (t httpTimeouts) orDefaults() httpTimeouts {
	return httpTimeouts{readHeader: cmp.Or(t.readHeader, readHeaderTimeout), read: cmp.Or(t.read, readTimeout),
		write: cmp.Or(t.write, writeTimeout), idle: cmp.Or(t.idle, idleTimeout)}
}

// muxes routes the listeners' paths: /healthz and /metrics on the metrics
// listener if there is one, else on the main one, which also serves the
// interactions endpoint in HTTP mode.
func (b *Bot) muxes(interactions http.Handler) (main, metrics *http.ServeMux) {
	main = http.NewServeMux()
	if interactions != nil {
		main.Handle("/interactions", interactions)
	}
	metrics = main
	if b.opts.MetricsListener != nil {
		metrics = http.NewServeMux()
	}
	metrics.HandleFunc("GET /healthz", b.serveHealth)
	metrics.Handle("GET /metrics", b.metrics.httpHandler())
	return main, metrics
}

// startServer serves the listeners there are (opts.Listener and
// opts.MetricsListener). stop shuts them down, letting the requests in
// flight finish within the drain wait, and logs the refusals not logged
// yet; failed delivers the error that ends serving early, if any.
func (b *Bot) startServer(interactions http.Handler) (stop func(), failed <-chan error) {
	errc := make(chan error, 2)
	main, metrics := b.muxes(interactions)
	type listener struct {
		ln       net.Listener
		handler  http.Handler
		maxConns int
		serves   string // for the log
	}
	var lns []listener
	if ln := b.opts.Listener; ln != nil {
		serves := "/healthz /metrics"
		switch {
		case interactions != nil && b.opts.MetricsListener != nil:
			serves = "/interactions"
		case interactions != nil:
			serves = "/interactions /healthz /metrics"
		case b.opts.MetricsListener != nil:
			serves = "nothing"
		}
		lns = append(lns, listener{ln, main, b.opts.maxConns, serves})
	}
	if ln := b.opts.MetricsListener; ln != nil {
		lns = append(lns, listener{ln, metrics, min(b.opts.maxConns, maxMetricsConns), "/healthz /metrics"})
	}
	if len(lns) == 0 {
		return func() {}, errc
	}
	var srvs []*http.Server
	for _, l := range lns {
		t := b.opts.timeouts
		srv := &http.Server{
			Handler:           l.handler,
			ReadHeaderTimeout: t.readHeader,
			ReadTimeout:       t.read,
			WriteTimeout:      t.write,
			IdleTimeout:       t.idle,
			MaxHeaderBytes:    maxHeaderBytes,
			ErrorLog:          slog.NewLogLogger(b.log.Handler(), slog.LevelDebug),
		}
		srvs = append(srvs, srv)
		ln := newLimitListener(l.ln, l.maxConns, func(from string) { b.refused(rejectConnections, from) })
		go func() {
			if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
				errc <- fmt.Errorf("serving HTTP on %s: %w", ln.Addr(), err)
			}
		}()
		b.log.Info("listening", "addr", ln.Addr().String(), "serves", l.serves)
	}
	done := make(chan struct{})
	go b.rejects.every(rejectFlushEvery, done)
	var once sync.Once
	return func() { once.Do(func() { b.stopServers(srvs, done) }) }, errc
}

// stopServers shuts the servers down, letting the requests in flight
// finish within the drain wait, then ends the refusals' flushing (done)
// and logs what it had not.
func (b *Bot) stopServers(srvs []*http.Server, done chan struct{}) {
	ctx, cancel := context.WithTimeout(context.Background(), b.opts.drainWait)
	defer cancel()
	var wg sync.WaitGroup
	for _, srv := range srvs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := srv.Shutdown(ctx); err != nil {
				b.log.Warn("HTTP requests still in flight at shutdown", "waited", b.opts.drainWait)
				_ = srv.Close()
			}
		}()
	}
	wg.Wait()
	close(done)
	b.rejects.flush(true)
}

// refused counts and logs a request or connection refused for reason.
func (b *Bot) refused(reason, from string) {
	b.metrics.reject(reason)
	b.rejects.add(reason, from)
}

// health reports whether the bot takes requests, and if not, why: it is
// shutting down, or a gateway shard is not connected. The fact base is
// always loaded: a bot is never made without one.
func (b *Bot) health() (bool, string) {
	if b.stopping.Load() || b.isClosed() {
		return false, "shutting down"
	}
	if b.httpUp.Load() {
		return true, ""
	}
	shards := b.shards.Load()
	if shards == nil {
		return false, "not connected to the gateway yet"
	}
	for _, c := range *shards {
		if !c.up.Load() {
			return false, fmt.Sprintf("gateway shard %d is not connected", c.shard)
		}
	}
	return true, ""
}

// serveHealth is /healthz: 200 when the bot takes requests, else 503, for
// a load balancer or an orchestrator; the body says which fact base it
// serves, or what is wrong.
func (b *Bot) serveHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	ok, why := b.health()
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "unavailable: %s\n", why)
		return
	}
	stories := b.svc.Stories()
	if len(stories) == 1 {
		fmt.Fprintf(w, "ok: fact base %s, %d articles\n", stories[0].Version, stories[0].Articles)
		return
	}
	fmt.Fprintln(w, "ok:")
	for _, st := range stories {
		if st.Version == "" {
			fmt.Fprintf(w, "story %s: not loaded (its facts folder has errors)\n", st.Name)
			continue
		}
		fmt.Fprintf(w, "story %s: fact base %s, %d articles\n", st.Name, st.Version, st.Articles)
	}
}
