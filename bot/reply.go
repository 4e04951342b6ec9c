package bot

import (
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// placement says where and how the answer to an interaction is shown.
type placement struct {
	private bool // a new message that only the asker sees
	inPlace bool // replaces the message whose page button was clicked
	page    int  // which page of the answer
	// deferNow defers the reply before the handler runs instead of after
	// DeferAfter: for admin commands, which do maintenance work (a reload
	// reads the whole facts folder) and are rare enough that the extra
	// call costs nothing.
	deferNow bool
}

// adminPlacement is where an admin command's answer goes: to the admin
// alone (admin commands are registered without the hide option), deferred
// at once.
var adminPlacement = placement{private: true, deferNow: true}

// reply runs the handler for req and shows its answer as at says: at once
// when it is quick, otherwise after deferring, so that Discord hears back
// within its 3 seconds whatever the handler does. A request asked again
// since the last reload gets the reply it got the first time (see
// replyCache).
func (x *exchange) reply(req commands.Request, at placement) {
	req.Place = placeOf(x.i)
	key, keep := replyKey(x.b.table, req, at)
	if keep {
		if c, ok := x.b.replies.get(key); ok {
			x.ev.outcome = c.outcome
			x.respondJSON(c.body)
			return
		}
	}
	gen := x.b.replies.generation()
	h, ok := x.run(req, at)
	if !ok {
		return
	}
	outcome, err := settle(h.a, h.err)
	if err != nil {
		x.fail(err, at, h.deferred)
		return
	}
	x.ev.outcome = outcome
	m := x.b.withReport(answerMessage(x.b.table, req, h.a, at.private, at.page), req)
	if h.deferred {
		x.edit(m)
		return
	}
	body, fits := x.encode(m.response(at.responseType()))
	if fits && keep && h.err == nil {
		x.b.replies.put(gen, key, cachedReply{body: body, outcome: outcome})
	}
	x.respondJSON(body)
}

// handled is what the handler made of a request, and whether the reply
// was deferred while it worked.
type handled struct {
	a        commands.Answer
	err      error
	deferred bool
}

// run runs the handler, deferring the reply when the handler is not done
// within DeferAfter (or at once, as at says). ok is false when the
// deferral could not be sent, which leaves nothing to reply to.
func (x *exchange) run(req commands.Request, at placement) (h handled, ok bool) {
	if at.deferNow {
		if !x.respond(at.deferral()) {
			return h, false
		}
		h.a, h.err = x.b.answer(req)
		h.deferred = true
		return h, true
	}
	done := make(chan handled, 1)
	go func() {
		a, err := x.b.answer(req)
		done <- handled{a: a, err: err}
	}()
	timer := time.NewTimer(x.b.opts.DeferAfter)
	defer timer.Stop()
	select {
	case h = <-done:
		return h, true
	case <-timer.C:
	}
	if !x.respond(at.deferral()) {
		return h, false
	}
	h = <-done
	h.deferred = true
	return h, true
}

// fail shows the user what went wrong with a request, and only the user.
func (x *exchange) fail(err error, at placement, deferred bool) {
	m, out := errorMessage(err)
	x.ev.outcome, x.ev.err = out, err
	switch {
	case !deferred:
		// A failed page click leaves the message as it was.
		x.respond(m.response(discordgo.InteractionResponseChannelMessageWithSource))
	case at.inPlace || !at.private:
		// The error is the asker's business only, whatever was deferred.
		if !at.inPlace {
			x.deleteReply()
		}
		x.followUp(m)
	default:
		x.edit(m)
	}
}

// responseType is the callback that shows an answer at once: a new
// message, or an update of the message a button is on.
func (at placement) responseType() discordgo.InteractionResponseType {
	if at.inPlace {
		return discordgo.InteractionResponseUpdateMessage
	}
	return discordgo.InteractionResponseChannelMessageWithSource
}

// deferral is the callback that buys time: "thinking…" in a new message
// (private when the answer will be), or nothing visible for an update.
func (at placement) deferral() *discordgo.InteractionResponse {
	d := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if at.inPlace {
		d.Type = discordgo.InteractionResponseDeferredMessageUpdate
	} else if at.private {
		d.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	return d
}
