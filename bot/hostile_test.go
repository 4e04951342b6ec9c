package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/fakediscord"
	"github.com/bwmarrin/discordgo"
)

// hostile is what members of a public server type, to see what happens.
var hostile = []struct{ name, text string }{
	{"everyone", "@everyone @here look"},
	{"mentions", "<@&" + adminRole + "> <@" + adminUser + "> <@!" + plainUser + "> <#" + testChannel + "> <t:1:R> </reload:1>"},
	{"markdown", "**bold** __u__ ~~s~~ ||spoiler|| [link](https://evil.example) # heading > quote -# small"},
	{"code fence", "```js\nalert(1)\n``` `x`"},
	{"zalgo", zalgo("Witkoff", 25)},
	{"right-to-left override", "\u202Etxt.exe\u202C Witkoff \u2067x\u2069 \u200F"},
	{"controls", "Witkoff\u0000\u0007\u001b[31m\r\n\t"},
	{"6000 characters", strings.Repeat("a", 6000)},
	{"1000 mentions' worth", strings.Repeat("<@"+plainUser+">", 40)},
	{"lone surrogates", "\xed\xa0\x80 \ufffd \U0001F600"},
}

// zalgo stacks n combining marks on every letter of s.
func zalgo(s string, n int) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		for k := range n {
			b.WriteRune(rune(0x0300 + (k*7)%0x6F))
		}
	}
	return b.String()
}

// checkShown checks every text a reply shows: no unescaped mention or
// timestamp syntax (whatever allowed_mentions says, "<@1>" would render as
// a mention), no code fence, no bidirectional override, no tower of
// combining marks, valid UTF-8; and that allowed_mentions pings no one.
func checkShown(t *testing.T, what string, body []byte) {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%s: reply is not JSON: %v", what, err)
	}
	data := v
	if d, ok := v["data"].(map[string]any); ok {
		data = d
	}
	if _, isChoices := data["choices"]; !isChoices {
		am, _ := data["allowed_mentions"].(map[string]any)
		parse, ok := am["parse"].([]any)
		if !ok || len(parse) != 0 || am["users"] != nil || am["roles"] != nil {
			t.Errorf("%s: allowed_mentions %v, want {parse: []}", what, data["allowed_mentions"])
		}
	}
	walkStrings(data, "", func(key, s string) {
		if key == "custom_id" || key == "url" {
			return
		}
		if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not UTF-8: %q", what, key, s)
		}
		for i := 0; i < len(s); i++ {
			if s[i] == '<' && (i == 0 || s[i-1] != '\\') && key != "text" && key != "label" {
				t.Errorf("%s: %s shows an unescaped %q", what, key, s[i:min(len(s), i+12)])
			}
		}
		if strings.Contains(s, "```") {
			t.Errorf("%s: %s opens a code block: %.80q", what, key, s)
		}
		marks := 0
		for _, r := range s {
			if bidiControl(r) {
				t.Errorf("%s: %s holds a bidirectional control %U", what, key, r)
			}
			if unicode.Is(unicode.Mn, r) {
				if marks++; marks > maxMarks {
					t.Errorf("%s: %s stacks %d combining marks", what, key, marks)
					break
				}
			} else {
				marks = 0
			}
		}
	})
}

func walkStrings(v any, key string, f func(key, s string)) {
	switch x := v.(type) {
	case string:
		f(key, x)
	case map[string]any:
		for k, y := range x {
			walkStrings(y, k, f)
		}
	case []any:
		for _, y := range x {
			walkStrings(y, key, f)
		}
	}
}

// TestE2EHostileInput sends every hostile text through every route that
// takes text, as slash options and as DMs: each gets exactly one reply
// that keeps within Discord's limits (the harness checks), shows the text
// defused, pings no one, and no handler panics.
func TestE2EHostileInput(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	for _, in := range hostile {
		sendHostile(t, h, in.name, in.text)
	}
	if n := h.logs.count(func(m map[string]any) bool { return m["outcome"] == outPanic || m["outcome"] == outError }); n != 0 {
		t.Errorf("%d panics or errors:\n%s", n, h.logs)
	}
	// Raw bytes that are not UTF-8, on the gateway itself: discordgo's JSON
	// decoding turns them into U+FFFD before the bot sees them.
	raw := []byte(`{"id":"450000000000000099","channel_id":"` + testDM + `","content":"who is ` + "\xff\xfe" +
		` witkoff \ud800","type":0,"author":{"id":"` + plainUser + `","username":"x"}}`)
	if _, err := h.fake.DispatchRaw("MESSAGE_CREATE", raw); err != nil {
		t.Fatal(err)
	}
	reply := h.next(func(q fakediscord.Request) bool { return q.Path == "/channels/"+testDM+"/messages" })
	checkShown(t, "raw DM", reply.Body)
	if !strings.Contains(string(reply.Body), "Witkoff") {
		t.Errorf("raw DM: %s", reply.Body)
	}

	// The 6,000 characters are refused, privately, as too long.
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("search", "query", strings.Repeat("a", 6000)))).Body)
	if cb.Data.Flags != 64 || !strings.Contains(cb.Data.Content, "query too long") {
		t.Errorf("6,000 characters: %+v", cb.Data)
	}
}

// sendHostile sends one hostile text, named name, through every route
// that takes text, as slash options and as DMs, and checks what each
// reply shows.
func sendHostile(t *testing.T, h *harness, name, text string) {
	routes := []struct {
		name string
		data func(text string) map[string]any
	}{
		{"/who", func(x string) map[string]any { return slash("who", "name", x) }},
		{"/search", func(x string) map[string]any { return slash("search", "query", x) }},
		{"/quotes", func(x string) map[string]any { return slash("quotes", "who", "Healey", "about", x) }},
		{"/timeline", func(x string) map[string]any { return slash("timeline", "about", x) }},
		{"/source", func(x string) map[string]any { return slash("source", "id", x) }},
		{"/figures", func(x string) map[string]any { return slash("figures", "about", x) }},
		{"/nosuch", func(x string) map[string]any { return slash("nosuch", "x", x) }},
		{"autocomplete", func(x string) map[string]any {
			d := slash("who", "name", x)
			d["options"].([]map[string]any)[0]["focused"] = true
			return d
		}},
	}
	for _, r := range routes {
		what := r.name + " " + name
		typ := 2
		if r.name == "autocomplete" {
			typ = 4
		}
		id := h.id()
		cb := h.send(interaction(id, typ, testGuild, plainUser, nil, r.data(text)))
		checkShown(t, what, cb.Body)
		if c := decode[callback](t, cb.Body); c.Type == 5 {
			edit := h.next(func(q fakediscord.Request) bool { return q.Method == "PATCH" && strings.Contains(q.Path, "tok-"+id) })
			checkShown(t, what+" (edit)", edit.Body)
		}
	}
	for _, q := range []string{"who is " + text, text, "what did healey say about " + text} {
		h.dm(h.id(), plainUser, q)
		reply := h.next(func(q fakediscord.Request) bool { return q.Path == "/channels/"+testDM+"/messages" })
		checkShown(t, "DM "+name, reply.Body)
	}
}

// TestHostileBytes feeds invalid UTF-8 straight to the handlers, as no
// JSON decoder would let through: the replies are valid UTF-8 all the same.
func TestHostileBytes(t *testing.T) {
	b := newTestBot(t, nil)
	bad := []string{"who is \xff\xfe\xfd", "\xc3\x28 witkoff", "/who name:\xe2\x82", "\x80", "/search " + strings.Repeat("\xf0\x9f", 300)}
	for _, text := range bad {
		rec := &recorder{}
		b.handleMessage(rec, &discordgo.Message{ChannelID: testDM, Content: text, Author: &discordgo.User{ID: plainUser}})
		if len(rec.calls) != 1 {
			t.Fatalf("DM %q: %d replies", text, len(rec.calls))
		}
		checkShown(t, fmt.Sprintf("DM %q", text), rec.calls[0].body)

		rec = &recorder{}
		i := parseInteraction(t, interaction("1", 2, testGuild, plainUser, nil, slash("search", "query", "x")))
		data := i.Data.(discordgo.ApplicationCommandInteractionData)
		data.Options[0].Value = text
		i.Data = data
		b.handleInteraction(rec, i)
		if len(rec.calls) != 1 {
			t.Fatalf("/search %q: %d replies", text, len(rec.calls))
		}
		checkShown(t, fmt.Sprintf("/search %q", text), rec.calls[0].body)
		if err := checkCallback(rec.calls[0].body); err != nil {
			t.Error(err)
		}
	}
}
