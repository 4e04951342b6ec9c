package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
)

// configFlag reads --config; without it, the defaults apply.
func configFlag(fs *flag.FlagSet) *string {
	return fs.String("config", "", "config file (see config.example.yaml); default: every option at its default")
}

func readConfig(path string) (config, error) {
	if path == "" {
		return defaultConfig(), nil
	}
	return loadConfig(path)
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func botOptions(cfg config, log *slog.Logger) bot.Options {
	return bot.Options{Table: commands.NewTable(), Logger: log,
		Load:  func() (*facts.Base, []facts.Problem, error) { return loadBase(cfg.FactsDir) },
		AppID: cfg.ApplicationID, GuildIDs: cfg.GuildIDs, AdminUsers: cfg.AdminUsers, AdminRoles: cfg.AdminRoles,
		Private: cfg.Private, RateBurst: cfg.RateBurst, RateEvery: cfg.RateEvery, APIBase: cfg.APIBaseURL}
}

// runBot is `briefbot run`: serve on Discord until SIGINT or SIGTERM (ctx);
// SIGHUP reloads the fact base as /reload does.
func runBot(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := configFlag(fs)
	if err := fs.Parse(args); err != nil {
		return &exitError{code: 2, err: err, quiet: true}
	}
	if fs.NArg() > 0 {
		return usageErrorf("run: unexpected argument %q", fs.Arg(0))
	}
	cfg, err := readConfig(*path)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	token := getenv("DISCORD_TOKEN")
	if token == "" {
		return &exitError{code: 2, err: errNoToken}
	}
	log := newLogger(cfg, stderr)
	opts := botOptions(cfg, log)
	base, warns, err := opts.Load()
	if err != nil {
		return fmt.Errorf("loading the fact base:\n%w", err)
	}
	for _, w := range warns {
		log.Warn("fact base", "warning", w.String())
	}
	opts.Base = base
	b, err := bot.New(opts)
	if err != nil {
		return err
	}
	watchHUP(ctx, log, b)
	return b.Run(ctx, token)
}

// runRegister is `briefbot register`: bulk-overwrite the command table, or
// with --dry-run print the JSON body that would be sent.
func runRegister(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("register", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := configFlag(fs)
	dry := fs.Bool("dry-run", false, "print the JSON body instead of sending it")
	if err := fs.Parse(args); err != nil {
		return &exitError{code: 2, err: err, quiet: true}
	}
	if fs.NArg() > 0 {
		return usageErrorf("register: unexpected argument %q", fs.Arg(0))
	}
	cfg, err := readConfig(*path)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *dry {
		body, err := bot.RegistrationJSON(commands.NewTable(), cfg.Private)
		if err != nil {
			return err
		}
		app := cfg.ApplicationID
		if app == "" {
			app = "{application_id}"
		}
		targets := []string{"/api/v9/applications/" + app + "/commands"}
		if len(cfg.GuildIDs) > 0 {
			targets = targets[:0]
			for _, g := range cfg.GuildIDs {
				targets = append(targets, "/api/v9/applications/"+app+"/guilds/"+g+"/commands")
			}
		}
		for _, t := range targets {
			fmt.Fprintf(stderr, "would PUT %s%s with:\n", cfg.APIBaseURL, t)
		}
		fmt.Fprintln(stdout, string(body))
		return nil
	}
	token := getenv("DISCORD_TOKEN")
	if token == "" {
		return &exitError{code: 2, err: errNoToken}
	}
	if cfg.ApplicationID == "" {
		return &exitError{code: 2, err: errors.New("register: set discord.application_id in the config")}
	}
	return bot.Register(botOptions(cfg, newLogger(cfg, stderr)), token)
}

// reloader is the part of the bot SIGHUP needs.
type reloader interface {
	Reload() (commands.Answer, bool)
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
