package commands

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Text renders an answer for people reading a terminal: title, lead, items
// grouped under their section headings, suggestions, and the numbered
// citations with their sources.
func Text(a Answer) string {
	var b strings.Builder
	b.WriteString(a.Title)
	b.WriteString("\n")
	if a.Lead != "" {
		b.WriteString(a.Lead + Refs(a.LeadCites) + "\n")
	}
	section := ""
	for _, it := range a.Items {
		if it.Section != section {
			section = it.Section
			if section != "" {
				b.WriteString("\n" + section + "\n")
			}
		}
		b.WriteString("• " + ItemLine(it, "**") + "\n")
	}
	if len(a.Citations) > 0 {
		b.WriteString("\nSources\n")
		for _, c := range a.Citations {
			b.WriteString(fmt.Sprintf("[%d] %s — %s\n", c.N, SourceLabel(a, c.Source), InQuotes(Ellipsis(c.Quote, QuoteShown))))
		}
	}
	if a.Story != "" {
		b.WriteString(StoryShown(a.Story) + "\n")
	}
	if a.AsOf != "" {
		b.WriteString("as of " + a.AsOf + "\n")
	}
	return b.String()
}

// ItemLine renders one item on one line; bold wraps the marked words (for
// example "**" for Markdown).
func ItemLine(it Item, bold string) string {
	var b strings.Builder
	if it.Date != "" {
		b.WriteString(it.Date + " · ")
	}
	if it.Label != "" {
		b.WriteString(it.Label + ": ")
	}
	text := Mark(it.Text, it.Marks, bold)
	if it.Verbatim {
		text = InQuotes(text)
	}
	b.WriteString(text)
	b.WriteString(Refs(it.Citations))
	if it.Extracted {
		b.WriteString(" (extracted)")
	}
	return b.String()
}

// Mark wraps the byte ranges marks of s in bold.
func Mark(s string, marks [][2]int, bold string) string {
	if len(marks) == 0 || bold == "" {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range marks {
		if m[0] < last || m[1] > len(s) || m[0] >= m[1] {
			continue
		}
		b.WriteString(s[last:m[0]] + bold + s[m[0]:m[1]] + bold)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// JSON renders an answer as one line of JSON: the answer's fields plus
// "text", its plain-text rendering.
func JSON(a Answer) ([]byte, error) {
	type withText struct {
		Answer
		Text string `json:"text"`
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(withText{a, Text(a)}); err != nil {
		return nil, fmt.Errorf("encoding answer: %w", err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// JSONError renders a failed query as one line of JSON.
func JSONError(query string, err error) ([]byte, error) {
	msg := "internal error"
	if IsUserError(err) {
		msg = err.Error()
	}
	b, jerr := json.Marshal(struct {
		Query string `json:"query"`
		Error string `json:"error"`
	}{query, msg})
	if jerr != nil {
		return nil, fmt.Errorf("encoding error: %w", jerr)
	}
	return b, nil
}
