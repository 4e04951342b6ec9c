package search

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/tabletest"
)

func TestTokens(t *testing.T) {
	// Each token as its text, "=" and its stem.
	tabletest.Run(t, "Tokens", func(s string) []string {
		var out []string
		for _, tok := range Tokens(s) {
			out = append(out, s[tok.Start:tok.End]+"="+tok.Stem)
		}
		return out
	}, []tabletest.Case[string, []string]{
		{"stems and stop words", "The sanctions were sanctioned",
			[]string{"The=", "sanctions=sanction", "were=", "sanctioned=sanction"}},
		{"curly apostrophe folded", "Ukraine’s army",
			[]string{"Ukraine’s=ukrain", "army=armi"}},
		{"straight apostrophe", "Ukraine's army",
			[]string{"Ukraine's=ukrain", "army=armi"}},
		{"contraction is a stop word", "don’t go",
			[]string{"don’t=", "go=go"}},
		{"edge apostrophes split", "'reassurance force' players'",
			[]string{"reassurance=reassur", "force=forc", "players=player"}},
		{"hyphen splits", "co-ordination long-term",
			[]string{"co=co", "ordination=ordin", "long=long", "term=term"}},
		{"numbers", "2.5% of £15.8m and 1,000 in 2027.",
			[]string{"2.5=2.5", "of=", "15.8m=15.8m", "and=", "1,000=1000", "in=", "2027=2027"}},
		{"case folded", "SANCTIONS Sanctions",
			[]string{"SANCTIONS=sanction", "Sanctions=sanction"}},
		{"non-ASCII", "Zelenskyy in Zaporizhzhia, Kraków café",
			[]string{"Zelenskyy=zelenskyy", "in=", "Zaporizhzhia=zaporizhzhia", "Kraków=kraków", "café=café"}},
		{"combining mark stays in word", "cafe\u0301 bar",
			[]string{"cafe\u0301=cafe\u0301", "bar=bar"}},
		{"us is not a stop word", "US sanctions",
			[]string{"US=us", "sanctions=sanction"}},
		{"invalid UTF-8 separates", "bad\xffbyte \xa315.8m",
			[]string{"bad=bad", "byte=byte", "15.8m=15.8m"}},
		{"trailing apostrophe at end", "it'", []string{"it="}},
		{"empty", "", nil},
		{"punctuation only", " -- ... ’’ ", nil},
	})
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		stems []string
		want  []string
	}{
		{"stemmed forms", "Sanctions and a sanctioned bank; no sanction.", []string{"sanction"},
			[]string{"Sanctions", "sanctioned", "sanction"}},
		{"curly apostrophe", "Ukraine’s army and Ukraine", []string{"ukrain"},
			[]string{"Ukraine’s", "Ukraine"}},
		{"non-ASCII", "Le café de Kraków, un café", []string{"café", "kraków"},
			[]string{"café", "Kraków", "café"}},
		{"several stems", "Troops and peacekeeping troops", []string{"troop", "peacekeep"},
			[]string{"Troops", "peacekeeping", "troops"}},
		{"stop words never", "the The THE", []string{""}, nil},
		{"no stems", "anything", nil, nil},
		{"invalid UTF-8", "\xffsanctions\xfe", []string{"sanction"}, []string{"sanctions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Words the index holds are stemmed by look-up, others by the
			// stemmer: both must mark the same words.
			holding := NewBuilder()
			holding.Add(tt.text)
			for _, ix := range []*Index{holding.Build(), NewBuilder().Build()} {
				var got []string
				for _, r := range ix.Highlight(tt.text, tt.stems) {
					got = append(got, tt.text[r[0]:r[1]])
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Highlight(%q, %q) = %q, want %q", tt.text, tt.stems, got, tt.want)
				}
			}
		})
	}
}

// FuzzTokens checks the tokenizer on any text, invalid UTF-8 included:
// tokens in order, non-empty and inside the text, each starting and ending
// with a letter, digit or combining mark; none of those left between tokens
// (a word the index skipped could never be found); stems lower-case valid
// UTF-8.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Ukraine’s 2.5% co-op", "\xff'\xe2\x80", "1,,2..3 a'b'c", "ǅemal İstanbul ΣΑΣ ﬁne ⅻ", "e\u0301 ١٢٣ 中文", "'a' ’b’ 1.000,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Combining marks count as letters: they keep decomposed accents in their word.
		wordy := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
		prev := 0
		for _, tok := range Tokens(s) {
			if tok.Start < prev || tok.Start >= tok.End || tok.End > len(s) {
				t.Fatalf("bad token %+v after %d in %q", tok, prev, s)
			}
			first, _ := utf8.DecodeRuneInString(s[tok.Start:])
			last, _ := utf8.DecodeLastRuneInString(s[:tok.End])
			if !wordy(first) || !wordy(last) {
				t.Fatalf("token %q of %q does not start and end with a letter or digit", s[tok.Start:tok.End], s)
			}
			if gap := s[prev:tok.Start]; strings.ContainsFunc(gap, wordy) {
				t.Fatalf("letters or digits %q left out before token %q of %q", gap, s[tok.Start:tok.End], s)
			}
			if !utf8.ValidString(tok.Stem) || strings.ToLower(tok.Stem) != tok.Stem {
				t.Fatalf("token %q of %q has stem %q", s[tok.Start:tok.End], s, tok.Stem)
			}
			prev = tok.End
		}
		if strings.ContainsFunc(s[prev:], wordy) {
			t.Fatalf("letters or digits %q left out at the end of %q", s[prev:], s)
		}
	})
}

func TestIrregularForms(t *testing.T) {
	for _, pair := range [][2]string{{"bought", "buy"}, {"met", "meeting"}, {"spoke", "speaks"}, {"won", "wins"}, {"paid", "pay"}} {
		a, b := Tokens(pair[0]), Tokens(pair[1])
		if len(a) != 1 || len(b) != 1 || a[0].Stem != b[0].Stem {
			t.Errorf("%q and %q stem to %v and %v, want one stem", pair[0], pair[1], a, b)
		}
	}
	if Tokens("found")[0].Stem == Tokens("find")[0].Stem {
		t.Error(`"found" (a company) is left alone`)
	}
}
