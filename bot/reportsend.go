package bot

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// What the reporter is told. The thanks is private, as every reply about a
// report is: who reported what is between the reporter and the curators.
const (
	reportThanks = "Thanks — your report was sent to the curators."
	reportFailed = "Sorry, your report could not be sent to the curators just now; please try again later."
)

var errReportEmpty = &commands.UserError{Msg: "your report is empty: say what is wrong with the answer, then send it again"}

// report is what the curators are told: who reported, from where, what
// they said, and the answer as the bot shows it now.
type filed struct {
	user, userName, guild, channel string
	text                           string
	req                            commands.Request
	answer                         commands.Answer
	failed                         bool // asking again failed: no answer to describe
	version                        string
}

// submitReport takes a submitted report form: it reads the request back
// from the form's custom_id (or the footer of the message the button was
// on), checks the text, asks the request again to see what the reader
// saw, posts the report to the curators' channel, logs it, and thanks the
// reporter, privately. It defers at once, as admin commands do: the post
// is a REST call of its own, and a report is rare enough that the extra
// call costs nothing.
func (b *Bot) submitReport(x *exchange) {
	data, ok := x.i.Data.(discordgo.ModalSubmitInteractionData)
	if !ok {
		x.refuse(errUnreadable)
		return
	}
	req, err := b.reportRequest(x.i, data.CustomID)
	if err != nil {
		x.refuse(err)
		return
	}
	x.ev.command = req.Command
	text, err := reportText(data.Components)
	if err != nil {
		x.refuse(err)
		return
	}
	if !b.allow(x) {
		return
	}
	h, ok := x.run(req, placement{private: true, deferNow: true})
	if !ok {
		return
	}
	r := filed{user: x.ev.user, userName: userName(x.i), guild: x.i.GuildID, channel: x.i.ChannelID, text: text, req: req,
		answer: h.a, failed: h.err != nil, version: b.svc.Status(h.a.Story).Version}
	// Reported all the same: the failure may be what the reader saw.
	if h.err != nil && !commands.IsUserError(h.err) {
		x.ev.err = fmt.Errorf("asking the reported query again: %w", h.err)
	}
	sent := x.postReport(r)
	b.log.Info("report", "user", b.logField(r.user, maxLogField), "command", b.logField(req.Command, maxLogField),
		"query", b.logField(req.Raw, maxLogError), "sources", strings.Join(citedIDs(h.a), ","), "base_version", r.version,
		"sent", sent, "text", b.logField(text, maxLogError))
	if !sent {
		x.edit(textMessage(reportFailed, true))
		return
	}
	x.ev.outcome = outOK
	x.edit(textMessage(reportThanks, true))
}

// reportRequest reads the reported request from a form's custom_id, as
// component reads a button's.
func (b *Bot) reportRequest(i *discordgo.Interaction, id string) (commands.Request, error) {
	btn, err := parseCustomID(id)
	if err != nil || btn.dir != dirReportForm {
		return commands.Request{}, errStale
	}
	if b.opts.FeedbackChannel == "" {
		return commands.Request{}, errReportsOff
	}
	if btn.state == stateAt {
		if btn.state, err = footerStateOf(i.Message); err != nil {
			return commands.Request{}, err
		}
	}
	return decodeState(b.table, btn.state)
}

// reportText finds the form's text field and checks its value: Discord's
// client enforces the bounds the form asks for, but a request can be made
// without it.
func reportText(rows []discordgo.MessageComponent) (string, error) {
	for _, c := range rows {
		var inner []discordgo.MessageComponent
		switch row := c.(type) {
		case *discordgo.ActionsRow:
			inner = row.Components
		case discordgo.ActionsRow:
			inner = row.Components
		}
		for _, in := range inner {
			var t *discordgo.TextInput
			switch v := in.(type) {
			case *discordgo.TextInput:
				t = v
			case discordgo.TextInput:
				t = &v
			}
			if t == nil || t.CustomID != reportInput {
				continue
			}
			switch n := runes(t.Value); {
			case strings.TrimSpace(t.Value) == "":
				return "", errReportEmpty
			case n > maxReport:
				return "", &commands.UserError{Msg: fmt.Sprintf("your report is too long (%d characters): keep it to %d, then send it again", n, maxReport)}
			}
			return t.Value, nil
		}
	}
	return "", errUnreadable
}

// postReport sends the report to the curators' channel, checked against
// Discord's limits first; it reports whether the report got there.
func (x *exchange) postReport(r filed) bool {
	m := reportMessage(r).send()
	body, err := json.Marshal(m)
	if err == nil {
		err = checkMessage(body)
	}
	if err == nil {
		err = x.b.call(x.ev, x.b.later(), func(o ...discordgo.RequestOption) error {
			_, err := x.s.ChannelMessageSendComplex(x.b.opts.FeedbackChannel, m, o...)
			return err
		})
	}
	if err != nil {
		sendFailed(x.ev, "posting the report", err)
		return false
	}
	return true
}

// reportMessage is the report as the curators see it: the reporter's words
// in the description, line by line, escaped as any user text; who and
// where; the query and the answer's title; the articles its citations come
// from, with their ids (the curators' business, unlike the readers'); and
// the fact base's version. Everything a member typed is escaped, and the
// reporter is named, not mentioned: the message pings no one.
func reportMessage(r filed) message {
	var lines []string
	for _, l := range strings.Split(r.text, "\n") {
		if e := escape(l); e != "" {
			lines = append(lines, e)
		}
	}
	who := escapeClip(r.userName, 100) + " (id " + escapeClip(r.user, 30) + ")"
	where := "a direct message"
	if r.guild != "" {
		where = "server " + escapeClip(r.guild, 30) + ", channel " + escapeClip(r.channel, 30)
	}
	answer := escapeClip(r.answer.Title, 300)
	switch {
	case r.failed:
		answer = "(asking again failed: see the log)"
	case !r.answer.Found:
		answer += " (found nothing)"
	}
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: "Report on an answer", Color: colorMissing,
		Description: clip(strings.Join(lines, "\n"), maxDescription),
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Reported by", Value: who + " in " + where},
			{Name: "Query", Value: escapeClip(r.req.Raw, maxFieldValue)},
			{Name: "Answer", Value: cmp.Or(answer, "(untitled)")},
			{Name: "Cited articles", Value: citedLines(r.answer)},
			{Name: "Fact base", Value: "version " + escapeClip(cmp.Or(r.version, "unknown"), 200)},
		}}
	return message{Embeds: []*discordgo.MessageEmbed{e}}
}

// citedIDs are the ids of the articles an answer's citations come from,
// each once, in the order first cited.
func citedIDs(a commands.Answer) []string {
	var ids []string
	seen := map[string]bool{}
	for _, c := range a.Citations {
		if !seen[c.Source] {
			seen[c.Source] = true
			ids = append(ids, c.Source)
		}
	}
	return ids
}

// citedLines lists the cited articles, one a line, within a field's
// 1,024 characters; those that do not fit are counted (room for the count
// is kept while there are more to come).
func citedLines(a commands.Answer) string {
	ids := citedIDs(a)
	if len(ids) == 0 {
		return "(none)"
	}
	var out []string
	size := 0
	for i, id := range ids {
		line := escapeClip(id, 100)
		if s, ok := sourceOf(a, id); ok {
			line = escapeClip(readerLabel(s)+": "+s.Title, 200) + " — " + line
		}
		need := size + runes(line) + min(len(out), 1)
		reserve := 0
		if rest := len(ids) - i - 1; rest > 0 {
			reserve = 1 + runes(omittedLine(rest))
		}
		if need+reserve > maxFieldValue {
			out = append(out, omittedLine(len(ids)-i))
			break
		}
		out, size = append(out, line), need
	}
	return strings.Join(out, "\n")
}

// userName is the name a member goes by, for the report: their global
// display name, else their username.
func userName(i *discordgo.Interaction) string {
	u := i.User
	if i.Member != nil && i.Member.User != nil {
		u = i.Member.User
	}
	if u == nil {
		return "someone"
	}
	return cmp.Or(u.GlobalName, cmp.Or(u.Username, "someone"))
}
