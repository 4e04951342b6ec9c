package bot

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// Report a problem. When Options.FeedbackChannel is set, an answer that a
// button could ask again has a Report button. Like a page button, it
// carries the request's state in its custom_id ("bb1:r:0:" and the state,
// or "@" when the state is in the footer), so that nothing is kept in
// memory: a click opens a form (a modal) whose custom_id carries the same
// state ("bb1:f:0:…"), and submitting the form asks the request again, to
// tell the curators what the reader saw, and posts the report to their
// channel (see submitReport).
const (
	dirReport     = 'r'
	dirReportForm = 'f'
	// reportInput is the custom_id of the form's one text field.
	reportInput = "report"
	// maxReport is the longest report taken, in characters: enough to say
	// what is wrong, short enough that the report fits one embed however
	// much escaping it needs.
	maxReport = 1000
	// Discord's limits on a modal: its title and a text field's label
	// (45 characters each), and a text field's value (4,000).
	maxModalTitle = 45
	maxInputLabel = 45
	maxInputValue = 4000
)

// withReport adds the Report button to an answer's message when reports
// are on and the request can be carried: on the page buttons' row when
// it has room, else on a row of its own. A button that would break a
// limit (a state too long for a custom_id and not in the footer, no row
// left) is left out: the answer matters more than the button.
func (b *Bot) withReport(m message, req commands.Request) message {
	if b.opts.FeedbackChannel == "" {
		return m
	}
	state := stateOf(b.table, req)
	if state == "" {
		return m
	}
	id := customID(dirReport, 0, state)
	if runes(id) > maxCustomID {
		if _, err := footerStateOf(&discordgo.Message{Embeds: m.Embeds}); err != nil {
			return m
		}
		id = customID(dirReport, 0, stateAt)
	}
	btn := discordgo.Button{Label: "Report", Style: discordgo.SecondaryButton, CustomID: id}
	rows := append([]discordgo.MessageComponent(nil), m.Components...)
	for i, c := range rows {
		if row, ok := c.(discordgo.ActionsRow); ok && isPageRow(row) && len(row.Components) < maxRowButtons {
			row.Components = append(append([]discordgo.MessageComponent(nil), row.Components...), btn)
			rows[i] = row
			m.Components = rows
			return m
		}
	}
	if len(rows) >= maxRows {
		return m
	}
	m.Components = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{btn}})
	return m
}

// isPageRow reports whether row is the page buttons' row (see pageButtons).
func isPageRow(row discordgo.ActionsRow) bool {
	for _, c := range row.Components {
		if btn, ok := c.(discordgo.Button); ok && len(btn.CustomID) > len(idPrefix) && btn.CustomID[len(idPrefix)] == 'i' {
			return true
		}
	}
	return false
}

// errReportsOff answers a Report button or form when reports are off: a
// button from before the configuration changed, or a forged one.
var errReportsOff = &commands.UserError{Msg: "reports are not taken here any more"}

// openReport answers a click on a Report button with the report form. The
// state goes on in the form's custom_id, or "@" again when it only fits
// in the footer (the form's submission carries the message it came from).
func (b *Bot) openReport(x *exchange, state string) {
	if b.opts.FeedbackChannel == "" {
		x.refuse(errReportsOff)
		return
	}
	id := customID(dirReportForm, 0, state)
	if runes(id) > maxCustomID {
		id = customID(dirReportForm, 0, stateAt)
	}
	x.ev.outcome = outOK
	x.respond(reportForm(id))
}

// reportForm is the modal that asks what is wrong: one paragraph, 1 to
// maxReport characters. Discord enforces the bounds in its client; the
// bot checks them again on submission (see reportText).
func reportForm(customID string) *discordgo.InteractionResponse {
	input := discordgo.TextInput{CustomID: reportInput, Label: "What is wrong with this answer?", Style: discordgo.TextInputParagraph,
		Placeholder: "A wrong date, a misquote, someone missing…", Required: true, MinLength: 1, MaxLength: maxReport}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseModal, Data: &discordgo.InteractionResponseData{
		CustomID: customID, Title: "Report a problem",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{input}}}}}
}

// wireModal is the part of a modal callback's data the limits concern.
type wireModal struct {
	CustomID   string `json:"custom_id"`
	Title      string `json:"title"`
	Components []struct {
		Type       int `json:"type"`
		Components []struct {
			Type      int    `json:"type"`
			CustomID  string `json:"custom_id"`
			Label     string `json:"label"`
			MinLength int    `json:"min_length"`
			MaxLength int    `json:"max_length"`
		} `json:"components"`
	} `json:"components"`
}

// checkModal checks a modal callback's data (callback type 9): a custom_id
// and a title, and 1 to 5 rows of one text field each, within Discord's
// limits.
func checkModal(data []byte) error {
	var m wireModal
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("modal: %w", err)
	}
	var errs []error
	limit(&errs, "modal custom_id", m.CustomID, 1, maxCustomID)
	limit(&errs, "modal title", m.Title, 1, maxModalTitle)
	if len(m.Components) < 1 || len(m.Components) > maxRows {
		errs = append(errs, fmt.Errorf("modal: %d rows (1 to %d)", len(m.Components), maxRows))
	}
	for i, row := range m.Components {
		if row.Type != 1 || len(row.Components) != 1 || row.Components[0].Type != 4 {
			errs = append(errs, fmt.Errorf("modal row %d: want an action row of one text field", i))
			continue
		}
		in := row.Components[0]
		limit(&errs, fmt.Sprintf("modal row %d custom_id", i), in.CustomID, 1, maxCustomID)
		limit(&errs, fmt.Sprintf("modal row %d label", i), in.Label, 1, maxInputLabel)
		if in.MinLength < 0 || in.MaxLength < 1 || in.MaxLength > maxInputValue || in.MinLength > in.MaxLength {
			errs = append(errs, fmt.Errorf("modal row %d: lengths %d to %d (within 0 to %d)", i, in.MinLength, in.MaxLength, maxInputValue))
		}
	}
	return errors.Join(errs...)
}
