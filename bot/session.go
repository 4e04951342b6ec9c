package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// Timeouts of the Discord connection. Each REST call also has its own
// deadline (see call); httpTimeout only bounds what has none.
const (
	httpTimeout      = 10 * time.Second
	defaultDrainWait = 5 * time.Second // for replies in flight at shutdown
	registerBudget   = 30 * time.Second
	// logOff is below discordgo's lowest log level: it logs nothing, and
	// the bot logs what matters through slog (see connLog).
	logOff = discordgo.LogError - 1
)

// newSession makes a discordgo session whose REST requests go to apiBase
// and whose gateway connection asks for DMs only (slash commands need no
// intent). The token is used, never logged.
func newSession(token string, apiBase *url.URL) (*discordgo.Session, error) {
	if strings.TrimSpace(token) == "" {
		return nil, errors.New("no token: set DISCORD_TOKEN to the bot's token")
	}
	s, err := newRESTSession(token, apiBase)
	if err != nil {
		return nil, err
	}
	s.Identify.Intents = discordgo.IntentsDirectMessages
	s.StateEnabled = false // the bot needs READY only, which is kept regardless
	return s, nil
}

// newRESTSession makes a discordgo session for REST calls only. In HTTP
// mode the token may be empty: the calls that follow an interaction's first
// reply (edits, follow-ups) are authorised by the interaction's own token.
func newRESTSession(token string, apiBase *url.URL) (*discordgo.Session, error) {
	token = strings.TrimSpace(token)
	if token != "" && !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.Client = &http.Client{Timeout: httpTimeout, Transport: rewriteTransport(apiBase, transport())}
	s.LogLevel = logOff
	s.Debug = false // its request dumps would print the Authorization header
	// The bot retries by itself, within each call's deadline (see call).
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 0
	return s, nil
}

// rewriteTransport sends requests meant for discord.com to base instead,
// leaving the path alone: how `discord.api_base_url` reaches a REST proxy
// or a fake Discord without touching discordgo's package-level endpoints.
func rewriteTransport(base *url.URL, next http.RoundTripper) http.RoundTripper {
	if base == nil || (base.Scheme == "https" && base.Host == "discord.com" && strings.Trim(base.Path, "/") == "") {
		return next
	}
	return roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if req.URL.Host != "discord.com" {
			return next.RoundTrip(req)
		}
		r := req.Clone(req.Context())
		u := *req.URL
		u.Scheme, u.Host = base.Scheme, base.Host
		prefix := strings.TrimSuffix(base.Path, "/")
		u.Path = prefix + u.Path
		if u.RawPath != "" {
			u.RawPath = strings.TrimSuffix(base.EscapedPath(), "/") + u.RawPath
		}
		r.URL, r.Host = &u, ""
		return next.RoundTrip(r)
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Run connects to the gateway with token, registers the command table and
// serves until ctx is done; then it stops taking events, lets the replies
// in flight finish (a few seconds at most) and closes the connection. The
// token never shows in the logs or in the error returned.
func (b *Bot) Run(ctx context.Context, token string) error {
	b.secrets.add(strings.TrimPrefix(strings.TrimSpace(token), "Bot "))
	return b.secrets.redactErr(b.run(ctx, token))
}

func (b *Bot) run(ctx context.Context, token string) error {
	stopServer, failed := b.startServer(nil)
	defer stopServer()
	rest, err := newSession(token, b.apiBase)
	if err != nil {
		return err
	}
	plan, err := b.planShards(rest)
	if err != nil {
		return err
	}
	sessions, logs, err := b.openShards(ctx, token, plan)
	closeAll := func() error {
		var errs []error
		for _, s := range sessions {
			errs = append(errs, s.Close())
		}
		return errors.Join(errs...)
	}
	if err != nil {
		b.drain(0)
		if errors.Is(err, context.Canceled) {
			return closeAll()
		}
		return errors.Join(err, closeAll())
	}
	b.shards.Store(&logs)
	appID := b.opts.AppID
	if appID == "" {
		appID = readyAppID(sessions[0])
	}
	if err := b.register(rest, appID); err != nil {
		b.drain(0)
		return errors.Join(err, closeAll())
	}
	attrs := append([]any{"application", appID, "guilds", len(b.opts.GuildIDs)}, b.storyAttrs()...)
	if plan.count > 1 {
		attrs = append(attrs, "shards", plan.ids, "shard_count", plan.count)
	}
	b.log.Info("serving", attrs...)
	if !slices.Contains(plan.ids, 0) {
		b.log.Info("this process does not run shard 0: Discord sends every DM to shard 0, so the process running it answers DMs")
	}
	b.serveUntil(ctx, failed)
	b.log.Info("shutting down")
	b.stopping.Store(true)
	if !b.drain(b.opts.drainWait) {
		b.log.Warn("replies still in flight at shutdown", "waited", b.opts.drainWait)
	}
	if err := closeAll(); err != nil {
		return fmt.Errorf("closing the gateway connection: %w", err)
	}
	return nil
}

// readyAppID is the application id the gateway's READY gave s, or "".
func readyAppID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.Ready.Application != nil {
		return s.State.Ready.Application.ID
	}
	return ""
}

// serveUntil waits while the gateway sessions serve, until ctx is done. A
// failure of the health and metrics listener is logged, not fatal: those
// are the operator's extras, and Discord is still served without them.
func (b *Bot) serveUntil(ctx context.Context, failed <-chan error) {
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-failed:
			b.log.Error("the health and metrics listener stopped", "err", err)
			failed = nil
		}
	}
}

// survive recovers a panic outside the handlers' own recovery (which
// covers the work of answering), so that no event can end the process.
func (b *Bot) survive(what string) {
	if r := recover(); r != nil {
		b.log.Error("event handler panicked", "event", what, "err", fmt.Sprint(r), "stack", string(debug.Stack()))
	}
}

// register bulk-overwrites the command table: in each configured guild
// (instant, for development) or globally (may take a while to show).
func (b *Bot) register(s *discordgo.Session, appID string) error {
	if appID == "" {
		return errors.New("no application id: set discord.application_id in the config")
	}
	cmds := applicationCommands(b.table, b.opts.Private)
	targets := b.opts.GuildIDs
	if len(targets) == 0 {
		targets = []string{""}
	}
	for _, g := range targets {
		err := b.call(nil, time.Now().Add(registerBudget), func(o ...discordgo.RequestOption) error {
			_, err := s.ApplicationCommandBulkOverwrite(appID, g, cmds, o...)
			return err
		})
		if err != nil {
			where := "globally"
			if g != "" {
				where = "in guild " + g
			}
			return fmt.Errorf("registering commands %s: %w", where, err)
		}
		b.log.Info("registered commands", "count", len(cmds), "guild", g)
	}
	return nil
}

// Register registers the command table t over REST only, without serving
// (`briefbot register`). It needs o.AppID and the token, and no service:
// the commands are the same whatever fact base would be served, so t is
// passed alone, as to RegistrationJSON.
func Register(t *commands.Table, o Options, token string) error {
	u, err := apiBase(o.APIBase)
	if err != nil {
		return err
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	sec := &secrets{}
	sec.add(strings.TrimPrefix(strings.TrimSpace(token), "Bot "))
	s, err := newSession(token, u)
	if err != nil {
		return sec.redactErr(err)
	}
	b := &Bot{opts: o, log: slog.New(redactHandler{next: o.Logger.Handler(), secrets: sec}), table: t, secrets: sec}
	return sec.redactErr(b.register(s, o.AppID))
}

// apiBase checks a REST base URL; "" means Discord's own.
func apiBase(s string) (*url.URL, error) {
	if s == "" {
		s = DefaultAPIBase
	}
	return ParseAPIBase(s)
}

// ParseAPIBase checks a REST base URL (`discord.api_base_url`): an https
// URL, or plain http to this machine only (localhost, 127.0.0.0/8, ::1),
// for a fake Discord or a proxy beside the bot. Anything sent there may
// carry the bot's token (in gateway mode, and for `briefbot register`) and
// interaction tokens, which plain http would show to the network.
func ParseAPIBase(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("bot: API base: want an https URL, such as https://discord.com")
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) {
		return nil, fmt.Errorf("bot: API base: plain http goes to this machine only (localhost, 127.0.0.1, ::1), not %s: use https", u.Hostname())
	}
	return u, nil
}

// loopback reports whether host names this machine: localhost, or an
// address in 127.0.0.0/8 or ::1.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
