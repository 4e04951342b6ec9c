package bot

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// largestClick is the largest button click Discord could send briefbot: the
// message it carries is a reply at every Discord limit at once (2,000
// characters of content; 10 embeds sharing 6,000 characters among title,
// description, author, footer and 5 fields each; 5 rows of 5 buttons with
// 80-character labels and 100-character custom_ids, which briefbot makes
// of ASCII), each character of text ch, from a member with 250 roles (a
// server's most) and a 32-character nick, with every other object Discord
// puts in an interaction (channel, guild, the message's author, its
// interaction metadata, entitlements) filled in.
func largestClick(ch string) map[string]any {
	text := func(n int) string { return strings.Repeat(ch, n) }
	id := func(i int) string { return strconv.Itoa(1_100_000_000_000_000_000 + i) }
	embeds := make([]map[string]any, maxEmbeds)
	for i := range embeds {
		fields := make([]map[string]any, 5)
		for j := range fields {
			fields[j] = map[string]any{"name": text(10), "value": text(40), "inline": false}
		}
		embeds[i] = map[string]any{"type": "rich", "title": text(50), "description": text(200), "color": 0x5865F2,
			"author": map[string]any{"name": text(30)}, "footer": map[string]any{"text": text(70)}, "fields": fields,
			"content_scan_version": 1}
	}
	rows := make([]map[string]any, maxRows)
	for i := range rows {
		buttons := make([]map[string]any, maxRowButtons)
		for j := range buttons {
			buttons[j] = map[string]any{"type": 2, "style": 2, "label": text(maxLabel), "custom_id": strings.Repeat("c", maxCustomID), "disabled": false, "id": i*5 + j}
		}
		rows[i] = map[string]any{"type": 1, "id": 100 + i, "components": buttons}
	}
	roles := make([]string, 250)
	for i := range roles {
		roles[i] = id(i)
	}
	user := func(name string) map[string]any {
		return map[string]any{"id": id(900), "username": text(32), "global_name": text(32), "avatar": strings.Repeat("a", 34),
			"discriminator": "0", "public_flags": 0, "flags": 0, "banner": nil, "accent_color": nil, "avatar_decoration_data": nil,
			"clan": nil, "primary_guild": nil, "collectibles": nil, "display_name_styles": nil, "bot": name == "bot"}
	}
	message := map[string]any{"type": 0, "content": text(maxContent), "mentions": []any{}, "mention_roles": []any{},
		"attachments": []any{}, "embeds": embeds, "components": rows, "timestamp": "2025-03-20T12:00:00.000000+00:00",
		"edited_timestamp": "2025-03-20T12:00:01.000000+00:00", "flags": 0, "id": id(1), "channel_id": id(2),
		"author": user("bot"), "pinned": false, "mention_everyone": false, "tts": false, "application_id": id(3), "webhook_id": id(3),
		"interaction_metadata": map[string]any{"id": id(4), "type": 2, "name": text(32), "command_type": 1,
			"user": user("asker"), "authorizing_integration_owners": map[string]any{"0": id(5)}},
		"interaction": map[string]any{"id": id(4), "type": 2, "name": text(32), "user": user("asker")}}
	return map[string]any{"app_permissions": "2248473465835073", "application_id": id(3),
		"authorizing_integration_owners": map[string]any{"0": id(5)}, "attachment_size_limit": 10485760,
		"channel": map[string]any{"id": id(2), "type": 0, "guild_id": id(5), "name": text(100), "topic": text(1024),
			"position": 3, "flags": 0, "parent_id": id(6), "last_message_id": id(7), "rate_limit_per_user": 0, "nsfw": false,
			"permissions": "2248473465835073", "theme_color": nil, "icon_emoji": nil},
		"channel_id": id(2), "context": 0, "data": map[string]any{"component_type": 2, "custom_id": strings.Repeat("c", maxCustomID), "id": 3},
		"entitlement_sku_ids": []any{}, "entitlements": []any{},
		"guild":    map[string]any{"id": id(5), "locale": "en-GB", "features": strings.Split(strings.Repeat("COMMUNITY_AND_MORE_FEATURES,", 40), ",")},
		"guild_id": id(5), "guild_locale": "en-GB", "id": id(8), "locale": "en-GB",
		"member": map[string]any{"avatar": nil, "banner": nil, "communication_disabled_until": nil, "deaf": false, "flags": 0,
			"joined_at": "2024-01-01T00:00:00.000000+00:00", "mute": false, "nick": text(32), "pending": false,
			"permissions": "2248473465835073", "premium_since": nil, "roles": roles, "unusual_dm_activity_until": nil, "user": user("asker")},
		"message": message, "token": strings.Repeat("t", 250), "type": 3, "version": 1}
}

// asciiJSON writes every non-ASCII character of JSON as a \u escape (a
// pair for one outside the BMP), as a JSON encoder set to ASCII output does:
// the largest form the same interaction can take.
func asciiJSON(b []byte) []byte {
	var out []byte
	for _, r := range string(b) {
		switch {
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		case r > 0xFFFF:
			r -= 0x10000
			out = fmt.Appendf(out, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			out = fmt.Appendf(out, `\u%04x`, r)
		}
	}
	return out
}

// TestBodyCapFitsLargestInteraction: the body cap of the interactions
// endpoint holds the largest button click Discord could send twice over
// when its text is ASCII or curly quotes, however written, and still holds
// it when every character is an emoji written as a pair of \u escapes.
// (The figures it logs are the ones in maxBody's comment.)
func TestBodyCapFitsLargestInteraction(t *testing.T) {
	tests := []struct {
		name     string
		ch       string
		escape   bool
		headroom float64 // the cap over the size, at least
	}{
		{"ASCII", "x", false, 2},
		{"curly quotes as UTF-8", "“", false, 2},
		{"curly quotes as \\u escapes", "“", true, 2},
		{"emoji as \\u escape pairs", "😀", true, 1.25},
	}
	for _, tt := range tests {
		b, err := json.Marshal(largestClick(tt.ch))
		if err != nil {
			t.Fatal(err)
		}
		if tt.escape {
			b = asciiJSON(b)
		}
		t.Logf("%s: %d bytes (%.1f KiB)", tt.name, len(b), float64(len(b))/1024)
		if float64(len(b))*tt.headroom > maxBody {
			t.Errorf("%s: the largest click is %d bytes; the body cap %d does not hold it %.2f times", tt.name, len(b), maxBody, tt.headroom)
		}
	}
}

// TestLargestRealReply logs the largest reply briefbot makes from the seed
// base, the message a real button click would carry: far under maxBody.
func TestLargestRealReply(t *testing.T) {
	svc := seedService(t)
	table := svc.Table()
	largest, which := 0, ""
	for _, q := range []string{"/timeline", "/sources", "/brief", "/figures", "/search sanctions", "/quotes who:Healey",
		"/who Witkoff", "/help", "/ask how many countries are in the coalition?"} {
		req, err := table.Parse(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		a, err := svc.Handle(req)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		m := answerMessage(table, req, a, false, 0)
		b, err := json.Marshal(m.response(discordgo.InteractionResponseChannelMessageWithSource))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > largest {
			largest, which = len(b), q
		}
	}
	t.Logf("largest reply: %s, %d bytes (%.1f KiB); the body cap is %d KiB", which, largest, float64(largest)/1024, maxBody>>10)
	if largest > maxBody/4 {
		t.Errorf("a reply of %d bytes leaves the body cap little room", largest)
	}
}
