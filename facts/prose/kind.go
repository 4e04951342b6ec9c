package prose

import (
	"strconv"
	"unicode/utf8"
)

// Kind classifies a sentence by the role of the line it sits on.
type Kind uint8

const (
	// Story is a sentence of the story itself.
	Story Kind = iota
	// Headline is the first line of an article when it has no terminal
	// punctuation: headlines are not punctuated as sentences.
	Headline
	// Byline is a short "By Jane Smith" style author line.
	Byline
	// Caption is a photo caption, recognised by its credit marker
	// ("… Picture: Reuters", "… Photo: Jane Smith/AP").
	Caption
	// Furniture is page furniture scraped along with the story: "Read
	// more: …", "Listen to this article", "Follow … on WhatsApp", sharing
	// and sign-up prompts, advertisement markers and the like.
	Furniture
)

// String returns the lower-case name of k, or "kind(N)" for an unknown
// value.
func (k Kind) String() string {
	switch k {
	case Story:
		return "story"
	case Headline:
		return "headline"
	case Byline:
		return "byline"
	case Caption:
		return "caption"
	case Furniture:
		return "furniture"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// classify decides the Kind of a trimmed, non-empty line. The most specific
// tests come first: a "Read more:" line is furniture even when it is also
// the first line of the text.
func classify(line string, first bool) Kind {
	switch {
	case isFurniture(line):
		return Furniture
	case isCaption(line):
		return Caption
	case isByline(line):
		return Byline
	case first && !endsSentence(line):
		return Headline
	}
	return Story
}

// endsSentence reports whether line ends with terminal punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	e := len(line)
	for e > 0 {
		r, n := utf8.DecodeLastRuneInString(line[:e])
		switch r {
		case '"', '\'', ')', ']', '’', '”', '»', '›':
			e -= n
			continue
		case '.', '!', '?', '…':
			return true
		}
		return false
	}
	return false
}
