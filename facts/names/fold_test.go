package names

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/tabletest"
)

func TestLatinBaseCoversRange(t *testing.T) {
	if got, want := len(latinBase), 0x17F-0xC0+1; got != want {
		t.Fatalf("len(latinBase) = %d, want %d", got, want)
	}
	tests := []struct {
		r    rune
		want string
	}{
		{'À', "a"}, {'é', "e"}, {'Ñ', "n"}, {'ø', "o"}, {'ÿ', "y"}, {'Ā', "a"}, {'č', "c"},
		{'Đ', "d"}, {'ę', "e"}, {'ğ', "g"}, {'ı', "i"}, {'ķ', "k"}, {'ł', "l"}, {'ň', "n"},
		{'ő', "o"}, {'ř', "r"}, {'š', "s"}, {'ť', "t"}, {'ů', "u"}, {'ŵ', "w"}, {'Ÿ', "y"},
		{'ž', "z"}, {'ſ', "s"}, {'Æ', "ae"}, {'ß', "ss"}, {'œ', "oe"}, {'þ', "th"}, {'ĳ', "ij"},
	}
	for _, tt := range tests {
		got, sep := appendFolded(nil, tt.r)
		if sep || string(got) != tt.want {
			t.Errorf("appendFolded(%q) = %q, %v; want %q", tt.r, got, sep, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Zélensky", []string{"zelensky"}},
		{"O’Brien", []string{"obrien"}},
		{"O'Brien", []string{"obrien"}},
		{"J.D. Vance", []string{"jd", "vance"}},
		{"J. D. Vance", []string{"jd", "vance"}},
		{"George W. Bush", []string{"george", "w", "bush"}},
		{"Jean-Luc  Mélenchon,", []string{"jean", "luc", "melenchon"}},
		{"ВОЛОДИМИР Зеленський", []string{"володимир", "зеленський"}},
		{"a\u200bb", []string{"ab"}},
		{"2 × 3", []string{"2", "3"}},
		{"\xff abc \xfe", []string{"abc"}},
		{"  --  ", nil},
	}
	for _, tt := range tests {
		if got := tokenize(tt.in, 0); !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := tokenize("abcdef ghi", 4); !slices.Equal(got, []string{"abcd"}) {
		t.Errorf("tokenize with maxRunes 4 = %q", got)
	}
}

func TestCoreRange(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Admiral Sir Tony Radakin", "tony radakin"},
		{"Prime Minister Keir Starmer", "keir starmer"},
		{"Deputy Prime Minister Ann Lee", "ann lee"},
		{"Secretary of State Marco Rubio", "marco rubio"},
		{"Mr Witkoff", "witkoff"},
		{"John Major", "john major"},
		{"Martin Luther King Jr", "martin luther king"},
		{"Keir Starmer MP", "keir starmer"},
		{"The King", "the king"},
		{"Prince of Wales", "prince of wales"},
		{"President", "president"},
		{"Home Office", "home office"},
		{"The Guardian", "the guardian"},
	}
	for _, tt := range tests {
		toks := tokenize(tt.in, 0)
		lo, hi := coreRange(toks)
		if got := joinWords(toks[lo:hi]); got != tt.want {
			t.Errorf("core of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func joinWords(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += " "
		}
		s += w
	}
	return s
}

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"witkof", "witkoff", 2, 1},
		{"zelesnky", "zelensky", 2, 1}, // one transposition
		{"radakn", "radakin", 1, 1},
		{"abc", "abc", 0, 0},
		{"abc", "xyz", 2, 3}, // over the limit reports limit+1
		{"", "ab", 2, 2},
		{"kitten", "sitting", 3, 3},
		{"ca", "abc", 3, 3}, // OSA, unlike full Damerau, cannot edit a swapped pair again
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", 2, 3},
	}
	for _, tt := range tests {
		if got := osa([]rune(tt.a), []rune(tt.b), tt.limit, false); got != tt.want {
			t.Errorf("osa(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestTolerance(t *testing.T) {
	for n, want := range []int{0, 0, 0, 0, 1, 1, 1, 2, 2, 2} {
		if got := tolerance(n); got != want {
			t.Errorf("tolerance(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	tabletest.Check(t, "Key", Key, []tabletest.Pair[string, string]{
		{"zelensky", "zelensky"},
		{"Zelenský", "zelensky"},
		{"ZELENSKY", "zelensky"},
		{"J. D. Vance", "jd vance"},
		{"J.D.  Vance", "jd vance"},
		{"O’Brien", "obrien"},
		{"Kilroy-Silk", "kilroy silk"},
		{"Strauß", "strauss"},
		{"", ""},
	})
}

// FuzzKey checks that Key's fast path agrees with the full folding.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"Jane Doe", "J D Vance", "a", "x  y", "Zoë", "ab cd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), strings.Join(tokenize(s, 0), " "); got != want {
			t.Fatalf("Key(%q) = %q, want %q", s, got, want)
		}
	})
}
