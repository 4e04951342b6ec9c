package bot

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/commands"
)

// click is a component interaction on the message msg: a button, or a
// string select with values.
func click(id, customID string, msg callback, values ...string) map[string]any {
	data := map[string]any{"custom_id": customID, "component_type": 2}
	if values != nil {
		data["component_type"], data["values"] = 3, values
	}
	in := interaction(id, 3, testGuild, plainUser, nil, data)
	in["message"] = map[string]any{"id": "400000000000000002", "channel_id": testChannel, "content": "", "embeds": msg.Data.Embeds, "type": 0}
	return in
}

// TestE2ESuggestionButtons: /who with a misspelt name offers the close
// names as buttons; a click on a bot that never saw the miss answers with
// that person's card in place of it.
func TestE2ESuggestionButtons(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "jonh"))).Body)
	if len(cb.Data.Components) != 1 || len(cb.Data.Components[0].Components) != 3 {
		t.Fatalf("/who jonh: components %+v, want one row of three suggestions", cb.Data.Components)
	}
	b := cb.Data.Components[0].Components[1]
	if b.Label != "John Ray" || b.CustomID != "bb1:s:0:who|John Ray" {
		t.Fatalf("second suggestion: %+v", b)
	}
	restarted := startHarness(t, nil)
	upd := decode[callback](t, restarted.send(click(restarted.id(), b.CustomID, cb)).Body)
	if upd.Type != 7 || !strings.Contains(upd.Data.Embeds[0].Title, "John Ray") {
		t.Errorf("click on %q: type %d, title %q; want the card in place (type 7)", b.Label, upd.Type, upd.Data.Embeds[0].Title)
	}
	for _, row := range upd.Data.Components {
		for _, c := range row.Components {
			if strings.HasPrefix(c.CustomID, "bb1:s:") {
				t.Errorf("the card still offers suggestions: %+v", upd.Data.Components)
			}
		}
	}

	// /quotes keeps what else was asked.
	cb = decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("quotes", "who", "jonh", "about", "troops"))).Body)
	if got := cb.Data.Components[0].Components[0].CustomID; got != "bb1:s:0:quotes|John Healey|troops" {
		t.Errorf("/quotes suggestion custom_id %q", got)
	}
}

// TestE2ESuggestionMenu: more close names than a row of buttons holds
// come as a select menu; choosing one answers at once.
func TestE2ESuggestionMenu(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	next := h.bot.handle
	h.bot.handle = func(req commands.Request) (commands.Answer, error) {
		if req.Options["name"] != "many" {
			return next(req)
		}
		return miss("who", "Steve Witkoff", "Keir Starmer", "John Healey", "John Ray", "Emmanuel Macron", "Volodymyr Zelensky"), nil
	}
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "many"))).Body)
	if len(cb.Data.Components) != 1 || len(cb.Data.Components[0].Components) != 1 || cb.Data.Components[0].Components[0].Type != 3 {
		t.Fatalf("six suggestions: components %+v, want one select menu", cb.Data.Components)
	}
	menu := cb.Data.Components[0].Components[0]
	upd := decode[callback](t, h.send(click(h.id(), menu.CustomID, cb, "who|Keir Starmer")).Body)
	if upd.Type != 7 || !strings.Contains(upd.Data.Embeds[0].Title, "Starmer") {
		t.Errorf("choosing Keir Starmer: type %d, title %q", upd.Type, upd.Data.Embeds[0].Title)
	}
	// A forged choice (an admin command) is refused, privately.
	bad := decode[callback](t, h.send(click(h.id(), menu.CustomID, cb, "reload")).Body)
	if bad.Type != 4 || bad.Data.Flags != 64 {
		t.Errorf("forged choice: type %d flags %d, want a private refusal", bad.Type, bad.Data.Flags)
	}
}
