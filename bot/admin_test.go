package bot

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// countLoads makes a harness, and a count of the reloads its bot has run:
// each one logs a line, whether it loaded or not.
func countLoads(t *testing.T) (*harness, func() int) {
	h := startHarness(t, nil)
	return h, func() int {
		return h.logs.count(func(m map[string]any) bool { return m["msg"] == "reloaded" || m["msg"] == "reload failed" })
	}
}

// TestE2ENoReloadForNonAdmins tries every route to /reload as a member who
// is not a configured admin: none reloads, each is told so privately.
func TestE2ENoReloadForNonAdmins(t *testing.T) {
	t.Parallel()
	h, loads := countLoads(t)
	// A server that relaxed /reload's permission, or a server admin who is
	// not one of the bot's: Discord lets the command through.
	serverAdmin := interaction(h.id(), 2, testGuild, plainUser, []string{"600000000000000099"}, slash("reload"))
	serverAdmin["member"].(map[string]any)["permissions"] = "8"
	footer := map[string]any{"id": "400000000000000001", "channel_id": testChannel, "type": 0, "content": "",
		"embeds": []map[string]any{{"title": "x", "footer": map[string]any{"text": "as of 2025-01-01 · page 1/2 · query: reload"}}}}
	button := func(user, customID string) map[string]any {
		in := interaction(h.id(), 3, testGuild, user, nil, map[string]any{"custom_id": customID, "component_type": 2})
		in["message"] = footer
		return in
	}
	interactions := []struct {
		name string
		in   map[string]any
		says string
	}{
		{"slash, relaxed permission", serverAdmin, "Only the bot's admins"},
		{"slash in a DM", interaction(h.id(), 2, "", plainUser, nil, slash("reload")), "works in a server"},
		{"slash in a DM, by an admin", interaction(h.id(), 2, "", adminUser, nil, slash("reload")), "works in a server"},
		{"slash with options", interaction(h.id(), 2, testGuild, plainUser, nil, slash("reload", "force", "true")), "Only the bot's admins"},
		{"forged button", button(plainUser, "bb1:n:1:reload"), "please ask again"},
		{"forged button, by an admin", button(adminUser, "bb1:p:0:reload"), "please ask again"},
		{"forged button with options", button(plainUser, "bb1:n:1:reload|x"), "please ask again"},
		{"forged footer state", button(plainUser, "bb1:n:1:@"), "please ask again"},
	}
	for _, tt := range interactions {
		cb := decode[callback](t, h.send(tt.in).Body)
		if cb.Type != 4 || cb.Data.Flags != 64 || !strings.Contains(cb.Data.Content, tt.says) {
			t.Errorf("%s: type %d flags %d %q; want a private %q", tt.name, cb.Type, cb.Data.Flags, cb.Data.Content, tt.says)
		}
	}
	for _, text := range []string{"reload", "RELOAD", "  reload  ", "/reload", "/Reload now", "reload please", "/reload force:true"} {
		h.dm(h.id(), plainUser, text)
		r := h.next(func(r fakediscord.Request) bool { return r.Path == "/channels/"+testDM+"/messages" })
		if strings.Contains(string(r.Body), "reloaded") {
			t.Errorf("DM %q by a member: %s", text, r.Body)
		}
	}
	if n := loads(); n != 0 {
		t.Fatalf("%d reloads by members who are not admins", n)
	}
	// The count works: an admin reloads.
	id := h.id()
	h.send(interaction(id, 2, testGuild, adminRoleUser, []string{adminRole}, slash("reload")))
	h.next(func(r fakediscord.Request) bool { return r.Method == "PATCH" && strings.Contains(r.Path, "tok-"+id) })
	if n := loads(); n != 1 {
		t.Errorf("%d reloads by an admin, want 1", n)
	}
}

// TestE2EForgedButtons clicks buttons whose custom_id the bot never made,
// or made in another version: each gets a polite private message and
// nothing else happens. A page past the end of an answer that has shrunk
// (after a reload) shows the last page instead.
func TestE2EForgedButtons(t *testing.T) {
	t.Parallel()
	h, loads := countLoads(t)
	forged := []string{
		"", "x", "bb1:", "bb1:n:1", "bb1:n:1:", "bb1:n:01:timeline", "bb1:n:+1:timeline", "bb1:n:-1:timeline",
		"bb1:n:99999999999999999999:timeline", "bb1:i:0:", "bb1:x:1:timeline", "bb0:n:1:timeline", "bb2:n:1:timeline",
		"bb1:n:1:nosuch", "bb1:n:1:who|a|b|c|d", `bb1:n:1:search|a\`, `bb1:n:1:search|a\b`, "bb1:n:1:timeline\u202e",
		"bb1:n:1:@", // the state is in a footer the message does not have
		"bb1:n:1:" + strings.Repeat("q", 120),
	}
	for _, id := range forged {
		in := interaction(h.id(), 3, testGuild, plainUser, nil, map[string]any{"custom_id": id, "component_type": 2})
		cb := decode[callback](t, h.send(in).Body)
		if cb.Type != 4 || cb.Data.Flags != 64 || !strings.Contains(cb.Data.Content, "belongs to an old or unknown reply; please ask again") {
			t.Errorf("custom_id %q: type %d flags %d %q; want the private stale-button message", id, cb.Type, cb.Data.Flags, cb.Data.Content)
		}
	}
	in := interaction(h.id(), 3, testGuild, plainUser, nil, map[string]any{"custom_id": "bb1:n:9999:timeline", "component_type": 2})
	cb := decode[callback](t, h.send(in).Body)
	if cb.Type != 7 || len(cb.Data.Embeds) != 1 || cb.Data.Embeds[0].Footer == nil {
		t.Fatalf("page 9999: type %d, %+v", cb.Type, cb.Data)
	}
	if f := cb.Data.Embeds[0].Footer.Text; !strings.Contains(f, "page ") || strings.Contains(f, "page 1/") {
		t.Errorf("page 9999 shows %q, want the last page", f)
	}
	if n := h.logs.count(func(m map[string]any) bool { return m["outcome"] == outPanic || m["outcome"] == outError }); n != 0 || loads() != 0 {
		t.Errorf("%d panics or errors, %d reloads:\n%s", n, loads(), h.logs)
	}
}
