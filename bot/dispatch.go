package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// sender is the part of *discordgo.Session the bot replies through; tests of
// the dispatch logic put a recorder in its place.
type sender interface {
	InteractionRespond(*discordgo.Interaction, *discordgo.InteractionResponse, ...discordgo.RequestOption) error
	InteractionResponseEdit(*discordgo.Interaction, *discordgo.WebhookEdit, ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionResponseDelete(*discordgo.Interaction, ...discordgo.RequestOption) error
	FollowupMessageCreate(*discordgo.Interaction, bool, *discordgo.WebhookParams, ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageSendComplex(string, *discordgo.MessageSend, ...discordgo.RequestOption) (*discordgo.Message, error)
	RequestWithBucketID(method, urlStr string, data interface{}, bucketID string, options ...discordgo.RequestOption) ([]byte, error)
}

// Outcomes, as logged.
const (
	outOK          = "ok"
	outNotFound    = "not_found"
	outUserError   = "user_error"
	outError       = "error"
	outPanic       = "panic"
	outRateLimited = "rate_limited"
	outRefused     = "refused"
	outStale       = "stale"
	outReloadFail  = "reload_failed"
)

const genericError = "Something went wrong on our side; it has been logged. Please try again."

// event is what the one log line of an interaction or DM says.
type event struct {
	kind, command, user, guild string
	outcome                    string
	err                        error
}

func (b *Bot) logEvent(ev *event, start time.Time) {
	level := slog.LevelInfo
	attrs := []slog.Attr{slog.String("kind", ev.kind), slog.String("command", ev.command),
		slog.String("user", ev.user), slog.String("guild", ev.guild),
		slog.Duration("duration", b.opts.Now().Sub(start)), slog.String("outcome", ev.outcome)}
	if ev.err != nil && ev.outcome != outUserError {
		level = slog.LevelError
		attrs = append(attrs, slog.String("err", ev.err.Error()))
		var pe *panicError
		if errors.As(ev.err, &pe) {
			attrs = append(attrs, slog.String("stack", string(pe.stack)))
		}
	}
	b.log.LogAttrs(context.Background(), level, "interaction", attrs...)
}

// panicError is a handler's panic, recovered so that one bad query cannot
// take the bot down.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

// answer runs a handler on the current base, turning a panic into an error.
func (b *Bot) answer(req commands.Request) (a commands.Answer, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &panicError{value: r, stack: debug.Stack()}
		}
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

// errorMessage is what the user sees when a request fails: a user error as
// it is, anything else as a generic line (the details go to the log).
func errorMessage(err error) (message, string) {
	switch {
	case commands.IsUserError(err) || errors.Is(err, errStale):
		return textMessage("⚠️ "+escape(err.Error()), true), outUserError
	case errors.As(err, new(*panicError)):
		return textMessage(genericError, true), outPanic
	}
	return textMessage(genericError, true), outError
}

// outcomeOf names a successful answer's outcome.
func outcomeOf(a commands.Answer) string {
	if a.Found {
		return outOK
	}
	return outNotFound
}

// handleInteraction answers one interaction. It is what the session's
// INTERACTION_CREATE handler calls, and logs one line when done.
func (b *Bot) handleInteraction(s sender, i *discordgo.Interaction) {
	start := b.opts.Now()
	user, _ := userOf(i)
	ev := &event{user: user, guild: i.GuildID}
	defer b.logEvent(ev, start)
	defer func() {
		if r := recover(); r != nil {
			ev.outcome, ev.err = outPanic, &panicError{value: r, stack: debug.Stack()}
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
	data := i.ApplicationCommandData()
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

// allow applies the per-user rate limit, answering a refusal when over it.
func (b *Bot) allow(s sender, i *discordgo.Interaction, ev *event) bool {
	ok, wait := b.limiter.allow(ev.user)
	if ok {
		return true
	}
	ev.outcome = outRateLimited
	msg := fmt.Sprintf("You are asking faster than I answer; try again in %d s.", seconds(wait))
	b.respond(s, i, ev, textMessage(msg, true).response(discordgo.InteractionResponseChannelMessageWithSource))
	return false
}

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
				_ = s.InteractionResponseDelete(i)
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

// respond sends an interaction callback after checking it against every
// Discord limit: a reply that breaks one would fail for the user anyway,
// so it is replaced by a short error and logged.
func (b *Bot) respond(s sender, i *discordgo.Interaction, ev *event, r *discordgo.InteractionResponse) bool {
	if body, err := json.Marshal(r); err != nil || checkCallback(body) != nil {
		if err == nil {
			err = checkCallback(body)
		}
		ev.outcome, ev.err = outError, fmt.Errorf("reply over Discord's limits: %w", err)
		r = textMessage(genericError, true).response(discordgo.InteractionResponseChannelMessageWithSource)
	}
	if err := s.InteractionRespond(i, r); err != nil {
		ev.outcome, ev.err = outError, fmt.Errorf("sending the reply: %w", err)
		return false
	}
	return true
}

// edit replaces a deferred reply with the real one.
func (b *Bot) edit(s sender, i *discordgo.Interaction, ev *event, m message) {
	e := m.edit()
	if body, err := json.Marshal(e); err == nil {
		if err := checkMessage(body); err != nil {
			ev.outcome, ev.err = outError, fmt.Errorf("reply over Discord's limits: %w", err)
			e = textMessage(genericError, true).edit()
		}
	}
	if _, err := s.InteractionResponseEdit(i, e); err != nil {
		ev.outcome, ev.err = outError, fmt.Errorf("editing the deferred reply: %w", err)
	}
}

func (b *Bot) followup(s sender, i *discordgo.Interaction, ev *event, m message) {
	if _, err := s.FollowupMessageCreate(i, true, m.followup()); err != nil {
		ev.outcome, ev.err = outError, fmt.Errorf("sending a follow-up: %w", err)
	}
}
