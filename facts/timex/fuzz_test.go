package timex

import (
	"testing"
	"time"
)

// FuzzFind feeds arbitrary text, invalid UTF-8 included, and publication
// days, and checks the invariants callers rely on: offsets inside the text,
// in order, not overlapping, never empty; dates at UTC midnight, at the
// start of their period; ranges that end after they start; qualifiers and
// tenses among the documented ones.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "on Monday", "by 2027", "March 23-25", "23-25 March 2025",
		"between 3 and 5 May", "from 2010 to 2012", "2025-26", "2024-02-30", "on the 31st",
		"Earlier this week", "Today's", "won't", "within the next few days", "\xff\xfeMay 5",
		"mid-", "the end of", "from Monday to", "29 February 2023", "a couple of years ago",
		"Monday 17 March", "’s", "9999-99-99", "on the 11th of", "1999-00"} {
		f.Add(s, int64(0))
		f.Add(s, int64(20170))
	}
	f.Fuzz(func(t *testing.T, text string, days int64) {
		var pub time.Time
		if days != 0 {
			pub = time.Unix(0, 0).UTC().AddDate(0, 0, int(days%100000))
		}
		prev := 0
		for _, e := range Find(text, pub) {
			if e.Start < prev || e.Start >= e.End || e.End > len(text) {
				t.Fatalf("Find(%q): bad span [%d,%d) after %d", text, e.Start, e.End, prev)
			}
			prev = e.End
			if e.Gran < Day || e.Gran > Year {
				t.Fatalf("Find(%q): %q has gran %d", text, text[e.Start:e.End], e.Gran)
			}
			for _, d := range []time.Time{e.Date, e.Until} {
				if !d.IsZero() && (d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0) {
					t.Fatalf("Find(%q): %q has time %v", text, text[e.Start:e.End], d)
				}
			}
			if !e.Until.IsZero() && !e.Until.After(e.Date) {
				t.Fatalf("Find(%q): %q ends %v before it starts %v", text, text[e.Start:e.End], e.Until, e.Date)
			}
			// A period starts where its granularity starts: a week on a
			// Monday, a month on the 1st, a year on 1 January. (Not so the
			// end of a range, which may be finer: "from 2024 to 5 March".)
			if !e.Date.IsZero() && !startsPeriod(e.Date, e.Gran) {
				t.Fatalf("Find(%q): %q is a %v starting %v", text, text[e.Start:e.End], e.Gran, e.Date)
			}
			if !qualifiers[e.Qualifier] || e.Tense > Future {
				t.Fatalf("Find(%q): %q has qualifier %q, tense %d", text, text[e.Start:e.End], e.Qualifier, e.Tense)
			}
		}
	})
}

// qualifiers are the values Expr.Qualifier may take.
var qualifiers = map[string]bool{"": true, "by": true, "since": true, "until": true, "before": true,
	"after": true, "later": true, "earlier": true, "within": true, "from": true}

func startsPeriod(d time.Time, g Gran) bool {
	switch g {
	case Week:
		return d.Weekday() == time.Monday
	case Month:
		return d.Day() == 1
	case Year:
		return d.Day() == 1 && d.Month() == time.January
	}
	return true
}
