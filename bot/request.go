package bot

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// hideOption is the boolean option the bot adds to every command but the
// admin commands, whose replies are always private: true shows the reply
// to the asker only, false to everyone; without it, the configured default
// applies.
const hideOption = "hide"

// requestOf turns a slash command's data into a request for the command
// table, and reports the hide option (nil when not given). Options the
// table does not know are passed on, for the table to refuse.
func requestOf(t *commands.Table, d discordgo.ApplicationCommandInteractionData) (commands.Request, *bool, error) {
	spec, ok := t.Lookup(d.Name)
	if !ok {
		return commands.Request{}, nil, commands.UnknownCommand(d.Name)
	}
	req := commands.Request{Command: spec.Name, Options: map[string]string{}}
	var hide *bool
	for _, o := range d.Options {
		if o == nil {
			continue
		}
		switch v := o.Value.(type) {
		case bool:
			if o.Name == hideOption {
				hide = &v
			}
		case string:
			req.Options[o.Name] = strings.ToValidUTF8(v, "\uFFFD")
		case float64:
			req.Options[o.Name] = fmt.Sprint(v)
		}
	}
	req.Raw = slashForm(spec, req.Options)
	if n := runes(req.Raw); n > commands.MaxQuery {
		return commands.Request{}, nil, commands.QueryTooLong(n)
	}
	return req, hide, nil
}

// placeOf is where an interaction was used, which picks the story that
// answers it.
func placeOf(i *discordgo.Interaction) commands.Place {
	return commands.Place{Guild: i.GuildID, Channel: i.ChannelID}
}

// focused returns the option being typed in an autocomplete interaction.
func focused(d discordgo.ApplicationCommandInteractionData) (name, value string) {
	for _, o := range d.Options {
		if o != nil && o.Focused {
			v, _ := o.Value.(string)
			return o.Name, v
		}
	}
	return "", ""
}

// userOf returns who caused an interaction: the member in a guild, the user
// in a DM.
func userOf(i *discordgo.Interaction) (id string, roles []string) {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID, i.Member.Roles
	}
	if i.User != nil {
		return i.User.ID, nil
	}
	return "", nil
}
