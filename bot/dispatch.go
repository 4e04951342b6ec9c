package bot

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// answer runs a handler on the current base, turning a panic into an error.
func (b *Bot) answer(req commands.Request) (a commands.Answer, err error) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			err = &panicError{value: r, stack: debug.Stack()}
		}
		b.metrics.handled(b.commandLabel(req.Command), time.Since(start))
	}()
	return b.handle(b.current().base, req)
}

// answerMessage renders the page of an answer that a reply shows, with the
// page buttons' state taken from the request.
func answerMessage(t *commands.Table, req commands.Request, a commands.Answer, private bool, page int) message {
	a.Private = a.Private || private
	state := ""
	if spec, ok := t.Lookup(req.Command); ok && spec.Handler != nil {
		state = encodeState(spec, req)
	}
	return renderAnswer(a, view{Page: page, State: state})
}

// handleInteraction answers one interaction. It is what the session's
// INTERACTION_CREATE handler calls, and logs one line when done.
func (b *Bot) handleInteraction(s sender, i *discordgo.Interaction) {
	if i == nil {
		return
	}
	start := b.opts.Now()
	user, _ := userOf(i)
	ev := &event{user: user, guild: i.GuildID, deadline: time.Now().Add(b.opts.window)}
	defer b.logEvent(ev, start)
	defer func() {
		if r := recover(); r != nil {
			pe := &panicError{value: r, stack: debug.Stack()}
			if !ev.responded {
				// Without a reply the user sees "interaction failed".
				b.respond(s, i, ev, textMessage(genericError, true).response(discordgo.InteractionResponseChannelMessageWithSource))
			}
			ev.outcome, ev.err = outPanic, pe
		}
	}()
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		ev.kind = "command"
		b.command(s, i, ev)
	case discordgo.InteractionApplicationCommandAutocomplete:
		ev.kind = "autocomplete"
		b.autocomplete(s, i, ev)
	case discordgo.InteractionMessageComponent:
		ev.kind = "button"
		b.component(s, i, ev)
	default:
		ev.kind, ev.outcome = fmt.Sprintf("type %d", i.Type), outUserError
	}
}

func (b *Bot) command(s sender, i *discordgo.Interaction, ev *event) {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		b.refuse(s, i, ev, errUnreadable)
		return
	}
	ev.command = data.Name
	req, hide, err := requestOf(b.table, data)
	if err != nil {
		b.refuse(s, i, ev, err)
		return
	}
	if !b.allow(s, i, ev) {
		return
	}
	if spec, _ := b.table.Lookup(req.Command); spec.Admin {
		b.reloadCommand(s, i, ev)
		return
	}
	private := b.opts.Private
	if hide != nil {
		private = *hide
	}
	b.reply(s, i, ev, req, private, false, 0)
}

// refuse answers with a private error message at once.
func (b *Bot) refuse(s sender, i *discordgo.Interaction, ev *event, err error) {
	m, out := errorMessage(err)
	ev.outcome, ev.err = out, err
	b.respond(s, i, ev, m.response(discordgo.InteractionResponseChannelMessageWithSource))
}

// allow applies the per-user rate limit, answering a private "slow down"
// when over it. Only the first refusal of a flood is logged at info.
func (b *Bot) allow(s sender, i *discordgo.Interaction, ev *event) bool {
	ok, wait, first := b.limiter.allow(ev.user)
	if ok {
		return true
	}
	ev.outcome, ev.quiet = outRateLimited, !first
	b.metrics.limited("user")
	b.respond(s, i, ev, textMessage(slowDown(wait), true).response(discordgo.InteractionResponseChannelMessageWithSource))
	return false
}

// slowDown is the refusal of a request over the rate limit.
func slowDown(wait time.Duration) string {
	return fmt.Sprintf("Slow down: you are asking faster than I answer. Try again in %d s.", seconds(wait))
}

// errUnreadable answers an interaction whose data does not fit its type.
var errUnreadable = &commands.UserError{Msg: "this interaction could not be read; please try again"}

// reply runs the handler for req and sends its answer: at once when it is
// quick, otherwise after deferring, so that Discord hears back within its
// 3 seconds whatever the handler does. update edits the message a button is
// on instead of sending a new one.
func (b *Bot) reply(s sender, i *discordgo.Interaction, ev *event, req commands.Request, private, update bool, page int) {
	type result struct {
		a   commands.Answer
		err error
	}
	done := make(chan result, 1)
	go func() {
		a, err := b.answer(req)
		done <- result{a, err}
	}()
	timer := time.NewTimer(b.opts.DeferAfter)
	defer timer.Stop()
	respType := discordgo.InteractionResponseChannelMessageWithSource
	if update {
		respType = discordgo.InteractionResponseUpdateMessage
	}
	var r result
	deferred := false
	select {
	case r = <-done:
	case <-timer.C:
		deferred = true
		d := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
		if update {
			d.Type = discordgo.InteractionResponseDeferredMessageUpdate
		} else if private {
			d.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
		}
		if !b.respond(s, i, ev, d) {
			return
		}
		r = <-done
	}
	if r.err != nil {
		m, out := errorMessage(r.err)
		ev.outcome, ev.err = out, r.err
		switch {
		case !deferred:
			// A failed page click leaves the message as it was.
			b.respond(s, i, ev, m.response(discordgo.InteractionResponseChannelMessageWithSource))
		case update || !private:
			// The error is the asker's business only, whatever was deferred.
			if !update {
				b.deleteReply(s, i, ev)
			}
			b.followup(s, i, ev, m)
		default:
			b.edit(s, i, ev, m)
		}
		return
	}
	ev.outcome = outcomeOf(r.a)
	m := answerMessage(b.table, req, r.a, private, page)
	if deferred {
		b.edit(s, i, ev, m)
		return
	}
	b.respond(s, i, ev, m.response(respType))
}
