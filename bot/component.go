package bot

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// component answers a page button: the request comes back from the
// custom_id (or the footer), is run again on the current base, and the
// wanted page replaces the message in place. Anyone may turn the pages of a
// message they can see.
func (b *Bot) component(s sender, i *discordgo.Interaction, ev *event) {
	data, ok := i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		b.refuse(s, i, ev, errUnreadable)
		return
	}
	btn, err := parseCustomID(data.CustomID)
	if err == nil && btn.state == stateAt {
		btn.state, err = footerStateOf(i.Message)
	}
	var req commands.Request
	if err == nil {
		req, err = decodeState(b.table, btn.state)
	}
	if err != nil {
		b.refuse(s, i, ev, err)
		return
	}
	ev.command = req.Command
	if !b.allow(s, i, ev) {
		return
	}
	b.reply(s, i, ev, req, false, true, btn.page)
}

// footerStateOf reads the state from the footer of the message a button is on.
func footerStateOf(m *discordgo.Message) (string, error) {
	if m == nil || len(m.Embeds) == 0 || m.Embeds[0].Footer == nil {
		return "", errStale
	}
	st, ok := stateFromFooter(m.Embeds[0].Footer.Text)
	if !ok {
		return "", errStale
	}
	return st, nil
}

// autocompleteReply is the type-8 callback. discordgo's own type leaves out
// an empty choices list, which Discord requires, so the bot sends this one.
type autocompleteReply struct {
	Type int `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// autocomplete answers from memory: it cannot be deferred.
func (b *Bot) autocomplete(s sender, i *discordgo.Interaction, ev *event) {
	data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	ev.command = data.Name
	name, typed := focused(data)
	var kind commands.Complete
	if spec, ok := b.table.Lookup(data.Name); ok {
		for _, o := range spec.Options {
			if o.Name == name {
				kind = o.Complete
			}
		}
	}
	r := autocompleteReply{Type: int(discordgo.InteractionApplicationCommandAutocompleteResult)}
	r.Data.Choices = b.current().complete(kind, typed)
	ev.outcome = outOK
	if body, err := json.Marshal(r); err != nil || checkCallback(body) != nil {
		ev.outcome, ev.err = outError, fmt.Errorf("choices over Discord's limits: %v", checkCallback(body))
		r.Data.Choices = nil
	}
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	err := b.first(s, ev, r, func(o ...discordgo.RequestOption) error {
		_, err := s.interactionCall(http.MethodPost, endpoint, r, o...)
		return err
	})
	if err != nil {
		sendFailed(ev, "sending choices", err)
	}
}

// reloadCommand carries out /reload for an admin in a guild: it defers
// (loading a big folder takes a while), reloads, and edits in the report.
func (b *Bot) reloadCommand(s sender, i *discordgo.Interaction, ev *event) {
	user, roles := userOf(i)
	switch {
	case i.GuildID == "":
		ev.outcome = outRefused
		msg := "/reload works in a server; an admin can also DM me “reload”."
		if _, ok := s.(*inline); ok {
			msg = "/reload works in a server." // HTTP mode: no DMs in plain words
		}
		b.respond(s, i, ev, textMessage(msg, true).response(discordgo.InteractionResponseChannelMessageWithSource))
		return
	case !b.isAdmin(user, roles):
		ev.outcome = outRefused
		b.respond(s, i, ev, textMessage("Only the bot's admins can reload the fact base.", true).response(discordgo.InteractionResponseChannelMessageWithSource))
		return
	}
	d := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}}
	if !b.respond(s, i, ev, d) {
		return
	}
	a, ok := b.Reload()
	ev.outcome = outOK
	if !ok {
		ev.outcome = outReloadFail
	}
	b.edit(s, i, ev, renderAnswer(a, view{}))
}
