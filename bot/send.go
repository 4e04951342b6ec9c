package bot

import (
	"time"

	"github.com/bwmarrin/discordgo"
)

// sender is what the bot replies through: a discordSender (a discordgo
// Session) in gateway mode, an inline in HTTP mode; tests of the dispatch
// logic put a recorder in its place.
type sender interface {
	InteractionRespond(*discordgo.Interaction, *discordgo.InteractionResponse, ...discordgo.RequestOption) error
	InteractionResponseDelete(*discordgo.Interaction, ...discordgo.RequestOption) error
	FollowupMessageCreate(*discordgo.Interaction, bool, *discordgo.WebhookParams, ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageSendComplex(string, *discordgo.MessageSend, ...discordgo.RequestOption) (*discordgo.Message, error)
	// interactionCall is a REST call to url, which holds an interaction's
	// token: the edit of a deferred reply, autocomplete choices.
	interactionCall(method, url string, data any, o ...discordgo.RequestOption) ([]byte, error)
}

// later is the deadline of a REST call that is not the first reply to an
// interaction (an interaction's token stays valid for 15 minutes).
func (b *Bot) later() time.Time { return time.Now().Add(b.opts.restTimeout) }
