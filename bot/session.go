package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Timeouts of the Discord connection.
const (
	httpTimeout = 10 * time.Second
	drainWait   = 5 * time.Second // for replies in flight at shutdown
)

// newSession makes a discordgo session whose REST requests go to apiBase
// and whose gateway connection asks for DMs only (slash commands need no
// intent). The token is used, never logged.
func newSession(token string, apiBase *url.URL) (*discordgo.Session, error) {
	if strings.TrimSpace(token) == "" {
		return nil, errors.New("no token: set DISCORD_TOKEN to the bot's token")
	}
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.Client = &http.Client{Timeout: httpTimeout, Transport: rewriteTransport(apiBase, http.DefaultTransport)}
	s.Identify.Intents = discordgo.IntentsDirectMessages
	s.StateEnabled = false // the bot needs READY only, which is kept regardless
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
// in flight finish (a few seconds at most) and closes the connection.
func (b *Bot) Run(ctx context.Context, token string) error {
	s, err := newSession(token, b.apiBase)
	if err != nil {
		return err
	}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		if b.begin() {
			defer b.inflight.Done()
			b.handleInteraction(s, ic.Interaction)
		}
	})
	s.AddHandler(func(s *discordgo.Session, mc *discordgo.MessageCreate) {
		if b.begin() {
			defer b.inflight.Done()
			b.handleMessage(s, mc.Message)
		}
	})
	if err := s.Open(); err != nil {
		return fmt.Errorf("connecting to the gateway: %w", err)
	}
	appID := b.opts.AppID
	if appID == "" {
		s.State.RLock()
		if s.State.Ready.Application != nil {
			appID = s.State.Ready.Application.ID
		}
		s.State.RUnlock()
	}
	if err := b.register(s, appID); err != nil {
		b.drain(0)
		return errors.Join(err, s.Close())
	}
	b.log.Info("serving", "application", appID, "guilds", len(b.opts.GuildIDs), "articles", len(b.current().base.Docs()))
	<-ctx.Done()
	b.log.Info("shutting down")
	if !b.drain(drainWait) {
		b.log.Warn("replies still in flight at shutdown")
	}
	if err := s.Close(); err != nil {
		return fmt.Errorf("closing the gateway connection: %w", err)
	}
	return nil
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
		if _, err := s.ApplicationCommandBulkOverwrite(appID, g, cmds); err != nil {
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

// Register registers the command table over REST only, without serving
// (`briefbot register`). It needs o.Table, o.AppID and the token; the fact
// base is not used.
func Register(o Options, token string) error {
	u, err := apiBase(o.APIBase)
	if err != nil {
		return err
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	s, err := newSession(token, u)
	if err != nil {
		return err
	}
	b := &Bot{opts: o, log: o.Logger, table: o.Table}
	return b.register(s, o.AppID)
}

// apiBase checks a REST base URL; "" means Discord's own.
func apiBase(s string) (*url.URL, error) {
	if s == "" {
		s = DefaultAPIBase
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("bot: API base %q: want an http(s) URL", s)
	}
	return u, nil
}
