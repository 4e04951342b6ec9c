package bot

import (
	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// component answers a page button or a suggestion: the request comes back
// from the custom_id (or the footer, or the option chosen in a suggestion
// menu), is run again on the current base, and the wanted page replaces
// the message in place. Anyone may click what they can see. A Report
// button opens the report form instead (see openReport).
func (b *Bot) component(x *exchange) {
	data, ok := x.i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		x.refuse(errUnreadable)
		return
	}
	btn, err := parseCustomID(data.CustomID)
	carried := btn.state // as the custom_id has it: the form carries it on
	switch {
	case err != nil:
	case btn.dir == dirPick:
		btn.state, err = pickedState(data.Values)
	case btn.state == stateAt:
		btn.state, err = footerStateOf(x.i.Message)
	}
	var req commands.Request
	if err == nil {
		req, err = decodeState(b.table, btn.state)
	}
	if err != nil {
		x.refuse(err)
		return
	}
	x.ev.command = req.Command
	if !b.allow(x) {
		return
	}
	if btn.dir == dirReport {
		b.openReport(x, carried)
		return
	}
	x.reply(req, placement{inPlace: true, page: btn.page})
}

// footerStateOf reads the state from the footer of the message a button is on.
func footerStateOf(m *discordgo.Message) (string, error) {
	if m == nil || len(m.Embeds) == 0 || m.Embeds[0].Footer == nil {
		return "", errStale
	}
	st, ok := stateFromFooter(m.Embeds[0].Footer.Text)
	if !ok {
		return "", errStale
	}
	return st, nil
}
