package bot

import (
	"time"

	"github.com/bwmarrin/discordgo"
)

// sender is what the bot replies through: a discordSender (a discordgo
// Session) in gateway mode, an inline in HTTP mode; tests of the dispatch
// logic put a recorder in its place.
type sender interface {
	// respond sends an interaction's first reply, encoded and checked.
	respond(*discordgo.Interaction, wireJSON, ...discordgo.RequestOption) error
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

// wireJSON is a payload already encoded (and checked against Discord's
// limits): the senders send it as it is instead of encoding it again.
type wireJSON []byte

// MarshalJSON is the payload itself, for whatever encodes one anyway.
func (w wireJSON) MarshalJSON() ([]byte, error) { return w, nil }
