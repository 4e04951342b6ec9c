package bot

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/tabletest"
)

func TestEscape(t *testing.T) {
	tabletest.Check(t, "escape", escape, []tabletest.Pair[string, string]{
		{"plain words", "plain words"},
		{"**bold** _it_ ~~s~~ `c` ||sp||", `\*\*bold\*\* \_it\_ \~\~s\~\~ \` + "`" + `c\` + "`" + ` \|\|sp\|\|`},
		{"[x](http://e.com)", `\[x\]\(http://e.com\)`},
		{"<@123> <t:1:R> <:e:1>", `\<@123\> \<t:1:R\> \<:e:1\>`},
		{"> quote\n# head\n- item", `\> quote \# head - item`},
		{"- list", `\- list`},
		{"12. list", `12\. list`},
		{"12 items", "12 items"},
		{`back\slash`, `back\\slash`},
		{"  many \n\t spaces  ", "many spaces"},
		{"@everyone", "@everyone"}, // allowed_mentions keeps it from pinging
		{"```go\nx\n```", "\\`\\`\\`go x \\`\\`\\`"},
		{"abc\u202Edef\u2066g\u2069", "abcdefg"},                                       // no right-to-left override or isolate
		{"e\u0301\u0302 ce\u0327", "e\u0301\u0302 ce\u0327"},                           // real diacritics stay
		{"Z" + strings.Repeat("\u0336\u0301", 20) + "!", "Z\u0336\u0301\u0336\u0301!"}, // zalgo is cut to 4 marks
	})
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a longer sentence", 8, "a longe…"},
		{"word   and", 6, "word…"},
		{`ab\*cd`, 4, "ab…"},                     // never a lone backslash before the ellipsis
		{`a\\bcd`, 4, `a\\…`},                    // an escaped backslash stays whole
		{"e\u0301e\u0301e\u0301", 3, "e\u0301…"}, // no combining mark cut from its base
		{"😀😀😀😀", 3, "😀😀…"},
		{"anything", 0, ""},
	}
	for _, tt := range tests {
		got := clip(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if runes(got) > tt.n {
			t.Errorf("clip(%q, %d) has %d characters", tt.in, tt.n, runes(got))
		}
	}
}

func TestMarked(t *testing.T) {
	s := "the tax_rate rises"
	got := marked(s, [][2]int{{4, 12}}, 100)
	if want := `the **tax\_rate** rises`; got != want {
		t.Errorf("marked = %q, want %q", got, want)
	}
	// A mark past the cut is dropped rather than left open.
	got = marked(strings.Repeat("x", 50)+" word", [][2]int{{51, 55}}, 20)
	if strings.Contains(got, "**") || runes(got) != 20 {
		t.Errorf("marked past the cut = %q", got)
	}
}

func TestSpecialMatchesList(t *testing.T) {
	for r := rune(0); r < 128; r++ {
		if special(r) != strings.ContainsRune(markdownSpecial, r) {
			t.Errorf("special(%q) disagrees with markdownSpecial", r)
		}
	}
}
