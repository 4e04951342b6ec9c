package extract

import (
	"strings"
	"testing"
)

// appendLower must give strings.ToLower's bytes, offsets and all: isTerm
// compares the two texts offset for offset.
func TestAppendLowerIsToLower(t *testing.T) {
	for _, s := range []string{"", "plain", "Mixed CASE 12", "Café ÉCOLE", "İstanbul", "ẞ straße",
		"bad \xff byte", "\xc3", "“Quoted” – dash", "A\u212aB", "\ufffd kept", "ǅungla"} {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzAppendLower(f *testing.F) {
	f.Add("Hello, World")
	f.Add("É\xffx")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
