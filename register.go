package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/commands"
)

// runRegister is `briefbot register`: bulk-overwrite the command table, or
// with --dry-run print the JSON body that would be sent.
func runRegister(_ context.Context, e env) error {
	fs := e.flags
	path := configFlag(fs)
	dry := fs.Bool("dry-run", false, "print the JSON body instead of sending it")
	cfg, err := configured(fs, path, e.args)
	if err != nil {
		return err
	}
	table := commands.NewTable()
	if len(cfg.stories()) > 1 {
		table = table.WithStoryOption()
	}
	if *dry {
		body, err := bot.RegistrationJSON(table, cfg.Private)
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
			fmt.Fprintf(e.stderr, "would PUT %s%s with:\n", cfg.APIBaseURL, t)
		}
		fmt.Fprintln(e.stdout, string(body))
		return nil
	}
	token := e.getenv("DISCORD_TOKEN")
	if token == "" {
		return &exitError{code: 2, err: errNoToken}
	}
	if cfg.ApplicationID == "" {
		return &exitError{code: 2, err: errors.New("register: set discord.application_id in the config")}
	}
	return bot.Register(table, botOptions(cfg, newLogger(cfg, e.stderr)), token)
}
