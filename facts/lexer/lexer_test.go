package lexer

import (
	"strings"
	"testing"
)

func TestEach(t *testing.T) {
	tests := []struct {
		text string
		want string // each token as kind:text, gaps as | (line) and _ (space)
	}{
		{"The UK’s 2,000 troops", "w:The _w:UK’s _n:2,000 _w:troops"},
		{"won't 2.5% 1st", "w:won't _n:2.5 p:% _n:1st"},
		{"a\nb", "w:a |w:b"},
		{"1,2,3", "n:1 p:, n:2 p:, n:3"},
		{"’quoted’ Zoë", "p:’ w:quoted p:’ _w:Zoë"},
		{"x\xffy", "w:x p:\xff w:y"},
		{"a\u2028b", "w:a |w:b"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range all(tt.text) {
			g := map[Gap]string{GapNone: "", GapSpace: "_", GapLine: "|"}[tok.Gap]
			k := map[Kind]string{Word: "w", Num: "n", Punct: "p"}[tok.Kind]
			got = append(got, g+k+":"+tt.text[tok.Start:tok.End])
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("Each(%q) = %q, want %q", tt.text, s, tt.want)
		}
	}
}

// FuzzEach checks that tokens are in order, within the text, never empty,
// and that only white space lies between them.
func FuzzEach(f *testing.F) {
	for _, s := range []string{"The UK’s 2,000", "won't 1st\n2.5", "\xff\xfe", "a\u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tok := range all(s) {
			if int(tok.Start) < last || tok.End <= tok.Start || int(tok.End) > len(s) {
				t.Fatalf("Each(%q): token [%d:%d] after %d", s, tok.Start, tok.End, last)
			}
			for _, r := range s[last:tok.Start] {
				if !isSpaceRune(r) {
					t.Fatalf("Each(%q): %q skipped between tokens", s, r)
				}
			}
			last = int(tok.End)
		}
	})
}

func isSpaceRune(r rune) bool { return strings.TrimSpace(string(r)) == "" }

// all is every token of text.
func all(text string) []Token {
	return Lex(nil, text)
}
