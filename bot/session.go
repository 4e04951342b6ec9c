package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/commands"
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
