package bot

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/tabletest"
)

// escapeOneByOne is escapeTo as it was, one character at a time: the
// reference escapeTo's runs of plain ASCII must agree with.
func escapeOneByOne(b *strings.Builder, s string, lineStart bool) {
	space, dot, marks := false, -1, 0
	if lineStart && listNumber(s) {
		dot = strings.IndexByte(s, '.')
	}
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case bidiControl(r):
			continue
		case r >= firstMark && unicode.Is(unicode.Mn, r):
			if marks++; marks > maxMarks {
				continue
			}
		default:
			marks = 0
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if (lineStart && i == 0 && (r == '-' || r == '+')) || i == dot || special(r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}

// TestEscapeRunsAgree checks escapeTo against escapeOneByOne on random
// mixes of plain text, markdown, list openings, white space, combining
// marks, bidirectional controls and invalid bytes.
func TestEscapeRunsAgree(t *testing.T) {
	parts := []string{"word", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "12.", "3", ".", "-", "+", "*", "_", "\\", "[x](y)", "<@1>", "#",
		"é", "e\u0301\u0301\u0301\u0301\u0301\u0301", "\u202e", "\u2066", "\xff", "\xe2\x80", "“", "😀", "|", "~", "`"}
	for s := range tabletest.Mixes(1, parts, 12, 20000) {
		for _, start := range []bool{false, true} {
			var got, want strings.Builder
			escapeTo(&got, s, start)
			escapeOneByOne(&want, s, start)
			if got.String() != want.String() {
				t.Fatalf("escapeTo(%q, %v) = %q, want %q", s, start, got.String(), want.String())
			}
		}
	}
	if !utf8.ValidString(escape("\xff")) {
		t.Error("an invalid byte is not replaced")
	}
}

// TestEscapedAlready checks that escape's shortcut returns only what
// escapeTo would write, on random mixes that mostly need nothing.
func TestEscapedAlready(t *testing.T) {
	parts := []string{"word", "Word", " ", " ", "  ", "\t", "\u00a0", "12.", "3", ".", "-", "+", "*", "’", "é", "e\u0301", "\u202e", "\xff", "“", "😀", ",", "2025-03-27"}
	r := rand.New(rand.NewPCG(9, 9))
	same := 0
	for range 50000 {
		var in strings.Builder
		for range r.IntN(8) {
			in.WriteString(parts[r.IntN(len(parts))])
		}
		s := in.String()
		var want strings.Builder
		escapeOneByOne(&want, strings.TrimSpace(s), true)
		if got := escape(s); got != want.String() {
			t.Fatalf("escape(%q) = %q, want %q", s, got, want.String())
		}
		if escapedAlready(s) {
			same++
			if want.String() != s {
				t.Fatalf("escapedAlready(%q), but it escapes to %q", s, want.String())
			}
		}
	}
	if same < 1000 {
		t.Errorf("only %d texts needed no escaping", same)
	}
}
