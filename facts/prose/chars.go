package prose

import (
	"unicode"
	"unicode/utf8"
)

// The byte scanners below work on the raw string and decode a rune only for
// non-ASCII bytes: almost all news text is ASCII, and decoding every byte
// would dominate the cost of Split. Invalid UTF-8 decodes as RuneError of
// width 1, which is neither space nor letter, so it is simply skipped over.

// ellipsisUTF8 is "…", the one multi-byte terminator.
const ellipsisUTF8 = "\u2026"

// mayTerminate marks the bytes that can start a terminator; 0xE2 is the
// lead byte of "…".
var mayTerminate = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

// isTerminatorAt reports whether a sentence terminator (. ! ? …) starts at
// text[i].
func isTerminatorAt(text string, i, e int) bool {
	switch text[i] {
	case '.', '!', '?':
		return true
	case ellipsisUTF8[0]:
		return i+3 <= e && text[i:i+3] == ellipsisUTF8
	}
	return false
}

// scanTerminators consumes a run of terminators starting at i, such as "?!"
// or "...", and reports whether the run is an ellipsis: only dots, at least
// two of them, or a "…".
func scanTerminators(text string, i, e int) (end int, ellipsis bool) {
	dots, other := 0, false
	for i < e {
		switch {
		case text[i] == '.':
			dots++
			i++
		case text[i] == '!' || text[i] == '?':
			other = true
			i++
		case isTerminatorAt(text, i, e):
			dots += 2
			i += len(ellipsisUTF8)
		default:
			return i, dots >= 2 && !other
		}
	}
	return i, dots >= 2 && !other
}

// scanClosers consumes the closing quotes and brackets that belong to the
// sentence just ended: `.”`, `."`, `?’`, `.)`.
func scanClosers(text string, i, e int) int {
	for i < e {
		c := text[i]
		if c == '"' || c == '\'' || c == ')' || c == ']' {
			i++
			continue
		}
		if c < 0x80 {
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:e])
		switch r {
		case '’', '”', '»', '›':
			i += n
		default:
			return i
		}
	}
	return i
}

// isOpener reports whether r may open a quotation or aside before the first
// word of a sentence.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '‘', '“', '«', '‹':
		return true
	}
	return false
}

// nextLetter returns the first rune after white space and opening marks at
// text[i:e], or -1 at the end of the line.
func nextLetter(text string, i, e int) rune {
	i = skipSpace(text, i, e)
	for i < e {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:e])
		}
		if !isOpener(r) {
			return r
		}
		i += n
	}
	return -1
}

// spaceWidth returns the byte width of the white-space rune at text[i], or 0
// when text[i] does not start one.
func spaceWidth(text string, i, e int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		if c == ' ' || (c >= '\t' && c <= '\r') {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:e])
	if isSpace(r) {
		return n
	}
	return 0
}

// isSpace counts zero-width and no-break spaces as white space, since
// scraped pages are full of them and they should never start a sentence.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// skipSpace returns the offset of the first non-space byte at or after i.
func skipSpace(text string, i, e int) int {
	for i < e {
		n := spaceWidth(text, i, e)
		if n == 0 {
			return i
		}
		i += n
	}
	return i
}

// trim narrows text[s:e] to exclude leading and trailing white space.
func trim(text string, s, e int) (int, int) {
	s = skipSpace(text, s, e)
	for e > s {
		c := text[e-1]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// lastRune returns the final rune of s, or -1 when s is empty.
func lastRune(s string) rune {
	if s == "" {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}
