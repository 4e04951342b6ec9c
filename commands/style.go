package commands

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rules every rendering of an answer shares, whatever the medium: how
// citation numbers, source labels and quotes are written and shortened.
// Renderers add only what their medium needs (escaping, Discord's limits).
const (
	// QuoteShown is how many characters of a citation's quote a Sources
	// block shows; the JSON rendering always carries the whole quote.
	QuoteShown = 150
	// RefsShown is how many citation numbers (or ranges) follow one line.
	RefsShown = 30
)

// Refs renders citation numbers after a line: " [1][2]", a run of three or
// more as a range (" [3–7]"), at most RefsShown of them and then "+N".
func Refs(ns []int) string {
	if len(ns) == 0 {
		return ""
	}
	// strconv rather than fmt: every item and lead of every answer has
	// its references written.
	var b strings.Builder
	b.Grow(4 * len(ns))
	b.WriteString(" ")
	shown := 0
	for i := 0; i < len(ns); i++ {
		if shown == RefsShown {
			b.WriteString(" +" + strconv.Itoa(len(ns)-i))
			break
		}
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j-i >= 2 {
			b.WriteString("[" + strconv.Itoa(ns[i]) + "–" + strconv.Itoa(ns[j]) + "]")
			i = j
		} else {
			b.WriteString("[" + strconv.Itoa(ns[i]) + "]")
		}
		shown++
	}
	return b.String()
}

// SourceLabel names a cited article briefly: its outlet (or title) and
// date; the id when the answer does not describe it.
func SourceLabel(a Answer, id string) string {
	for _, s := range a.Sources {
		if s.ID != id {
			continue
		}
		var parts []string
		if s.Outlet != "" {
			parts = append(parts, s.Outlet)
		} else if s.Title != "" {
			parts = append(parts, s.Title)
		}
		if s.Date != "" {
			parts = append(parts, s.Date)
		}
		if len(parts) > 0 {
			return strings.Join(parts, ", ")
		}
	}
	return id
}

// Ellipsis shortens s to at most n characters, ending in "…" when cut.
func Ellipsis(s string, n int) string {
	// Counted before converting: nearly every text fits, and the rune
	// slice was a tenth of the bytes a Discord reply allocates.
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// InQuotes puts a source's verbatim text in quotation marks, unless it
// opens with one of its own (a sentence that starts with what someone
// said): a second mark before it (““…) would read as a typo.
func InQuotes(text string) string {
	if OpensQuote(text) {
		return text
	}
	return "“" + text + "”"
}

// OpensQuote reports whether a text opens with a quotation mark of its
// own, for renderers that add their marks around text they escape.
func OpensQuote(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "‘")
}

// UnknownCommand is the user error for a command the table does not have.
func UnknownCommand(name string) error {
	return userErrorf("unknown command /%s; try /help", name)
}

// StoryShown is how an answer names its story, in the text's last lines
// and in a Discord footer alike.
func StoryShown(name string) string { return "story: " + name }

// OnlyOnDiscord is the user error for an admin command asked where only
// the bot on Discord may carry it out (the command line).
func OnlyOnDiscord(name string) error {
	return userErrorf("/%s is carried out by the bot on Discord, not here", name)
}

// QueryTooLong is the user error for a query of n characters, over MaxQuery.
func QueryTooLong(n int) error {
	return userErrorf("query too long: %d characters (at most %d)", n, MaxQuery)
}
