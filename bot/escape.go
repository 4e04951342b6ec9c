package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markdownSpecial are the characters Discord markdown gives a meaning to
// anywhere in a line: emphasis, strike, spoilers, code, masked links,
// mentions, emoji and timestamps (all of which start with "<"), quotes and
// headings. Article text and user text are data, never markup, so each of
// these is shown as itself.
const markdownSpecial = "\\*_~`|[]()<>#"

// escape makes s safe to show in a markdown context (embed description,
// field value, title, message content): every markdown character is
// backslash-escaped and runs of white space, newlines included, fold to one
// space so that a line of a list stays one line. Text cannot take over
// the rest of the line either: bidirectional overrides and isolates are
// dropped, and so are combining marks beyond a few on one character
// ("zalgo" text, which would spill over the lines around it).
func escape(s string) string {
	if escapedAlready(s) {
		return s // what escapeTo would write, without the copy
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	escapeTo(&b, strings.TrimSpace(s), true)
	return b.String()
}

// escapedAlready reports whether escape would return s as it is: no
// markdown character, no white space but single spaces inside it, nothing
// that opens a list, no bidirectional control, combining mark or invalid
// byte. Labels, dates and outlets mostly are.
func escapedAlready(s string) bool {
	if s == "" || s[0] == '-' || s[0] == '+' || s[0] == ' ' || s[len(s)-1] == ' ' || listNumber(s) {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if special(rune(c)) || (asciiSpace(c) && (c != ' ' || s[i+1] == ' ')) {
				return false // s[i+1] exists: s does not end in a space
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unicode.IsSpace(r) || bidiControl(r) || (r >= firstMark && unicode.Is(unicode.Mn, r)) {
			return false
		}
		i += n
	}
	return true
}

// escapeTo writes s escaped to b, folding each run of white space to one
// space (kept at the ends, so that pieces of a line can be escaped one by
// one). At the start of a line, a leading "-", "+" or "1." would start a
// list, so it is escaped too.
func escapeTo(b *strings.Builder, s string, lineStart bool) {
	space := false
	dot := -1 // the "." of a leading "12." (a backslash before a digit escapes nothing)
	if lineStart && listNumber(s) {
		dot = strings.IndexByte(s, '.')
	}
	marks := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:]) // as range would: an invalid byte is one U+FFFD
			marks = escapeRune(b, r, &space, marks)
			i += n
			continue
		}
		if asciiSpace(c) {
			space = true
			i++
			continue
		}
		marks = 0
		if space {
			b.WriteByte(' ')
			space = false
		}
		if (lineStart && i == 0 && (c == '-' || c == '+')) || i == dot || special(rune(c)) { // never two: none of "-+." is special
			b.WriteByte('\\')
		}
		// The run of ASCII that needs nothing, written at once: most of
		// an article, which byte by byte was a fifth of a reply's work.
		j := i + 1
		for j < len(s) && j != dot && s[j] < utf8.RuneSelf && !asciiSpace(s[j]) && !special(rune(s[j])) {
			j++
		}
		b.WriteString(s[i:j])
		i = j
	}
	if space {
		b.WriteByte(' ')
	}
}

// escapeRune is escapeTo's work for one non-ASCII character r: white
// space folds into space, a bidirectional control is dropped, and so is a
// combining mark beyond maxMarks on one character (marks counts them; the
// count after r is returned).
func escapeRune(b *strings.Builder, r rune, space *bool, marks int) int {
	if unicode.IsSpace(r) {
		*space = true
		return marks
	}
	if bidiControl(r) {
		return marks
	}
	if r >= firstMark && unicode.Is(unicode.Mn, r) {
		if marks++; marks > maxMarks {
			return marks
		}
	} else {
		marks = 0
	}
	if *space {
		b.WriteByte(' ')
		*space = false
	}
	b.WriteRune(r)
	return marks
}

// asciiSpace reports whether the ASCII byte c is white space to
// unicode.IsSpace.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// firstMark is U+0300, the first combining mark: no character below it is
// one, and most of a text is below it.
const firstMark = 0x300

// maxMarks is the most combining marks kept on one character: enough for
// any written language, not for a tower of diacritics.
const maxMarks = 4

// bidiControl reports whether r is a bidirectional embedding, override or
// isolate (U+202A-U+202E, U+2066-U+2069): invisible characters that
// reorder the text after them, so that quoted text could make the bot's
// own words read backwards.
func bidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// special reports whether r is one of markdownSpecial.
func special(r rune) bool {
	switch r {
	case '\\', '*', '_', '~', '`', '|', '[', ']', '(', ')', '<', '>', '#':
		return true
	}
	return false
}

// listNumber reports whether s starts like an ordered list item ("12. ").
func listNumber(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i < len(s) && s[i] == '.'
}

// plain folds white space for a field that Discord shows as plain text
// (footer, author, button label, autocomplete choice), where a backslash
// would show as itself, and drops bidirectional controls.
func plain(s string) string {
	if strings.IndexFunc(s, bidiControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if bidiControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// tame drops from s what would take over the text around it, as escape
// does (bidirectional controls, combining marks beyond maxMarks), and
// keeps the rest as it is: for user text in plain-text places that must
// read back the same, such as a button state in a footer.
func tame(s string) string {
	var b strings.Builder
	marks := 0
	for _, r := range s {
		switch {
		case bidiControl(r):
			continue
		case unicode.Is(unicode.Mn, r):
			if marks++; marks > maxMarks {
				continue
			}
		default:
			marks = 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// runes counts characters the way Discord's limits do.
func runes(s string) int { return utf8.RuneCountInString(s) }

// clip shortens s to at most n characters, ending in "…" when cut. It cuts
// before a base character rather than between it and its combining marks,
// and never leaves a lone escaping backslash at the cut, which would escape
// the ellipsis.
func clip(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	rs := []rune(s)
	cut := n - 1
	for cut > 0 && unicode.Is(unicode.Mn, rs[cut]) {
		cut--
	}
	rs = rs[:cut]
	for len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	// An odd number of backslashes at the end means the last one escapes
	// nothing any more.
	k := 0
	for k < len(rs) && rs[len(rs)-1-k] == '\\' {
		k++
	}
	if k%2 == 1 {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// escapeClip escapes s and shortens the result to n characters.
func escapeClip(s string, n int) string { return clip(escape(s), n) }
