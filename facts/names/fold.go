package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinBase maps U+00C0..U+017F (Latin-1 Supplement letters and Latin
// Extended-A) to a lowercase ASCII base letter. '*' marks letters that fold
// to two letters and are handled in appendFolded; ' ' marks × and ÷, which
// separate words. A table keeps us off golang.org/x/text, which the module
// does not require.
const latinBase = "" +
	"aaaaaa*ceeeeiiiidnooooo ouuuuy**" + // U+00C0..U+00DF
	"aaaaaa*ceeeeiiiidnooooo ouuuuy*y" + // U+00E0..U+00FF
	"aaaaaacccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + // U+0100..U+0127
	"iiiiiiiiii" + "**" + "jj" + "kkk" + "llllllllll" + "nnnnnnnnn" + // U+0128..U+014B
	"oooooo" + "**" + "rrrrrr" + "ssssssss" + "tttttt" + // U+014C..U+0167
	"uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s" // U+0168..U+017F

// appendFolded appends the folded form of r to buf and reports whether r
// separates words instead. Apostrophes and dots vanish without separating,
// so "O’Brien" ~ "O'Brien" ~ "OBrien" and "J.D." ~ "JD".
func appendFolded(buf []byte, r rune) ([]byte, bool) {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		return append(buf, byte(r)), false
	case 'A' <= r && r <= 'Z':
		return append(buf, byte(r-'A'+'a')), false
	case r < utf8.RuneSelf:
		return buf, !(r == '\'' || r == '.' || r == '`')
	}
	switch r {
	case '\u2018', '\u2019', '\u201b', '\u02bc', '\u02bb', '\u00b4', '\u2032', '\u00b7':
		return buf, false
	case 'ß', 'ẞ':
		return append(buf, "ss"...), false
	case 'æ', 'Æ':
		return append(buf, "ae"...), false
	case 'œ', 'Œ':
		return append(buf, "oe"...), false
	case 'þ', 'Þ':
		return append(buf, "th"...), false
	case 'ĳ', 'Ĳ':
		return append(buf, "ij"...), false
	case 'ș', 'Ș':
		return append(buf, 's'), false
	case 'ț', 'Ț':
		return append(buf, 't'), false
	}
	if 0xC0 <= r && r <= 0x17F {
		c := latinBase[r-0xC0]
		if c == ' ' {
			return buf, true
		}
		return append(buf, c), false
	}
	// Combining marks come from decomposed input ("e" + U+0301) and format
	// characters are invisible, so neither may split or change a word.
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) {
		return buf, false
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return utf8.AppendRune(buf, unicode.ToLower(r)), false
	}
	return buf, true
}

// tokenize folds s into words. maxRunes > 0 bounds how much of s is read,
// so that a hostile query cannot make one call arbitrarily slow.
func tokenize(s string, maxRunes int) []string {
	var toks []string
	buf := make([]byte, 0, 32)
	n := 0
	for _, r := range s {
		n++
		if maxRunes > 0 && n > maxRunes {
			break
		}
		var sep bool
		buf, sep = appendFolded(buf, r)
		if sep && len(buf) > 0 {
			toks = append(toks, string(buf))
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		toks = append(toks, string(buf))
	}
	return mergeInitials(toks)
}

// mergeInitials joins runs of single-letter words so that "J. D. Smith",
// whose dots are spaced, folds like "J.D. Smith".
func mergeInitials(toks []string) []string {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if !isInitial(toks[i]) || i+1 >= len(toks) || !isInitial(toks[i+1]) {
			out = append(out, toks[i])
			continue
		}
		j := i
		var b strings.Builder
		for j < len(toks) && isInitial(toks[j]) {
			b.WriteString(toks[j])
			j++
		}
		out = append(out, b.String())
		i = j - 1
	}
	return out
}

// isInitial reports whether w is a single letter; digits are left alone so
// that "2 3" stays two numbers.
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsLetter(r)
}

// coreRange returns the words of toks that remain once leading titles
// ("Admiral Sir", "Prime Minister", "Secretary of State") and trailing
// post-nominals ("Jr", "MP") are dropped. Only the ends are stripped because
// title words are also surnames ("John Major", "Stephen King"). If nothing
// would remain, the whole name is its own core ("The Pope", "King").
func coreRange(toks []string) (lo, hi int) {
	for lo < len(toks) {
		if isTitle(toks[lo]) {
			lo++
			if lo+1 < len(toks) && toks[lo] == "of" {
				lo += 2
			}
			continue
		}
		j := lo
		for j < len(toks) && isQualifier(toks[j]) {
			j++
		}
		if j > lo && j < len(toks) && isTitle(toks[j]) {
			lo = j
			continue
		}
		break
	}
	hi = len(toks)
	for hi > lo && isSuffix(toks[hi-1]) {
		hi--
	}
	if lo >= hi {
		return 0, len(toks)
	}
	return lo, hi
}

// isTitle reports whether a folded word is an English honorific or office
// that people put before a name.
func isTitle(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor",
		"sir", "dame", "lord", "lady", "baron", "baroness", "viscount", "marquess",
		"duke", "duchess", "earl", "countess",
		"president", "premier", "chancellor", "secretary", "minister", "taoiseach",
		"admiral", "general", "gen", "colonel", "col", "major", "maj", "captain",
		"capt", "lieutenant", "lt", "commander", "cmdr", "sergeant", "sgt",
		"marshal", "brigadier",
		"king", "queen", "prince", "princess", "emperor", "empress", "sultan",
		"emir", "sheikh", "shaikh",
		"pope", "cardinal", "archbishop", "bishop", "reverend", "rev", "father",
		"pastor", "rabbi", "imam", "ayatollah",
		"senator", "sen", "governor", "gov", "mayor", "judge", "justice",
		"ambassador", "envoy", "congressman", "congresswoman", "representative",
		"rep", "speaker", "chairman", "chairwoman", "hon", "honourable", "honorable":
		return true
	}
	return false
}

// isQualifier reports whether a folded word is part of a title only when a
// title follows it ("Prime Minister", "Deputy Prime Minister", "The King").
func isQualifier(w string) bool {
	switch w {
	case "the", "prime", "deputy", "vice", "foreign", "home", "defence",
		"defense", "health", "finance", "interior", "first", "chief", "crown",
		"grand", "supreme", "acting", "interim", "former", "ex", "right", "rt",
		"us", "uk", "field", "rear", "air", "shadow", "junior", "senior":
		return true
	}
	return false
}

// isSuffix reports whether a folded word is a post-nominal or generational
// suffix that people often leave out when typing a name.
func isSuffix(w string) bool {
	switch w {
	case "jr", "snr", "jnr", "sr", "ii", "iii", "iv", "mp", "msp", "mep", "qc",
		"kc", "phd", "md", "obe", "mbe", "cbe", "kbe", "dbe", "esq":
		return true
	}
	return false
}

// Key is the one form in which two ways of writing a name are compared:
// case ignored, Latin accents and apostrophes and dots dropped, other
// punctuation a word break, words joined by single spaces ("Dvořák",
// "DVORAK" → "dvorak"; "J. R. Smith", "J.R. Smith" → "jr smith"). The
// loader's uniqueness check, mention finding, extraction and this index all
// use it, so two names that collide here are the same name everywhere.
func Key(s string) string {
	if simple, lower := plainWords(s); simple && lower {
		return s // already a key: the usual case for a word of running text
	} else if simple {
		return strings.ToLower(s) // a capitalised word or name
	}
	return strings.Join(tokenize(s, 0), " ")
}

// Lookup returns m[Key(s)], without making the key of a plain name (see
// plainWords) of at most 64 bytes: a caller that looks up every
// capitalised word of a corpus would otherwise allocate a lower-cased copy
// of each.
func Lookup[V any](m map[string]V, s string) (V, bool) {
	var buf [64]byte
	if simple, lower := plainWords(s); simple && lower {
		v, ok := m[s]
		return v, ok
	} else if simple && len(s) <= len(buf) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		v, ok := m[string(buf[:len(s)])]
		return v, ok
	}
	v, ok := m[Key(s)]
	return v, ok
}

// EqualKey reports whether Key(s) == key, without making the key of a
// plain name (see plainWords).
func EqualKey(s, key string) bool {
	if simple, _ := plainWords(s); !simple {
		return Key(s) == key
	}
	if len(s) != len(key) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

// Plain reports whether s is a name that Key only lower-cases: ASCII
// letters and digits in words of two or more, one space apart. Extraction
// folds such a name as Key does, and looks it up with Lookup.
func Plain(s string) bool {
	simple, _ := plainWords(s)
	return simple
}

// plainWords reports whether s is ASCII letters and digits in words of two
// or more, one space apart — a string Key only lower-cases, as tokenize
// would — and whether it is lower case already.
func plainWords(s string) (simple, lower bool) {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false, false
	}
	lower, run := true, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			run++
		case 'A' <= c && c <= 'Z':
			lower = false
			run++
		case c == ' ' && run >= 2:
			run = 0
		default:
			return false, false // a double space, a one-letter word, punctuation or non-ASCII
		}
	}
	return run >= 2, lower
}
