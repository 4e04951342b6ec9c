package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/fakediscord"
)

// The end-to-end tests run the real discordgo Session against the fake
// Discord. Each one checks the payloads the fake received; the harness's
// cleanup also checks every payload against the limits and the spec.

func TestE2ERegistration(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	put, _, err := h.fake.WaitRequest(waitFor, 0, func(r fakediscord.Request) bool { return r.Method == "PUT" })
	if err != nil {
		t.Fatal(err)
	}
	if want := "/applications/" + fakediscord.AppID + "/guilds/" + testGuild + "/commands"; put.Path != want {
		t.Errorf("registered at %s, want %s (the configured guild)", put.Path, want)
	}
	var cmds []map[string]any
	if err := json.Unmarshal(put.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	specs := commands.NewTable().Specs()
	if len(cmds) != len(specs)+1 {
		t.Fatalf("%d commands registered, want %d and the message command", len(cmds), len(specs))
	}
	byName := map[string]map[string]any{}
	for _, c := range cmds {
		byName[c["name"].(string)] = c
	}
	reload := byName["reload"]
	if reload["default_member_permissions"] != "8" || !sameJSON(reload["contexts"], []any{0.0}) {
		t.Errorf("/reload: default_member_permissions %v, contexts %v; want \"8\" (Administrator), [0] (guilds only)", reload["default_member_permissions"], reload["contexts"])
	}
	who := byName["who"]
	if !sameJSON(who["contexts"], []any{0.0, 1.0, 2.0}) || !sameJSON(who["integration_types"], []any{0.0, 1.0}) {
		t.Errorf("/who contexts %v, integration_types %v; want guilds, DMs and group DMs, guild and user install", who["contexts"], who["integration_types"])
	}
	if !sameJSON(reload["integration_types"], []any{0.0}) {
		t.Errorf("/reload integration_types %v, want [0] (guild install only)", reload["integration_types"])
	}
	opts := who["options"].([]any)
	name, hide := opts[0].(map[string]any), opts[len(opts)-1].(map[string]any)
	if name["name"] != "name" || name["autocomplete"] != true || name["required"] != true {
		t.Errorf("/who name option: %v", name)
	}
	if hide["name"] != hideOption || hide["type"] != 5.0 {
		t.Errorf("/who last option %v, want the boolean hide option", hide)
	}
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestE2EWho(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)

	hit := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "witkof"))).Body)
	if hit.Type != 4 || len(hit.Data.Embeds) != 1 {
		t.Fatalf("callback type %d with %d embeds, want 4 with 1", hit.Type, len(hit.Data.Embeds))
	}
	e := hit.Data.Embeds[0]
	if !strings.Contains(e.Title, "Witkoff") || !strings.Contains(e.Description, "[1]") || e.Footer == nil || !strings.HasPrefix(e.Footer.Text, "as of ") {
		t.Errorf("embed lacks the card, a citation or the as-of footer: %+v", e)
	}
	if len(e.Fields) < 2 || e.Fields[0].Name != fieldCites || e.Fields[len(e.Fields)-1].Name != fieldSrcs {
		t.Errorf("fields %+v, want Citations then Sources", e.Fields)
	}
	if hit.Data.Flags != 0 || hit.Data.AllowedMentions == nil || hit.Data.AllowedMentions.Parse == nil || len(hit.Data.AllowedMentions.Parse) != 0 {
		t.Errorf("flags %d, allowed_mentions %+v; want public and parse []", hit.Data.Flags, hit.Data.AllowedMentions)
	}

	// A miss: honest, with the user's text shown escaped, privately on request.
	in := interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "**zz_top** @everyone"))
	in["data"].(map[string]any)["options"] = append(in["data"].(map[string]any)["options"].([]map[string]any),
		map[string]any{"name": hideOption, "type": 5, "value": true})
	miss := decode[callback](t, h.send(in).Body)
	me := miss.Data.Embeds[0]
	if me.Title != "Not in the fact base" || !strings.Contains(me.Description, `\*\*zz\_top\*\* @everyone`) {
		t.Errorf("miss: title %q, description %q; want the honest miss with the name escaped", me.Title, me.Description)
	}
	if miss.Data.Flags != 64 {
		t.Errorf("hide:true gave flags %d, want 64 (ephemeral)", miss.Data.Flags)
	}
	if _, err := h.logLine(func(m map[string]any) bool {
		return m["command"] == "who" && m["outcome"] == outNotFound && m["user"] == plainUser && m["guild"] == testGuild && m["duration"] != nil
	}); err != nil {
		t.Errorf("no log line for the miss: %v\n%s", err, h.logs)
	}
}

func TestE2EAutocomplete(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	data := slash("who", "name", "witk")
	data["options"].([]map[string]any)[0]["focused"] = true
	cb := decode[callback](t, h.send(interaction(h.id(), 4, testGuild, plainUser, nil, data)).Body)
	if cb.Type != 8 || len(cb.Data.Choices) == 0 || cb.Data.Choices[0].Value != "Steve Witkoff" {
		t.Errorf("person autocomplete: type %d, choices %+v; want type 8 with Steve Witkoff first", cb.Type, cb.Data.Choices)
	}

	data = slash("source", "id", "")
	data["options"].([]map[string]any)[0]["focused"] = true
	cb = decode[callback](t, h.send(interaction(h.id(), 4, "", plainUser, nil, data)).Body)
	if len(cb.Data.Choices) != 5 {
		t.Errorf("source autocomplete with nothing typed: %d choices, want all 5 articles", len(cb.Data.Choices))
	}
	for _, c := range cb.Data.Choices {
		if !strings.Contains(c.Name, c.Value) {
			t.Errorf("choice %q does not show its id %q", c.Name, c.Value)
		}
	}
}

// TestE2EPageButton turns a page on a bot that never saw the message: the
// state is in the custom_id, so a click works after a restart and for
// anyone.
func TestE2EPageButton(t *testing.T) {
	t.Parallel()
	first := startHarness(t, nil)
	cb := decode[callback](t, first.send(interaction(first.id(), 2, testGuild, plainUser, nil, slash("timeline"))).Body)
	if len(cb.Data.Components) != 1 || len(cb.Data.Components[0].Components) != 3 {
		t.Fatalf("/timeline: components %+v, want one row of page buttons", cb.Data.Components)
	}
	next := cb.Data.Components[0].Components[2]
	if !strings.HasPrefix(next.CustomID, "bb1:n:1:") {
		t.Fatalf("next button custom_id %q", next.CustomID)
	}

	restarted := startHarness(t, nil)
	msg := map[string]any{"id": "400000000000000001", "channel_id": testChannel, "content": "", "embeds": cb.Data.Embeds, "type": 0}
	in := interaction(restarted.id(), 3, testGuild, adminRoleUser, nil, map[string]any{"custom_id": next.CustomID, "component_type": 2})
	in["message"] = msg
	upd := decode[callback](t, restarted.send(in).Body)
	if upd.Type != 7 {
		t.Fatalf("click answered with type %d, want 7 (edit the message in place)", upd.Type)
	}
	f := upd.Data.Embeds[0].Footer
	if f == nil || !strings.Contains(f.Text, "page 2/") {
		t.Errorf("footer %+v, want page 2", f)
	}
	if upd.Data.Embeds[0].Description == cb.Data.Embeds[0].Description {
		t.Error("page 2 shows what page 1 showed")
	}
	if prev := upd.Data.Components[0].Components[0]; prev.CustomID != "bb1:p:0:timeline" {
		t.Errorf("previous button on page 2: %q", prev.CustomID)
	}
}

func TestE2EDM(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	dm := map[string]any{"id": "450000000000000001", "channel_id": testDM, "content": "who is witkoff?", "type": 0,
		"author": map[string]any{"id": plainUser, "username": "someone", "discriminator": "0"}}
	if _, err := h.fake.Dispatch("MESSAGE_CREATE", dm); err != nil {
		t.Fatal(err)
	}
	r := h.next(func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/"+testDM+"/messages"
	})
	var m struct {
		Embeds          []wireEmbed `json:"embeds"`
		AllowedMentions struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Title, "Witkoff") || m.AllowedMentions.Parse == nil {
		t.Errorf("DM reply: %s", r.Body)
	}

	// The bot's own messages (and other bots') are not answered.
	own := map[string]any{"id": "450000000000000002", "channel_id": testDM, "content": "who is witkoff?", "type": 0,
		"author": map[string]any{"id": fakediscord.BotUserID, "username": "briefbot", "bot": true}}
	if _, err := h.fake.Dispatch("MESSAGE_CREATE", own); err != nil {
		t.Fatal(err)
	}

	// A slash command in a DM (a user, no member, no guild).
	cb := decode[callback](t, h.send(interaction(h.id(), 2, "", plainUser, nil, slash("quotes", "who", "Healey"))).Body)
	if cb.Type != 4 || !strings.Contains(cb.Data.Embeds[0].Title, "Healey") {
		t.Errorf("/quotes in a DM: %+v", cb)
	}
	for _, r := range h.fake.Requests() {
		if strings.Contains(string(r.Body), "450000000000000002") {
			t.Errorf("answered the bot's own message: %s %s", r.Method, r.Path)
		}
	}
}

// reloadAs sends /reload in the test guild as user with roles, and returns
// the first reply and, when it was a deferral, the edit that followed it.
func (h *harness) reloadAs(user string, roles []string) (callback, string) {
	h.t.Helper()
	id := h.id()
	cb := decode[callback](h.t, h.send(interaction(id, 2, testGuild, user, roles, slash("reload"))).Body)
	if cb.Type != 5 {
		return cb, ""
	}
	edit := h.next(func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && r.Path == "/webhooks/"+fakediscord.AppID+"/tok-"+id+"/messages/@original"
	})
	return cb, string(edit.Body)
}

func TestE2EReload(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	reload := h.reloadAs

	// Refused: a user who is neither a configured admin nor has an admin role.
	cb, _ := reload(plainUser, []string{"600000000000000099"})
	if cb.Type != 4 || cb.Data.Flags != 64 || !strings.Contains(cb.Data.Content, "Only the bot's admins") {
		t.Errorf("non-admin /reload: %+v", cb)
	}

	// Success, by role: a new article is counted.
	writeArticle(t, h.dir, "999_extra", "An extra article\n\nIt says little.\n")
	cb, edit := reload(adminRoleUser, []string{adminRole})
	if cb.Data.Flags != 64 {
		t.Errorf("deferred reload flags %d, want 64", cb.Data.Flags)
	}
	if !strings.Contains(edit, "Fact base reloaded") || !strings.Contains(edit, "articles**: 1 added, 0 removed; 6 now, 5 before") {
		t.Errorf("reload report: %s", edit)
	}

	// Failure, by user id: every error as file:line, and the old base serves.
	restore := breakFacts(t, h.dir)
	_, edit = reload(adminUser, nil)
	if !strings.Contains(edit, "still serving the previous fact base") || !strings.Contains(edit, "facts.yaml:1: unknown field") {
		t.Errorf("failed reload report: %s", edit)
	}
	who := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff"))).Body)
	if !strings.Contains(who.Data.Embeds[0].Title, "Witkoff") {
		t.Errorf("after a failed reload /who gives %q", who.Data.Embeds[0].Title)
	}
	if got := len(h.bot.svc.Base().Docs()); got != 6 {
		t.Errorf("serving %d articles after the failed reload, want the 6 of the last good one", got)
	}

	// An admin may reload by DM too.
	restore()
	dm := map[string]any{"id": "450000000000000003", "channel_id": testDM, "content": "reload", "type": 0,
		"author": map[string]any{"id": adminUser, "username": "admin"}}
	if _, err := h.fake.Dispatch("MESSAGE_CREATE", dm); err != nil {
		t.Fatal(err)
	}
	r := h.next(func(r fakediscord.Request) bool { return r.Path == "/channels/"+testDM+"/messages" })
	if !strings.Contains(string(r.Body), "Fact base reloaded") {
		t.Errorf("DM reload: %s", r.Body)
	}
}

// startSlowHarness starts a bot that defers after 50 ms and answers
// after 200 ms, so that every reply is deferred.
func startSlowHarness(t *testing.T) *harness {
	t.Helper()
	h := startHarness(t, func(o *Options) { o.DeferAfter = 50 * time.Millisecond })
	beforeHandling(h.bot, func(string) {
		time.Sleep(200 * time.Millisecond)
	})
	return h
}

// TestE2EDeferred: a handler slower than DeferAfter gets a deferral within
// Discord's 3 s, then the answer as an edit.
func TestE2EDeferred(t *testing.T) {
	t.Parallel()
	h := startSlowHarness(t)
	id := h.id()
	cb := decode[callback](t, h.send(interaction(id, 2, testGuild, plainUser, nil, slash("search", "query", "sanctions"))).Body)
	if cb.Type != 5 {
		t.Fatalf("slow command answered with type %d, want 5 (deferred)", cb.Type)
	}
	edit := h.next(func(r fakediscord.Request) bool { return r.Method == "PATCH" && strings.Contains(r.Path, "tok-"+id) })
	if !strings.Contains(string(edit.Body), `"embeds":[{`) {
		t.Errorf("deferred answer: %s", edit.Body)
	}
}

// TestE2EResume drops the gateway connection: the session resumes (op 6
// with the session id and the last sequence) and answers the next
// interaction.
func TestE2EResume(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief")))
	h.fake.Drop()
	ops, err := h.fake.WaitGateway(waitFor, 2)
	if err != nil {
		t.Fatal(err)
	}
	var resume struct {
		SessionID string `json:"session_id"`
		Seq       int    `json:"seq"`
		Token     string `json:"token"`
	}
	if ops[1].Op != 6 || json.Unmarshal(ops[1].Data, &resume) != nil || resume.SessionID != "session-1" || resume.Seq < 2 {
		t.Fatalf("after the drop the client sent op %d %s, want a RESUME of session-1 at seq ≥ 2", ops[1].Op, ops[1].Data)
	}
	if h.fake.Sessions() != 1 {
		t.Errorf("%d sessions identified, want 1 (resumed, not re-identified)", h.fake.Sessions())
	}
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Healey"))).Body)
	if cb.Type != 4 || !strings.Contains(cb.Data.Embeds[0].Title, "Healey") {
		t.Errorf("after resuming: %+v", cb)
	}
}
