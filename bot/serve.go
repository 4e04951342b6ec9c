package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// Limits of the bot's HTTP listener. Discord's requests are small and
// want an answer within 3 s; a scraper or a load balancer's health check
// is smaller still. Anything slower is a client to cut off.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 2 * time.Minute // keep-alive for a load balancer's pooled connections
	maxHeaderBytes    = 64 << 10
)

// mux routes the listener's paths: /healthz and /metrics always, the
// interactions endpoint in HTTP mode.
func (b *Bot) mux(interactions http.Handler) *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /healthz", b.serveHealth)
	m.Handle("GET /metrics", b.metrics.httpHandler())
	if interactions != nil {
		m.Handle("/interactions", interactions)
	}
	return m
}

// startServer serves the mux on opts.Listener, if there is one. stop shuts
// it down, letting the requests in flight finish within the drain wait;
// failed delivers the error that ends serving early, if any.
func (b *Bot) startServer(interactions http.Handler) (stop func(), failed <-chan error) {
	errc := make(chan error, 1)
	ln := b.opts.Listener
	if ln == nil {
		return func() {}, errc
	}
	srv := &http.Server{
		Handler:           b.mux(interactions),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(b.log.Handler(), slog.LevelDebug),
	}
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("serving HTTP on %s: %w", ln.Addr(), err)
		}
	}()
	b.log.Info("listening", "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), b.opts.drainWait)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			b.log.Warn("HTTP requests still in flight at shutdown", "waited", b.opts.drainWait)
			_ = srv.Close()
		}
	}, errc
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
	base := b.current().base
	ok, why := b.health()
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "unavailable: %s\n", why)
		return
	}
	fmt.Fprintf(w, "ok: fact base %s, %d articles\n", base.Version(), len(base.Docs()))
}
