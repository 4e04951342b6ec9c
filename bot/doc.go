// Package bot is briefbot on Discord, and the only package that imports
// discordgo. It turns an interaction or a direct message into a
// commands.Request, runs the pure handler, and turns the commands.Answer into
// a reply that respects every Discord limit: embeds with numbered citations
// and a Sources block, page buttons whose state lives in their custom_id, and
// allowed_mentions that never ping anyone.
//
// The conversions (interaction -> request, answer -> response, command table
// -> registration payload) are pure functions tested by comparing values; the
// Session plumbing is tested end to end against a fake Discord on 127.0.0.1.
package bot
