package bot

import (
	"encoding/json"
	"fmt"
	"runtime/debug"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// handleMessage answers a direct message: free text ("who is smith?") or a
// slash form, through the same router, handlers and renderer as slash
// commands. An admin may send an admin command ("reload"). Messages in guilds are not the
// bot's business (it asks for no guild message intent); messages by bots,
// its own included, are ignored.
func (b *Bot) handleMessage(s sender, m *discordgo.Message) {
	if m == nil || m.GuildID != "" || m.Author == nil || m.Author.Bot {
		return
	}
	start := b.opts.Now()
	ev := &event{kind: "dm", user: m.Author.ID}
	defer b.logEvent(ev, start)
	reply, ok := b.dmReply(m, ev)
	if !ok {
		return
	}
	body, err := json.Marshal(reply.send())
	if err == nil {
		err = checkMessage(body)
	}
	if err != nil {
		ev.outcome, ev.err = outError, fmt.Errorf("reply over Discord's limits: %w", err)
		reply = textMessage(genericError, false)
	}
	err = b.call(ev, b.later(), func(o ...discordgo.RequestOption) error {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, reply.send(), o...)
		return err
	})
	if err != nil {
		sendFailed(ev, "sending the DM", err)
	}
}

// dmReply works out the reply to a DM, recording the outcome in ev; ok is
// false when the DM gets no reply. A flood of DMs is told to slow down
// once: unlike an interaction, a DM needs no answer, and answering each
// would only run the bot into Discord's own limit on the channel.
func (b *Bot) dmReply(m *discordgo.Message, ev *event) (reply message, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			reply, ok, ev.outcome = textMessage(genericError, false), true, outPanic
			ev.err = &panicError{value: r, stack: debug.Stack()}
		}
	}()
	if allowed, wait, first := b.limiter.allow(ev.user); !allowed {
		ev.outcome, ev.quiet = outRateLimited, !first
		b.metrics.limited("user")
		return textMessage(slowDown(wait), false), first
	}
	req, err := b.table.Parse(m.Content)
	req.Place = commands.Place{Channel: m.ChannelID}
	if err == nil {
		ev.command = req.Command
		if spec, _ := b.table.Lookup(req.Command); spec.Admin && !b.isAdmin(ev.user, nil) {
			ev.outcome = outRefused
			return textMessage(adminsOnly(spec), false), true
		}
		var a commands.Answer
		var outcome string
		a, err = b.answer(req)
		if outcome, err = settle(a, err); err == nil {
			ev.outcome = outcome
			return b.withReport(answerMessage(b.table, req, a, false, 0), req), true
		}
	}
	msg, out := errorMessage(err)
	ev.outcome, ev.err = out, err
	msg.Private = false
	return msg, true
}
