package bot

import (
	"strings"
	"testing"
)

// FuzzFold: fold and textFragment, which walk the words without a slice
// of them, say what the plain versions made of strings.Fields say.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "one two three four five six seven eight nine ten eleven",
		"a\u00a0b\u2003c d", "  lead and trail  ", "x\u0085y", strings.Repeat("word ", 80)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		if got, want := fold(s), strings.Join(words, " "); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
		want := ""
		switch {
		case len(words) == 0:
		case (len(words) <= exactWords && runes(s) <= exactChars) || len(words) < 2*endWords:
			want = ":~:text=" + fragmentEncode(strings.Join(words, " "))
		default:
			want = ":~:text=" + fragmentEncode(strings.Join(words[:endWords], " ")) + "," +
				fragmentEncode(strings.Join(words[len(words)-endWords:], " "))
		}
		if got := textFragment(s); got != want {
			t.Errorf("textFragment(%q) = %q, want %q", s, got, want)
		}
	})
}
