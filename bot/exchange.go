package bot

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// exchange is one interaction being answered: the sender its replies go
// through, the interaction, and the event its log line reports. Each reply
// goes through one of its methods, which checks it against Discord's
// limits, sends it within its deadline and records in the event what
// failed, so that no step of answering needs more than the exchange.
type exchange struct {
	b  *Bot
	s  sender
	i  *discordgo.Interaction
	ev *event
}

// respond sends the interaction's first reply, within Discord's window,
// after checking it against every Discord limit (see encode). It reports
// whether the reply was sent.
func (x *exchange) respond(r *discordgo.InteractionResponse) bool {
	body, _ := x.encode(r)
	return x.respondJSON(body)
}

// encode encodes a first reply and checks it against every Discord limit:
// a reply that breaks one would fail for the user anyway, so it is
// replaced by a short error and logged, and fits is false.
func (x *exchange) encode(r *discordgo.InteractionResponse) (body wireJSON, fits bool) {
	b, err := encodeResponse(r)
	if err != nil {
		x.ev.outcome, x.ev.err = outError, fmt.Errorf("reply over Discord's limits: %w", err)
		b, _ = json.Marshal(textMessage(genericError, true).response(discordgo.InteractionResponseChannelMessageWithSource))
		return b, false
	}
	return b, true
}

// encodeResponse encodes a first reply and checks it against every
// Discord limit (see checkResponse): the bytes checked are r's, encoded
// once, and nothing changes r in between.
func encodeResponse(r *discordgo.InteractionResponse) ([]byte, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return b, checkResponse(r, b)
}

// respondJSON sends body, a first reply already checked against Discord's
// limits, as it is: the bytes checked are the bytes sent, and a reply is
// encoded once.
func (x *exchange) respondJSON(body wireJSON) bool {
	err := x.first(body, func(o ...discordgo.RequestOption) error { return x.s.respond(x.i, body, o...) })
	if err != nil {
		sendFailed(x.ev, "sending the reply", err)
		return false
	}
	return true
}

// say answers at once with a short private text: a refusal, a notice.
func (x *exchange) say(text string) {
	x.respond(textMessage(text, true).response(discordgo.InteractionResponseChannelMessageWithSource))
}

// refuse answers with a private error message at once.
func (x *exchange) refuse(err error) {
	m, out := errorMessage(err)
	x.ev.outcome, x.ev.err = out, err
	x.respond(m.response(discordgo.InteractionResponseChannelMessageWithSource))
}

// first sends the first reply to the interaction, v: in the HTTP response
// when the interaction came over HTTP, else by post (a REST callback)
// within Discord's window.
func (x *exchange) first(v any, post func(...discordgo.RequestOption) error) error {
	x.ev.responded = true
	if in, ok := x.s.(*inline); ok {
		return in.reply(v)
	}
	return x.b.call(x.ev, x.ev.deadline, post)
}

// edit replaces a deferred reply with the real one. It does not go through
// discordgo's InteractionResponseEdit, which puts the edits of every
// interaction in one rate-limit bucket ("webhooks//"); discordgo holds a
// bucket for the whole of a request, so one slow edit would hold up every
// other deferred reply. Discord limits these per interaction token, and
// the call goes around discordgo's buckets (see discordSender).
func (x *exchange) edit(m message) {
	e := m.edit()
	if body, err := json.Marshal(e); err == nil {
		if err := checkMessage(body); err != nil {
			x.ev.outcome, x.ev.err = outError, fmt.Errorf("reply over Discord's limits: %w", err)
			e = textMessage(genericError, true).edit()
		}
	}
	endpoint := discordgo.EndpointWebhookMessage(x.i.AppID, x.i.Token, "@original")
	err := x.b.call(x.ev, x.b.later(), func(o ...discordgo.RequestOption) error {
		_, err := x.s.interactionCall(http.MethodPatch, endpoint, e, o...)
		return err
	})
	if err != nil {
		sendFailed(x.ev, "editing the deferred reply", err)
	}
}

// followUp sends m as a message of its own after the first reply (used
// when a reply that was deferred in public turns out to be private, such
// as an error).
func (x *exchange) followUp(m message) {
	err := x.b.call(x.ev, x.b.later(), func(o ...discordgo.RequestOption) error {
		_, err := x.s.FollowupMessageCreate(x.i, true, m.followup(), o...)
		return err
	})
	if err != nil {
		sendFailed(x.ev, "sending a follow-up", err)
	}
}

// deleteReply removes a deferred reply; failing that, the "thinking…"
// placeholder stays, which is all.
func (x *exchange) deleteReply() {
	_ = x.b.call(x.ev, x.b.later(), func(o ...discordgo.RequestOption) error { return x.s.InteractionResponseDelete(x.i, o...) })
}
