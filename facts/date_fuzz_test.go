package facts

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseDate checks the date option parser (the timeline's from: and
// to:, and every date of the YAML files) on any text: it gives an error
// quoting what was typed, or a date that is a whole period — a UTC
// midnight start aligned to its granularity (a Monday for a week, the 1st
// for a month, 1 January for a year) and an end after it — written back
// exactly as typed (there is one way to write each date), and read back to
// itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-20", "2025-03", "2025", "2025-W12", "2020-W53", "2021-W53", " 2024-02-29 ",
		"2023-02-29", "0000", "9999-12-31", "2025-W00", "2025-w12", "2025-13", "20250320", "+025", "-001", "2025-W1x",
		"２０２５", "2025-03-20\n", "\xff\xfe\xfd\xfc", "2025-3-1", "1e10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() || !strings.Contains(err.Error(), "bad date") {
				t.Fatalf("ParseDate(%q) = %v, %v: want a zero date and a bad date error", s, d, err)
			}
			return
		}
		st, end := d.Start(), d.End()
		if d.IsZero() || st.Location() != time.UTC || st.Hour()+st.Minute()+st.Second()+st.Nanosecond() != 0 || !end.After(st) {
			t.Fatalf("ParseDate(%q) = %v: start %v, end %v", s, d, st, end)
		}
		aligned := true
		switch d.Granularity() {
		case Week:
			aligned = st.Weekday() == time.Monday
		case Month:
			aligned = st.Day() == 1
		case Year:
			aligned = st.Day() == 1 && st.Month() == time.January
		}
		if !aligned {
			t.Fatalf("ParseDate(%q) = %v starts on %v", s, d, st)
		}
		if got := d.String(); got != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q).String() = %q", s, got)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, read back as %v, %v", s, d, back, err)
		}
		if d.Human() == "" || !d.Overlaps(st, end) || d.Overlaps(end, time.Time{}) {
			t.Fatalf("ParseDate(%q) = %v: Human %q or Overlaps wrong", s, d, d.Human())
		}
	})
}
