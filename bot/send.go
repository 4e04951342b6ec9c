package bot

import (
	"encoding/json"
	"fmt"
	"net/http"
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

// respond sends an interaction's first reply, within Discord's window,
// after checking it against every Discord limit: a reply that breaks one
// would fail for the user anyway, so it is replaced by a short error and
// logged.
func (b *Bot) respond(s sender, i *discordgo.Interaction, ev *event, r *discordgo.InteractionResponse) bool {
	if body, err := json.Marshal(r); err != nil || checkCallback(body) != nil {
		if err == nil {
			err = checkCallback(body)
		}
		ev.outcome, ev.err = outError, fmt.Errorf("reply over Discord's limits: %w", err)
		r = textMessage(genericError, true).response(discordgo.InteractionResponseChannelMessageWithSource)
	}
	err := b.first(s, ev, r, func(o ...discordgo.RequestOption) error { return s.InteractionRespond(i, r, o...) })
	if err != nil {
		sendFailed(ev, "sending the reply", err)
		return false
	}
	return true
}

// first sends the first reply to an interaction, v: in the HTTP response
// when the interaction came over HTTP, else by post (a REST callback)
// within Discord's window.
func (b *Bot) first(s sender, ev *event, v any, post func(...discordgo.RequestOption) error) error {
	ev.responded = true
	if in, ok := s.(*inline); ok {
		return in.reply(v)
	}
	return b.call(ev, ev.deadline, post)
}

// edit replaces a deferred reply with the real one. It does not go through
// discordgo's InteractionResponseEdit, which puts the edits of every
// interaction in one rate-limit bucket ("webhooks//"); discordgo holds a
// bucket for the whole of a request, so one slow edit would hold up every
// other deferred reply. Discord limits these per interaction token, and
// the call goes around discordgo's buckets (see discordSender).
func (b *Bot) edit(s sender, i *discordgo.Interaction, ev *event, m message) {
	e := m.edit()
	if body, err := json.Marshal(e); err == nil {
		if err := checkMessage(body); err != nil {
			ev.outcome, ev.err = outError, fmt.Errorf("reply over Discord's limits: %w", err)
			e = textMessage(genericError, true).edit()
		}
	}
	endpoint := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	err := b.call(ev, b.later(), func(o ...discordgo.RequestOption) error {
		_, err := s.interactionCall(http.MethodPatch, endpoint, e, o...)
		return err
	})
	if err != nil {
		sendFailed(ev, "editing the deferred reply", err)
	}
}

func (b *Bot) followup(s sender, i *discordgo.Interaction, ev *event, m message) {
	err := b.call(ev, b.later(), func(o ...discordgo.RequestOption) error {
		_, err := s.FollowupMessageCreate(i, true, m.followup(), o...)
		return err
	})
	if err != nil {
		sendFailed(ev, "sending a follow-up", err)
	}
}

// deleteReply removes a deferred reply; failing that, the "thinking…"
// placeholder stays, which is all.
func (b *Bot) deleteReply(s sender, i *discordgo.Interaction, ev *event) {
	_ = b.call(ev, b.later(), func(o ...discordgo.RequestOption) error { return s.InteractionResponseDelete(i, o...) })
}
