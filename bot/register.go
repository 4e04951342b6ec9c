package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// applicationCommands is the command table as Discord registers it. Every
// read-only command can be installed to a server or to a user, and works
// in servers, in DMs with the bot and in group DMs (where a user who
// installed the app to themselves can use it). Admin commands do not:
// they change what a server's bot serves, so they are guild-install and
// guild-only, need the Administrator permission by default, and are
// checked against the configured admins when run (a server may relax the
// permission; the bot still refuses others). "Ask briefbot", the message
// command, comes last.
func applicationCommands(t *commands.Table, private bool) []*discordgo.ApplicationCommand {
	everywhere := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM,
		discordgo.InteractionContextPrivateChannel}
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	install := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall,
		discordgo.ApplicationIntegrationUserInstall}
	guildInstall := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	hideDesc := fmt.Sprintf("Only you see the reply (default: %s)", yesNo(private))
	var out []*discordgo.ApplicationCommand
	for _, s := range t.Specs() {
		c := &discordgo.ApplicationCommand{
			Type:             discordgo.ChatApplicationCommand,
			Name:             s.Name,
			Description:      s.Description,
			Contexts:         &everywhere,
			IntegrationTypes: &install,
			Options:          []*discordgo.ApplicationCommandOption{},
		}
		for _, o := range s.Options {
			c.Options = append(c.Options, &discordgo.ApplicationCommandOption{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         o.Name,
				Description:  o.Description,
				Required:     o.Required,
				Autocomplete: o.Complete != commands.NoComplete,
				MaxLength:    commands.MaxQuery,
			})
		}
		if s.Admin {
			perm := int64(discordgo.PermissionAdministrator)
			no := false
			c.DefaultMemberPermissions = &perm
			c.DMPermission = &no
			c.Contexts = &guildOnly
			c.IntegrationTypes = &guildInstall
		} else {
			c.Options = append(c.Options, &discordgo.ApplicationCommandOption{
				Type: discordgo.ApplicationCommandOptionBoolean, Name: hideOption, Description: hideDesc})
		}
		out = append(out, c)
	}
	return append(out, messageCommand(everywhere, install))
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// RegistrationJSON is the body of the bulk overwrite that registers the
// command table, exactly as it is sent (for `briefbot register --dry-run`).
// private is the configured default visibility, which the hide option's
// description states.
func RegistrationJSON(t *commands.Table, private bool) ([]byte, error) {
	b, err := json.MarshalIndent(applicationCommands(t, private), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the command table: %w", err)
	}
	return b, nil
}

// checkCommands checks a bulk-overwrite body: names, descriptions, options.
func checkCommands(body []byte) error {
	var cmds []wireCommand
	if err := json.Unmarshal(body, &cmds); err != nil {
		return fmt.Errorf("commands: %w", err)
	}
	var errs []error
	for _, c := range cmds {
		if c.Type == 2 || c.Type == 3 {
			errs = append(errs, checkMenuCommand(c)...)
			continue
		}
		if !commandName.MatchString(c.Name) || strings.ToLower(c.Name) != c.Name {
			errs = append(errs, fmt.Errorf("command name %q", c.Name))
		}
		limit(&errs, "/"+c.Name+" description", c.Description, 1, maxCommandDesc)
		if len(c.Options) > maxOptions {
			errs = append(errs, fmt.Errorf("/%s: %d options (max %d)", c.Name, len(c.Options), maxOptions))
		}
		for _, o := range c.Options {
			if !commandName.MatchString(o.Name) || strings.ToLower(o.Name) != o.Name {
				errs = append(errs, fmt.Errorf("/%s: option name %q", c.Name, o.Name))
			}
			limit(&errs, "/"+c.Name+" "+o.Name+" description", o.Description, 1, maxCommandDesc)
		}
	}
	return errors.Join(errs...)
}

// checkMenuCommand checks a user or message command (type 2 or 3), which
// Discord shows in a context menu: a name of 1 to 32 characters, which may
// have spaces and capitals, and no description or options.
func checkMenuCommand(c wireCommand) []error {
	var errs []error
	limit(&errs, "command name", c.Name, 1, maxCommandName)
	if strings.TrimSpace(c.Name) != c.Name {
		errs = append(errs, fmt.Errorf("command name %q: spaces at an end", c.Name))
	}
	if c.Description != "" || len(c.Options) > 0 {
		errs = append(errs, fmt.Errorf("context-menu command %q has a description or options", c.Name))
	}
	return errs
}
