// Package commands is briefbot's command table: each command's spec (name,
// options, help) and its pure handler, which takes the fact base and a request
// and returns an Answer value; the free-text router that turns a DM or a typed
// query into a request; and the text and JSON renderings of an answer.
//
// Nothing here talks to Discord: package bot turns requests and answers into
// interactions and embeds, so everything here is tested by comparing values.
package commands
