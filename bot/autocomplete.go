package bot

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// autocompleteReply is the type-8 callback. discordgo's own type leaves out
// an empty choices list, which Discord requires, so the bot sends this one.
type autocompleteReply struct {
	Type int `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// autocomplete answers from memory: it cannot be deferred.
func (b *Bot) autocomplete(x *exchange) {
	data, _ := x.i.Data.(discordgo.ApplicationCommandInteractionData)
	x.ev.command = data.Name
	r := autocompleteReply{Type: int(discordgo.InteractionApplicationCommandAutocompleteResult)}
	r.Data.Choices = b.choices(x.i, data)
	x.ev.outcome = outOK
	if body, err := json.Marshal(r); err != nil || checkCallback(body) != nil {
		x.ev.outcome, x.ev.err = outError, fmt.Errorf("choices over Discord's limits: %v", checkCallback(body))
		r.Data.Choices = nil
	}
	endpoint := discordgo.EndpointInteractionResponse(x.i.ID, x.i.Token)
	err := x.first(r, func(o ...discordgo.RequestOption) error {
		_, err := x.s.interactionCall(http.MethodPost, endpoint, r, o...)
		return err
	})
	if err != nil {
		sendFailed(x.ev, "sending choices", err)
	}
}

// choices are the suggestions for the option being typed, as the service
// ranks them for what that option takes (nothing for an option without
// autocomplete), as many as Discord shows.
func (b *Bot) choices(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) []*discordgo.ApplicationCommandOptionChoice {
	name, typed := focused(data)
	var kind commands.Complete
	if spec, ok := b.table.Lookup(data.Name); ok {
		for _, o := range spec.Options {
			if o.Name == name {
				kind = o.Complete
			}
		}
	}
	// The options typed so far and the place say which story to offer from.
	req, _, _ := requestOf(b.table, data)
	req.Place = placeOf(i)
	return discordChoices(b.svc.Complete(req, kind, typed, maxChoices, maxChoice))
}

// discordChoices turns suggestions into Discord's choices. Discord shows a
// choice's name as plain text (a backslash would show as itself), so it is
// only folded and cut to Discord's 100 characters; values are what the
// option gets back, and the service has left out any that would not fit.
func discordChoices(cs []commands.Choice) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(cs))
	for _, c := range cs {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: commands.Ellipsis(plain(c.Name), maxChoice), Value: c.Value})
	}
	return out
}
