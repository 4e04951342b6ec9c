package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/watch"
)

// runBot is `briefbot run`: serve on Discord until SIGINT or SIGTERM (ctx),
// through the gateway or, with --mode http, as an interactions endpoint;
// SIGHUP and changes to the facts folder reload the fact base as /reload
// does.
func runBot(ctx context.Context, e env) error {
	fs := e.flags
	path := configFlag(fs)
	mode := fs.String("mode", "", "gateway or http (default: the config's mode, else gateway)")
	cfg, err := configured(fs, path, e.args)
	if err != nil {
		return err
	}
	switch *mode {
	case "":
	case modeGateway, modeHTTP:
		cfg.Mode = *mode
	default:
		return usageErrorf("run: --mode %q: want gateway or http", *mode)
	}
	token := e.getenv("DISCORD_TOKEN")
	switch {
	case cfg.Mode == modeGateway && token == "":
		return &exitError{code: 2, err: errNoToken}
	case cfg.Mode == modeHTTP && cfg.PublicKey == "":
		return &exitError{code: 2, err: errors.New("HTTP mode needs discord.public_key in the config (Developer Portal > General Information > Public Key)")}
	case cfg.Mode == modeGateway && cfg.Listen != "" && cfg.MetricsListen != "":
		return &exitError{code: 2, err: errors.New("gateway mode serves only /healthz and /metrics, on http.metrics_listen when it is set: leave http.listen empty")}
	}
	log := newLogger(cfg, e.stderr)
	b, err := newBot(cfg, log)
	if err != nil {
		return err
	}
	watchHUP(ctx, log, b)
	watchFacts(ctx, cfg, log, b)
	if cfg.Mode == modeHTTP {
		if cfg.ShardCount != 1 || len(cfg.ShardIDs) > 0 {
			log.Warn("shard_count and shard_id are for gateway mode; HTTP mode has no gateway connection to shard")
		}
		return b.RunHTTP(ctx, token)
	}
	return b.Run(ctx, token)
}

// newBot loads the fact base (on every core: nothing is served yet), opens
// the listener if one is configured, and makes the bot, with a metrics
// registry of its own that also has Go's and the process's metrics.
func newBot(cfg config, log *slog.Logger) (*bot.Bot, error) {
	opts := botOptions(cfg, log)
	var err error
	if opts.Service, err = newService(cfg, log); err != nil {
		return nil, err
	}
	opts.Registry = prometheus.NewRegistry()
	opts.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	opts.PublicKey, _ = hex.DecodeString(cfg.PublicKey) // checked when the config was read
	listen := cfg.Listen
	if listen == "" && cfg.Mode == modeHTTP {
		listen = defaultListen
	}
	if listen != "" {
		if opts.Listener, err = net.Listen("tcp", listen); err != nil {
			return nil, fmt.Errorf("http.listen: %w", err)
		}
	}
	if cfg.MetricsListen != "" {
		if opts.MetricsListener, err = net.Listen("tcp", cfg.MetricsListen); err != nil {
			closeAll(opts.Listener)
			return nil, fmt.Errorf("http.metrics_listen: %w", err)
		}
	}
	b, err := bot.New(opts)
	if err != nil {
		closeAll(opts.Listener, opts.MetricsListener)
	}
	return b, err
}

func botOptions(cfg config, log *slog.Logger) bot.Options {
	return bot.Options{Logger: log,
		AppID: cfg.ApplicationID, GuildIDs: cfg.GuildIDs, AdminUsers: cfg.AdminUsers, AdminRoles: cfg.AdminRoles,
		Private: cfg.Private, RateBurst: cfg.RateBurst, RateEvery: cfg.RateEvery, APIBase: cfg.APIBaseURL,
		ShardCount: cfg.ShardCount, ShardIDs: cfg.ShardIDs, FeedbackChannel: cfg.FeedbackChannel}
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// closeAll closes the listeners opened for a bot that will not run.
func closeAll(lns ...net.Listener) {
	for _, ln := range lns {
		if ln != nil {
			ln.Close()
		}
	}
}

// reloader is the part of the bot SIGHUP needs: it reloads every story.
type reloader interface {
	Reload() (commands.Answer, bool)
}

// storyReloader is the part of the bot a folder watcher needs: it reloads
// the story of that folder.
type storyReloader interface {
	ReloadStory(name string) (commands.Answer, bool)
}

// watchFacts reloads a story's fact base when its facts folder changes
// (and has then been quiet for the debounce time), so that replicas
// sharing a folder keep in step; the other stories are not reloaded. The
// embedded seeds never change.
func watchFacts(ctx context.Context, cfg config, log *slog.Logger, b storyReloader) {
	if !cfg.Watch {
		return
	}
	for _, st := range cfg.stories() {
		if st.Dir == "" {
			continue
		}
		err := watch.Start(ctx, watch.Options{Dir: st.Dir, Sub: []string{facts.FactsDir}, Debounce: cfg.Debounce, Poll: cfg.Poll, Logger: log,
			OnChange: func() {
				log.Info("the facts folder changed: reloading", "story", st.Name, "dir", st.Dir)
				b.ReloadStory(st.Name) // logs the version now served, or the errors
			}})
		if err != nil {
			log.Warn("not watching the facts folder: reload with /reload or SIGHUP", "story", st.Name, "err", err)
		}
	}
}

// watchHUP reloads the fact base on each SIGHUP until ctx is done; SIGHUP
// is caught from the moment it returns, so it never meets its default
// action (exit).
func watchHUP(ctx context.Context, log *slog.Logger, b reloader) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				log.Info("SIGHUP: reloading the fact base")
				b.Reload() // logs what changed, or the errors
			}
		}
	}()
}
