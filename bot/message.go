package bot

import "github.com/bwmarrin/discordgo"

// message is a reply before it is wrapped for one of Discord's endpoints:
// an interaction callback, an edit of a deferred reply, or a DM.
type message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Private    bool // only the asker sees it (an ephemeral reply)
}

// noMentions is allowed_mentions {"parse": []}: whatever a reply quotes,
// it pings no one. The slice must be empty, not nil, to be sent as [].
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// response wraps m as an interaction callback of type t (4: a new
// message, 7: an update of the message a button is on).
func (m message) response(t discordgo.InteractionResponseType) *discordgo.InteractionResponse {
	embeds, components := m.parts()
	d := &discordgo.InteractionResponseData{Content: m.Content, Embeds: embeds, Components: components, AllowedMentions: noMentions()}
	if m.Private && t == discordgo.InteractionResponseChannelMessageWithSource {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: t, Data: d}
}

// parts are m's embeds and components, empty rather than nil, so that
// they are sent as [] and not null: an update or an edit then clears what
// the message showed before.
func (m message) parts() ([]*discordgo.MessageEmbed, []discordgo.MessageComponent) {
	embeds, components := m.Embeds, m.Components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return embeds, components
}

// edit wraps m as the edit that replaces a deferred reply.
func (m message) edit() *discordgo.WebhookEdit {
	content := m.Content
	embeds, components := m.parts()
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &components, AllowedMentions: noMentions()}
}

// followup wraps m as a follow-up message (used when a reply that was
// deferred in public turns out to be private, such as an error).
func (m message) followup() *discordgo.WebhookParams {
	p := &discordgo.WebhookParams{Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: noMentions()}
	if m.Private {
		p.Flags = discordgo.MessageFlagsEphemeral
	}
	return p
}

// send wraps m as a channel message, for DMs.
func (m message) send() *discordgo.MessageSend {
	embeds, components := m.parts()
	return &discordgo.MessageSend{Content: m.Content, Embeds: embeds, Components: components, AllowedMentions: noMentions()}
}

// textMessage is a short reply without embeds: errors, refusals, notices.
func textMessage(text string, private bool) message {
	return message{Content: clip(text, maxContent), Private: private}
}
