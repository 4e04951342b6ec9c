package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// folded is a text with runs of white space folded to one space and curly
// quote marks folded to straight ones, plus the map back to the original, so
// a quote typed by a curator is found even where the article wraps a line or
// uses typographic marks, while what is shown stays the article's own text.
type folded struct {
	src  string
	text string
	orig []int32 // orig[i] is the offset in the original of folded byte i; one extra entry for the end
}

func foldRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′':
		return '\''
	case '“', '”', '„', '‟', '″':
		return '"'
	}
	return r
}

func fold(s string) folded {
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int32, 0, len(s)+1)
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				orig = append(orig, int32(i))
			}
			space = true
			continue
		}
		space = false
		r = foldRune(r)
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			n = 3
		}
		b.WriteRune(r)
		for k := 0; k < n; k++ {
			orig = append(orig, int32(i))
		}
	}
	orig = append(orig, int32(len(s)))
	return folded{src: s, text: b.String(), orig: orig}
}

// foldQuote folds a curator's quote the same way, trimmed.
func foldQuote(q string) string {
	return strings.TrimSpace(fold(q).text)
}

// locate finds quote q in the folded source and returns its byte range in the
// original text, or ok=false.
func (f folded) locate(q string) (start, end int, ok bool) {
	q = foldQuote(q)
	if q == "" {
		return 0, 0, false
	}
	i := strings.Index(f.text, q)
	if i < 0 {
		return 0, 0, false
	}
	start = int(f.orig[i])
	last := i + len(q) - 1 // last byte of the match; its rune ends the range
	end = int(f.orig[last])
	_, size := utf8.DecodeRuneInString(f.src[end:])
	return start, end + size, true
}
