package numbers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind feeds arbitrary text, invalid UTF-8 included, and checks the
// invariants callers rely on: spans inside the text, in order and not
// overlapping, never empty, with Value and Unit inside the span.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "up to 30 countries", "2.5% of the UK’s economic output",
		"£15.8m", "$1.13bn (£600m)", "two hundred and fifty", "a dozen", "twenty-", "1,000,000",
		"0800 123 456", "F-35", "25-year-old", "3-1", "1.5 million people", "\xff\xfe30 days",
		"per cent", "more than", "one of the", "10km/h", "&#163;", "2025-26", "9.99.9", "£",
		"a hundred thousand million", "999999999999999999999999", "1.", ",000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, g := range Find(text) {
			if g.Start < prev || g.Start >= g.End || g.End > len(text) {
				t.Fatalf("Find(%q): bad span [%d,%d) after %d", text, g.Start, g.End, prev)
			}
			prev = g.End
			span := text[g.Start:g.End]
			if g.Value == "" || !strings.Contains(span, g.Value) || !strings.Contains(span, g.Unit) {
				t.Fatalf("Find(%q): span %q lacks value %q or unit %q", text, span, g.Value, g.Unit)
			}
			// The qualifier is given with single spaces whatever the text
			// has, and matched regardless of case as Unicode folds it ("ſOME"
			// is "some"), so the span starts with it up to case folding.
			if g.Qualifier != "" {
				head := []rune(strings.Join(strings.Fields(span), " "))
				head = head[:min(len(head), utf8.RuneCountInString(g.Qualifier))]
				if !strings.EqualFold(string(head), g.Qualifier) {
					t.Fatalf("Find(%q): span %q lacks qualifier %q", text, span, g.Qualifier)
				}
			}
		}
	})
}
