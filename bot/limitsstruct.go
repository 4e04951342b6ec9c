package bot

import (
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// checkResponse checks an interaction callback against every limit, as
// checkCallback does on body, which must be r encoded with nothing changed
// in between. A message callback of the shapes the renderers make is
// checked on r's own strings: Discord counts the characters of the decoded
// strings, which are r's (encoding/json writes an invalid byte as one
// U+FFFD, one character either way), and decoding body again to read them
// was a quarter of a fresh reply's work. Anything else (another callback
// type, a component or a nil the walk does not know) is decoded from body
// and checked as before, so the check never depends on the walk knowing
// every shape.
func checkResponse(r *discordgo.InteractionResponse, body []byte) error {
	if r != nil && (r.Type == discordgo.InteractionResponseChannelMessageWithSource || r.Type == discordgo.InteractionResponseUpdateMessage) {
		if m, ok := wireOf(r.Data); ok {
			return checkWire(m, true)
		}
	}
	return checkCallback(body)
}

// wireOf is what Discord reads of d for its limits, the wireMessage that
// decoding d's encoding gives, or false for a shape it does not copy.
func wireOf(d *discordgo.InteractionResponseData) (wireMessage, bool) {
	if d == nil || len(d.Choices) > 0 {
		return wireMessage{}, false
	}
	m := wireMessage{Content: d.Content}
	if am := d.AllowedMentions; am != nil {
		m.AllowedMentions = &wireMentions{}
		if am.Parse != nil {
			parse := make([]string, len(am.Parse))
			for i, p := range am.Parse {
				parse[i] = string(p)
			}
			m.AllowedMentions.Parse = &parse
		}
	}
	var ok bool
	if m.Embeds, ok = wireEmbeds(d.Embeds); !ok {
		return wireMessage{}, false
	}
	if m.Components, ok = wireRows(d.Components); !ok {
		return wireMessage{}, false
	}
	return m, true
}

// wireEmbeds copies the embeds' checked strings; a nil embed or field
// (sent as null) is left to the decoding check.
func wireEmbeds(embeds []*discordgo.MessageEmbed) ([]wireEmbed, bool) {
	out := make([]wireEmbed, len(embeds))
	for i, e := range embeds {
		if e == nil {
			return nil, false
		}
		w := &out[i]
		w.Title, w.Description = e.Title, e.Description
		if len(e.Fields) > 0 {
			w.Fields = make([]wireField, len(e.Fields))
			for j, f := range e.Fields {
				if f == nil {
					return nil, false
				}
				w.Fields[j].Name, w.Fields[j].Value = f.Name, f.Value
			}
		}
		if e.Footer != nil {
			w.Footer = &wireFooter{e.Footer.Text}
		}
		if e.Author != nil {
			w.Author = &wireAuthor{e.Author.Name}
		}
	}
	return out, true
}

// wireRows copies the action rows of buttons and select menus; any other
// component is left to the decoding check.
func wireRows(components []discordgo.MessageComponent) ([]wireRow, bool) {
	out := make([]wireRow, len(components))
	for i, c := range components {
		var row discordgo.ActionsRow
		switch c := c.(type) {
		case discordgo.ActionsRow:
			row = c
		case *discordgo.ActionsRow:
			if c == nil {
				return nil, false
			}
			row = *c
		default:
			return nil, false
		}
		w := &out[i]
		w.Type = int(row.Type())
		w.Components = make([]wireComponent, len(row.Components))
		for j, rc := range row.Components {
			wc := &w.Components[j]
			switch rc := rc.(type) {
			case discordgo.Button:
				if !utf8.ValidString(rc.CustomID) {
					// Two ids that differ only in invalid bytes are sent
					// as the same id (each byte as U+FFFD).
					return nil, false
				}
				wc.Type, wc.CustomID, wc.Label, wc.URL = int(rc.Type()), rc.CustomID, rc.Label, rc.URL
			case discordgo.SelectMenu:
				if !utf8.ValidString(rc.CustomID) {
					return nil, false
				}
				wc.Type, wc.CustomID = int(rc.Type()), rc.CustomID
				wc.Options = make([]wireOption, len(rc.Options))
				for k, o := range rc.Options {
					wc.Options[k].Label, wc.Options[k].Value = o.Label, o.Value
				}
			default:
				return nil, false
			}
		}
	}
	return out, true
}
