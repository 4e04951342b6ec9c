package facts

import (
	"strings"
	"testing"
	"time"
)

func TestLocate(t *testing.T) {
	src := "He said: “We will\n  build it,” and left.\nIt’s done."
	tests := []struct {
		quote, want string
		ok          bool
	}{
		{"We will build it,", "We will\n  build it,", true},
		{`"We will build it,"`, "“We will\n  build it,”", true},
		{"It's done.", "It’s done.", true},
		{"  It’s done.  ", "It’s done.", true},
		{"we will build it", "", false}, // case is not folded
		{"", "", false},
	}
	f := fold(src)
	for _, tt := range tests {
		start, end, ok := f.locate(tt.quote)
		if ok != tt.ok || (ok && src[start:end] != tt.want) {
			t.Errorf("locate(%q) = %q, %v; want %q, %v", tt.quote, src[start:end], ok, tt.want, tt.ok)
		}
	}
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		raw  string
		want string
		bad  int
	}{
		{"plain £ text", "plain £ text", -1},
		{"a \xa315.8m fee", "a £15.8m fee", 2},
		{"\x93quoted\x94", "“quoted”", 0},
	}
	for _, tt := range tests {
		got, bad := decodeText([]byte(tt.raw))
		if got != tt.want || bad != tt.bad {
			t.Errorf("decodeText(%q) = %q, %d; want %q, %d", tt.raw, got, bad, tt.want, tt.bad)
		}
	}
}

func TestInvalidUTF8LoadsWithWarning(t *testing.T) {
	b, warns, err := Load(folder(map[string]string{"x.txt": "Title\n\nA \xa3 sign.\n"}), "dir")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range warns {
		if strings.HasPrefix(w.String(), "dir/x.txt:3: byte offset 9 is not valid UTF-8") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning naming the file and byte offset: %v", warns)
	}
	if got := b.Doc("x").Text; got != "Title\n\nA £ sign.\n" {
		t.Errorf("text %q", got)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		gran     Granularity
		start    string
	}{
		{"2024-06-13", "2024-06-13", Day, "2024-06-13"},
		{"2024-06", "2024-06", Month, "2024-06-01"},
		{"2024", "2024", Year, "2024-01-01"},
		{"2024-W24", "2024-W24", Week, "2024-06-10"},
		{"2021-W01", "2021-W01", Week, "2021-01-04"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil || d.String() != tt.want || d.Granularity() != tt.gran || d.Start().Format(time.DateOnly) != tt.start {
			t.Errorf("ParseDate(%q) = %v (%v, %s), %v", tt.in, d, d.Granularity(), d.Start().Format(time.DateOnly), err)
		}
	}
	for _, bad := range []string{"", "2024-13", "2024-02-30", "June 2024", "2024-W60", "24-06-13", "2024-6-1"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestDateOrderAndOverlap(t *testing.T) {
	month, _ := ParseDate("2024-06")
	day, _ := ParseDate("2024-06-01")
	if !month.Before(day) || day.Before(month) {
		t.Error("a month should sort before its first day")
	}
	from := time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	if !month.Overlaps(from, time.Time{}) || day.Overlaps(from, time.Time{}) {
		t.Error("Overlaps: June overlaps from 15 June; 1 June does not")
	}
}
