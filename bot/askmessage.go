package bot

import (
	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// "Ask briefbot" on a message: a message context-menu command (type 3)
// that hands the text of the message it was used on to the service's Ask,
// which answers a question as a DM would and lays the sources beside a
// statement. It is the bot's own command, not one of the table's (a
// message command has a name with a space and capitals, no description and
// no options), so it is registered beside the table and goes through the
// same reply path with a request only the bot makes (see serve).

// askMessage is the message command's name as Discord shows it in the
// "Apps" menu of a message, and as the bot's request carries it.
const askMessage = "Ask briefbot"

// messageCommand is the registration of "Ask briefbot": everywhere the
// read-only commands are, for either install.
func messageCommand(contexts []discordgo.InteractionContextType, installs []discordgo.ApplicationIntegrationType) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: askMessage,
		Contexts: &contexts, IntegrationTypes: &installs}
}

// serve runs a request: the message command through the service's Ask,
// anything else through its Handle.
func (b *Bot) serve(req commands.Request) (commands.Answer, error) {
	if req.Command == askMessage {
		return b.svc.Ask(req.Raw, req.Place)
	}
	return b.svc.Handle(req)
}

// askAbout answers "Ask briefbot" privately: the answer is about someone
// else's message, and whoever asked may not want to reply to it in public.
// A message with no text (only an embed or an attachment) gets the
// service's "nothing to ask about". The answer has no page buttons (it is
// not a request of the table, which a click could run again), so the whole
// of it shows on one page and the rest is counted; its suggestions, if it
// found no one, are buttons as anywhere else.
func (b *Bot) askAbout(x *exchange, data discordgo.ApplicationCommandInteractionData) {
	text := ""
	if data.Resolved != nil {
		if m := data.Resolved.Messages[data.TargetID]; m != nil {
			text = m.Content
		}
	}
	if !b.allow(x) {
		return
	}
	x.reply(commands.Request{Command: askMessage, Raw: text}, placement{private: true})
}
