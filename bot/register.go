package bot

import (
	"encoding/json"
	"fmt"

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
