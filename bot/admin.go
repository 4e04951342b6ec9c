package bot

import (
	"fmt"

	"github.com/briefbot/briefbot/commands"
)

// Admin commands (a spec's Admin) are for the configured admins only: a
// user listed in AdminUsers, or a member with a role in AdminRoles. Once
// authorised here, an admin command is answered like any other, by the
// service; the bot knows nothing of what it does.

// isAdmin reports whether a user, with these roles in the guild, may run
// admin commands.
func (b *Bot) isAdmin(user string, roles []string) bool {
	if user != "" && b.adminUsers[user] {
		return true
	}
	for _, r := range roles {
		if b.adminRoles[r] {
			return true
		}
	}
	return false
}

// authorised lets an admin command through when a configured admin runs it
// in a guild, and refuses it privately otherwise. Admin commands are
// registered for guilds only, where the member's roles are known; in a DM
// an admin types the command instead (see dmReply), except in HTTP mode,
// which gets no DMs.
func (b *Bot) authorised(x *exchange, spec commands.Spec) bool {
	user, roles := userOf(x.i)
	switch {
	case x.i.GuildID == "":
		msg := fmt.Sprintf("/%s works in a server; an admin can also DM me “%s”.", spec.Name, spec.Name)
		if _, ok := x.s.(*inline); ok {
			msg = fmt.Sprintf("/%s works in a server.", spec.Name)
		}
		x.ev.outcome = outRefused
		x.say(msg)
		return false
	case !b.isAdmin(user, roles):
		x.ev.outcome = outRefused
		x.say(adminsOnly(spec))
		return false
	}
	return true
}

// adminsOnly refuses an admin command to anyone else.
func adminsOnly(spec commands.Spec) string {
	return fmt.Sprintf("Only the bot's admins can use /%s.", spec.Name)
}
