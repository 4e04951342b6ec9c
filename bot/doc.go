// Package bot is briefbot on Discord, and the only package that imports
// discordgo. It is an adapter: it turns an interaction or a direct message
// into a commands.Request, has the commands.Service answer it (or complete
// an option, or reload the fact base, which the service owns), and turns
// the commands.Answer into a reply that respects every Discord limit:
// embeds with numbered citations and a Sources block, page buttons whose
// state lives in their custom_id, and allowed_mentions that never ping
// anyone. What an answer says and how citations and sources are written
// is the commands package's; the bot only escapes and fits.
//
// Beyond slash commands: the read-only commands can be installed to a
// user as well as to a server (install.go), "Ask briefbot" answers the
// message it is used on (askmessage.go), citations link to the quoted
// words of their article (cite.go), the close names of an answer that
// found no one are buttons (suggest.go), and, when a curators' channel is
// configured, a Report button opens a form whose report is posted there
// (report.go, reportsend.go).
//
// One interaction is an exchange (the sender, the interaction, its log
// line's event): see reply.go for the path of a command from handler to
// reply, and admin.go for who may run admin commands.
//
// It is built for a public server: user text is shown defused (markdown,
// mentions, bidirectional overrides and stacked combining marks cannot take
// over a reply), custom_ids are read strictly, each member is rate-limited,
// and only the configured admins can reload. Every REST call to Discord has
// a deadline and is retried by the bot itself when that can help (see
// call); the gateway connection's losses and returns are logged once each
// (see connLog); the token is kept out of every log line and error (see
// redactHandler).
//
// The conversions (interaction -> request, answer -> response, command table
// -> registration payload) are pure functions tested by comparing values; the
// Session plumbing is tested end to end against a fake Discord on 127.0.0.1
// (internal/fakediscord), which can also drop the connection, withhold
// heartbeat ACKs, and answer 429, 5xx, 10062 or nothing at all.
package bot
