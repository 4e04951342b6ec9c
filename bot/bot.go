package bot

import (
	"cmp"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
)

// Options is everything a Bot needs, passed in: no globals, no files read
// behind the caller's back.
type Options struct {
	// Service answers, completes and reloads from the fact base it serves;
	// it is all the bot knows of commands and facts. The bot sets how it
	// reloads (see Bot.Reload), so one service serves one bot.
	Service *commands.Service
	Logger  *slog.Logger
	// Registry receives the bot's metrics; nil makes one of its own. It is
	// served at /metrics (see Listener and MetricsListener).
	Registry *prometheus.Registry
	// Listener, when set, serves the interactions endpoint at
	// /interactions in HTTP mode (RunHTTP), and /healthz and /metrics
	// unless MetricsListener is set. The bot closes it when it stops.
	Listener net.Listener
	// MetricsListener, when set, serves /healthz and /metrics, which then
	// are served there only: the interactions endpoint may face the
	// internet while these stay inside. The bot closes it when it stops.
	MetricsListener net.Listener
	// PublicKey is the application's Ed25519 public key, which signs every
	// request of the interactions endpoint (HTTP mode only).
	PublicKey ed25519.PublicKey

	// ShardCount is how many gateway shards the bot's connection is split
	// into: 0 or 1 for none, ShardAuto for the number Discord recommends.
	// ShardIDs are the shards this process runs (all when empty). Discord
	// sends DMs on shard 0 only.
	ShardCount int
	ShardIDs   []int

	AppID      string   // application id; "" takes it from the gateway's READY
	GuildIDs   []string // register commands here (instant) instead of globally
	AdminUsers []string // user ids allowed to run admin commands (/reload)
	AdminRoles []string // role ids allowed to run admin commands
	Private    bool     // default visibility: replies only the asker sees

	RateBurst int           // requests a user may make at once (0: no limit)
	RateEvery time.Duration // then one per this long

	// FeedbackChannel is the channel id of the curators: when set, answers
	// have a Report button, and the reports are posted there (see
	// report.go). Empty: no button.
	FeedbackChannel string

	// APIBase is the REST base URL: "https://discord.com", or a proxy or a
	// fake Discord that serves the same paths.
	APIBase string
	// DeferAfter is how long a handler may run before the reply is
	// deferred (Discord wants a first reply within 3 s). Default 1.5 s.
	DeferAfter time.Duration
	// Now is the clock of the rate limiter, the logs' durations, the
	// fact base's age in the metrics, and the check that a signed HTTP
	// request is recent.
	Now func() time.Time

	// Test knobs, zero for the defaults: Discord's window for the first
	// reply to an interaction (3 s), the deadline of any other REST call
	// (10 s), how long shutdown waits for replies in flight (5 s), and the
	// wait between two gateway identifies in one rate-limit bucket (5 s);
	// the HTTP listeners' timeouts and caps (see serve.go), and how many
	// interactions the replay set remembers.
	window, restTimeout, drainWait, identifyGap time.Duration
	timeouts                                    httpTimeouts
	maxConns, maxInFlight, replayCap            int
}

// ShardAuto as Options.ShardCount asks Discord how many shards to use.
const ShardAuto = -1

// Bot answers interactions and DMs from the fact base its service serves.
type Bot struct {
	opts       Options
	log        *slog.Logger
	svc        *commands.Service
	table      *commands.Table // the service's
	limiter    *limiter
	replies    *replyCache // first replies by request (see replyCache)
	adminUsers map[string]bool
	adminRoles map[string]bool
	apiBase    *url.URL
	secrets    *secrets // the token, kept out of logs and errors
	metrics    *metrics
	// What /healthz reports: the gateway shards' connection logs (each
	// knows whether its shard is up), or that the HTTP endpoint serves.
	shards   atomic.Pointer[[]*connLog]
	httpUp   atomic.Bool
	stopping atomic.Bool // shutting down: /healthz says so at once
	// handle runs a request: the service's Handle, or a stand-in in tests
	// that need a slow or failing handler.
	handle func(commands.Request) (commands.Answer, error)
	// kinds are the interactions the bot answers, by type (see
	// interactionKinds).
	kinds map[discordgo.InteractionType]interactionKind

	// The HTTP listeners' guards: the refusals' log, the places for
	// requests in flight on the interactions endpoint (each held until
	// its handler is done), the buffers bodies are read into, and the
	// interactions already answered (made by RunHTTP).
	rejects *rejectLog
	slots   chan struct{}
	bodies  sync.Pool
	replays *replaySet

	mu       sync.Mutex // guards closed and the Add side of inflight
	closed   bool
	inflight sync.WaitGroup
}

// DefaultAPIBase is Discord's own REST base.
const DefaultAPIBase = "https://discord.com"

// New checks the options and returns a Bot serving what opts.Service
// serves. From then on every reload of the service, whoever asks for it,
// reads fewer articles at once than there are cores and is logged and
// counted by the bot.
func New(opts Options) (*Bot, error) {
	if opts.Service == nil {
		return nil, errors.New("bot: Service is required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	sec := &secrets{}
	opts.Logger = slog.New(redactHandler{next: opts.Logger.Handler(), secrets: sec})
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = 1500 * time.Millisecond
	}
	opts.window = cmp.Or(opts.window, defaultWindow)
	opts.restTimeout = cmp.Or(opts.restTimeout, defaultRESTTimeout)
	opts.drainWait = cmp.Or(opts.drainWait, defaultDrainWait)
	opts.identifyGap = cmp.Or(opts.identifyGap, defaultIdentifyGap)
	opts.timeouts = opts.timeouts.orDefaults()
	opts.maxConns = cmp.Or(opts.maxConns, maxConns)
	opts.maxInFlight = cmp.Or(opts.maxInFlight, maxInFlight)
	opts.replayCap = cmp.Or(opts.replayCap, replayCap)
	u, err := apiBase(opts.APIBase)
	if err != nil {
		return nil, err
	}
	if opts.FeedbackChannel != "" && strings.Trim(opts.FeedbackChannel, "0123456789") != "" {
		return nil, fmt.Errorf("bot: FeedbackChannel %q is not a Discord id", opts.FeedbackChannel)
	}
	if opts.RateBurst > 0 && opts.RateEvery <= 0 {
		return nil, errors.New("bot: a rate limit needs a refill interval")
	}
	b := &Bot{opts: opts, log: opts.Logger, svc: opts.Service, table: opts.Service.Table(), apiBase: u, secrets: sec,
		limiter: newLimiter(opts.RateBurst, opts.RateEvery, opts.Now), replies: newReplyCache(),
		adminUsers: set(opts.AdminUsers), adminRoles: set(opts.AdminRoles),
		rejects: newRejectLog(opts.Logger, opts.Now), slots: make(chan struct{}, opts.maxInFlight)}
	b.bodies.New = newBodyBuf
	if err := checkShards(opts.ShardCount, opts.ShardIDs); err != nil {
		return nil, err
	}
	b.handle = b.serve
	b.kinds = b.interactionKinds()
	reg := opts.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	if b.metrics, err = newMetrics(reg, b); err != nil {
		return nil, fmt.Errorf("bot: registering metrics: %w", err)
	}
	b.svc.OnReload(reloadWorkers(), b.reloaded)
	return b, nil
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// begin counts an event in flight, unless the bot is shutting down.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.inflight.Add(1)
	return true
}

// isClosed reports whether the bot is shutting down.
func (b *Bot) isClosed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed
}

// drain stops taking events and waits up to d for those in flight.
func (b *Bot) drain(d time.Duration) bool {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.inflight.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}
