package bot

import (
	"testing"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// installed marks an interaction with the installs that authorised it, as
// Discord sends them: "0" the server's install (the guild id), "1" the
// user's own (the user id), and the context it was used in.
func installed(in map[string]any, context int, owners map[string]string) map[string]any {
	in["authorizing_integration_owners"] = owners
	in["context"] = context
	return in
}

// TestE2EUserInstall: a user who installed the app to themselves uses it
// in a server the bot is not in (answered privately, whatever they ask),
// in a group DM and in a DM with the bot; in a server that installed it,
// the answer is public as before.
func TestE2EUserInstall(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	user := map[string]string{"1": plainUser}
	both := map[string]string{"0": testGuild, "1": plainUser}
	hide := func(in map[string]any, v bool) map[string]any {
		d := in["data"].(map[string]any)
		d["options"] = append(d["options"].([]map[string]any), map[string]any{"name": hideOption, "type": 5, "value": v})
		return in
	}
	cases := []struct {
		name  string
		in    map[string]any
		flags int
	}{
		{"server without the bot", installed(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")), 0, user), 64},
		{"server without the bot, hide:false", hide(installed(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")), 0, user), false), 64},
		{"server with the bot and the user's install", installed(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")), 0, both), 0},
		{"server with the bot", installed(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")), 0, map[string]string{"0": testGuild}), 0},
		{"another server's install", installed(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff")), 0, map[string]string{"0": "700000000000000009"}), 64},
		{"group DM", installed(interaction(h.id(), 2, "", plainUser, nil, slash("who", "name", "Witkoff")), 2, user), 0},
		{"DM with the bot", installed(interaction(h.id(), 2, "", plainUser, nil, slash("who", "name", "Witkoff")), 1, user), 0},
	}
	for _, c := range cases {
		cb := decode[callback](t, h.send(c.in).Body)
		if cb.Type != 4 || len(cb.Data.Embeds) != 1 || cb.Data.Flags != c.flags {
			t.Errorf("%s: type %d, %d embeds, flags %d; want type 4, one embed, flags %d", c.name, cb.Type, len(cb.Data.Embeds), cb.Data.Flags, c.flags)
		}
	}
}

// TestE2EUserInstallDeferred: a slow answer in a server the bot is not in
// is deferred privately, so that the "thinking…" placeholder and the
// answer that replaces it are the asker's alone.
func TestE2EUserInstallDeferred(t *testing.T) {
	t.Parallel()
	h := startSlowHarness(t)
	id := h.id()
	cb := decode[callback](t, h.send(installed(interaction(id, 2, testGuild, plainUser, nil, slash("timeline")), 0, map[string]string{"1": plainUser})).Body)
	if cb.Type != 5 || cb.Data.Flags != 64 {
		t.Fatalf("deferral: type %d flags %d, want 5 with 64 (ephemeral)", cb.Type, cb.Data.Flags)
	}
	h.next(func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && r.Path == "/webhooks/"+fakediscord.AppID+"/tok-"+id+"/messages/@original"
	})
}
