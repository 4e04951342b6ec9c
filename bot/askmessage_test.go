package bot

import (
	"strings"
	"testing"
)

// targetMessage is the id of the message "Ask briefbot" is used on.
const targetMessage = "430000000000000001"

// onMessage is the data of "Ask briefbot" used on a message with content
// (and, when embed is set, an embed only, as a link preview has).
func onMessage(content string, embed bool) map[string]any {
	m := map[string]any{"id": targetMessage, "channel_id": testChannel, "content": content, "type": 0,
		"timestamp": "2025-03-27T10:00:00.000000+00:00",
		"author":    map[string]any{"id": "500000000000000009", "username": "poster", "discriminator": "0"}}
	if embed {
		m["embeds"] = []map[string]any{{"type": "link", "title": "A link", "url": "https://example.com/"}}
	}
	return map[string]any{"id": "900000000000000002", "name": askMessage, "type": 3, "target_id": targetMessage,
		"resolved": map[string]any{"messages": map[string]any{targetMessage: m}}}
}

// TestE2EAskMessage: "Ask briefbot" answers a question as a DM would and
// lays the sources beside a statement, always privately; a message with
// nothing to ask about, hostile text and text in another language each get
// an honest private reply within Discord's limits.
func TestE2EAskMessage(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	hostile := "@everyone <@500000000000000001> **bold** `code` [x](https://evil.example) " + strings.Repeat("Starmer said 30 countries signed up. ", 110)
	cases := []struct {
		name, content string
		embed         bool
		want          string // in the embed title, or in the content of an error
	}{
		{"question", "who is witkoff?", false, "Witkoff"},
		{"statement", "Starmer said 30 countries have signed up", false, "What the sources say"},
		{"embed only", "", true, "nothing to ask about"},
		{"hostile, 4,000 characters", hostile[:4000], false, ""},
		{"another language", "Qui a dit que la France enverrait des troupes ?", false, ""},
	}
	for _, c := range cases {
		cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, onMessage(c.content, c.embed))).Body)
		if cb.Type != 4 || cb.Data.Flags != 64 {
			t.Errorf("%s: type %d flags %d, want a private reply (4, 64)", c.name, cb.Type, cb.Data.Flags)
			continue
		}
		got := cb.Data.Content
		if len(cb.Data.Embeds) > 0 {
			got = cb.Data.Embeds[0].Title + "\n" + cb.Data.Embeds[0].Description
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: reply %q, want %q in it", c.name, got, c.want)
		}
		if strings.Contains(strings.ReplaceAll(got, `\<`, ""), "<@") {
			t.Errorf("%s: a mention shown as markup: %q", c.name, got)
		}
	}
	if _, err := h.logLine(func(m map[string]any) bool { return m["command"] == askMessage && m["outcome"] == outUserError }); err != nil {
		t.Errorf("no log line for the message with nothing to ask about: %v", err)
	}
	// In a server the bot is not in, for a user who installed it.
	in := installed(interaction(h.id(), 2, testGuild, plainUser, nil, onMessage("who is healey?", false)), 0, map[string]string{"1": plainUser})
	if cb := decode[callback](t, h.send(in).Body); cb.Data.Flags != 64 || !strings.Contains(cb.Data.Embeds[0].Title, "Healey") {
		t.Errorf("user install: flags %d, %+v", cb.Data.Flags, cb.Data.Embeds)
	}
}

// BenchmarkAskMessageRoundTrip is BenchmarkInteractionRoundTrip for "Ask
// briefbot": from INTERACTION_CREATE leaving the fake to the callback
// reaching it, for a question and for a statement.
func BenchmarkAskMessageRoundTrip(b *testing.B) {
	for _, q := range []struct{ name, text string }{
		{"question", "who is witkoff?"},
		{"statement", "Starmer said 30 countries have signed up"},
	} {
		b.Run(q.name, func(b *testing.B) {
			h := startHarness(b, nil)
			report(b, roundTrips(b, h, onMessage(q.text, false)))
		})
	}
}
