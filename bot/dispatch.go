package bot

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// answer runs a request through the service, turning a panic into an error.
func (b *Bot) answer(req commands.Request) (a commands.Answer, err error) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			err = &panicError{value: r, stack: debug.Stack()}
		}
		b.metrics.handled(b.commandLabel(req.Command), time.Since(start))
	}()
	return b.handle(req)
}

// answerMessage renders the page of an answer that a reply shows, with the
// page buttons' state taken from the request. An admin command's answer
// gets no buttons (the whole of it shows on one page, the rest counted):
// anyone may click a button, and a click runs the command again. An
// answer that finds no one offers its close names to click (see
// suggestions).
func answerMessage(t *commands.Table, req commands.Request, a commands.Answer, private bool, page int) message {
	a.Private = a.Private || private
	m := renderAnswer(a, view{Page: page, State: stateOf(t, req)})
	m.Components = append(m.Components, suggestionRow(suggestions(t, req, a))...)
	return m
}

// stateOf is the state a button carries to ask req again, or "" for a
// request no button may carry (an admin command, or one the bot makes).
func stateOf(t *commands.Table, req commands.Request) string {
	if spec, ok := carried(t, req.Command); ok {
		return encodeState(spec, req)
	}
	return ""
}

// carried reports whether a button may carry a request of command (one a
// user may ask again as they please: not an admin command, nor one the bot
// makes), with the command's spec.
func carried(t *commands.Table, command string) (commands.Spec, bool) {
	spec, ok := t.Lookup(command)
	return spec, ok && spec.Handler != nil && !spec.Admin
}

// handleInteraction answers one interaction. It is what the session's
// INTERACTION_CREATE handler calls, and logs one line when done.
func (b *Bot) handleInteraction(s sender, i *discordgo.Interaction) {
	if i == nil {
		return
	}
	start := b.opts.Now()
	user, _ := userOf(i)
	x := &exchange{b: b, s: s, i: i, ev: &event{user: user, guild: i.GuildID, deadline: time.Now().Add(b.opts.window)}}
	defer b.logEvent(x.ev, start)
	defer func() {
		if r := recover(); r != nil {
			pe := &panicError{value: r, stack: debug.Stack()}
			if !x.ev.responded {
				// Without a reply the user sees "interaction failed".
				x.say(genericError)
			}
			x.ev.outcome, x.ev.err = outPanic, pe
		}
	}()
	k, ok := b.kinds[i.Type]
	if !ok {
		x.ev.kind, x.ev.outcome = fmt.Sprintf("type %d", i.Type), outUserError
		return
	}
	x.ev.kind = k.name
	k.answer(x)
}

// interactionKind is one kind of interaction: the name its log line gives
// it, and what answers it.
type interactionKind struct {
	name   string
	answer func(*exchange)
}

// interactionKinds are the interactions the bot answers, by type; made once
// in New.
func (b *Bot) interactionKinds() map[discordgo.InteractionType]interactionKind {
	return map[discordgo.InteractionType]interactionKind{
		discordgo.InteractionApplicationCommand:             {"command", b.command},
		discordgo.InteractionApplicationCommandAutocomplete: {"autocomplete", b.autocomplete},
		discordgo.InteractionMessageComponent:               {"button", b.component},
		discordgo.InteractionModalSubmit:                    {"report", b.submitReport},
	}
}

// command answers a slash command: an admin command once its caller is
// authorised, any other as the hide option or the configured default says,
// but privately in a server the bot is not installed in (see guestIn).
func (b *Bot) command(x *exchange) {
	data, ok := x.i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		x.refuse(errUnreadable)
		return
	}
	x.ev.command = data.Name
	if data.CommandType == discordgo.MessageApplicationCommand && data.Name == askMessage {
		b.askAbout(x, data)
		return
	}
	req, hide, err := requestOf(b.table, data)
	if err != nil {
		x.refuse(err)
		return
	}
	if !b.allow(x) {
		return
	}
	spec, _ := b.table.Lookup(req.Command)
	if spec.Admin {
		if b.authorised(x, spec) {
			x.reply(req, adminPlacement)
		}
		return
	}
	at := placement{private: b.opts.Private}
	if hide != nil {
		at.private = *hide
	}
	if guestIn(x.i) {
		at.private = true
	}
	x.reply(req, at)
}

// allow applies the per-user rate limit, answering a private "slow down"
// when over it. Only the first refusal of a flood is logged at info.
func (b *Bot) allow(x *exchange) bool {
	ok, wait, first := b.limiter.allow(x.ev.user)
	if ok {
		return true
	}
	x.ev.outcome, x.ev.quiet = outRateLimited, !first
	b.metrics.limited("user")
	x.say(slowDown(wait))
	return false
}

// slowDown is the refusal of a request over the rate limit.
func slowDown(wait time.Duration) string {
	return fmt.Sprintf("Slow down: you are asking faster than I answer. Try again in %d s.", seconds(wait))
}

// errUnreadable answers an interaction whose data does not fit its type.
var errUnreadable = &commands.UserError{Msg: "this interaction could not be read; please try again"}
