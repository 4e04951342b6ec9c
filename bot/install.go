package bot

import "github.com/bwmarrin/discordgo"

// The app can be installed two ways (see applicationCommands): to a server,
// where the bot is a member and answers in public as configured, or to a
// user, who can then use its read-only commands in any server, in group
// DMs and in DMs with the bot. In a server the bot is not a member of, it
// answers privately whatever was asked: the members there did not invite
// it, and Discord lets an app that is not in a server send at most a few
// public follow-ups there.

// guestIn reports whether an interaction comes from a server the app is
// not installed in: one whose authorizing_integration_owners lacks the
// guild install of that server (the app was used because the user
// installed it). Without the field (interactions of older clients, and
// tests that predate it) the bot is taken to be a member, as it was
// before user installs existed.
func guestIn(i *discordgo.Interaction) bool {
	if i.GuildID == "" || i.AuthorizingIntegrationOwners == nil {
		return false
	}
	owner, ok := i.AuthorizingIntegrationOwners[discordgo.ApplicationIntegrationGuildInstall]
	return !ok || owner != i.GuildID
}
