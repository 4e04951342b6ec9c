package prose

import (
	"unicode"
	"unicode/utf8"
)

// Span is a byte range text[Start:End].
type Span struct{ Start, End int }

// WordSpan is the byte range text[Start:End] of a word. Its offsets are
// 32-bit: an article has thousands of words, and a load holds every
// article's words while it finds mentions and extracts.
type WordSpan struct{ Start, End int32 }

// Words splits text into words: runs of letters, digits and combining marks,
// with an apostrophe, hyphen or dot kept inside a word when a letter or digit
// follows it, so "O'Brien", "Barrow-in-Furness" and "J.D." stay whole.
func Words(text string) []WordSpan {
	// Words and the spaces between them average under five bytes in news
	// text: a fifth of the length is rarely outgrown, and regrowing a
	// large slice would copy it.
	return AppendWords(make([]WordSpan, 0, len(text)/5+1), text)
}

// AppendWords is Words appending to out: a caller that keeps the words of
// many texts splits each into a scratch array it reuses and keeps a copy
// of exactly their number, a fifth less than Words's estimate holds.
func AppendWords(out []WordSpan, text string) []WordSpan {
	start := -1
	for i, r := range text {
		var inWord bool
		if r < utf8.RuneSelf {
			inWord = asciiAlnum[r] // most of the text: no table search
		} else {
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		}
		if !inWord && start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '.') {
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next) || unicode.IsDigit(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, WordSpan{int32(start), int32(i)})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, WordSpan{int32(start), int32(len(text))})
	}
	return out
}

// asciiAlnum marks the ASCII letters and digits, the ASCII runes Words
// keeps in a word.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()
