// Package prose splits English news text into paragraphs and sentences.
//
// Every sentence is reported as byte offsets into the caller's text rather
// than as a copy, so callers can quote, cite or highlight exact spans and
// share one backing string across many sentences. Lines that are page
// furniture, captions, bylines or headlines are still returned, but tagged
// with a Kind so that callers can keep them out of the story.
package prose

import "strings"

// Sentence is one sentence of a text, located by byte offsets.
type Sentence struct {
	// Start and End are byte offsets into the text; text[Start:End] is the
	// sentence with surrounding white space trimmed.
	Start, End int
	// Para is the 0-based index of the paragraph (non-blank line) holding
	// the sentence.
	Para int
	// Kind tells whether the sentence belongs to the story or to the page
	// around it.
	Kind Kind
}

// Split breaks text into sentences, in order. Every non-blank line is a
// paragraph: scraped news often puts one paragraph per line with no blank
// line between them, so a single newline must end a paragraph too. The Kind
// of a line is decided once and shared by all of its sentences. Split never
// panics, whatever the input, including invalid UTF-8.
func Split(text string) []Sentence {
	// News sentences average well over 100 bytes; a close first guess
	// avoids most regrowth of the result.
	out := make([]Sentence, 0, len(text)/128+1)
	para := 0
	for pos := 0; pos < len(text); {
		end, next := len(text), len(text)
		if nl := strings.IndexByte(text[pos:], '\n'); nl >= 0 {
			end, next = pos+nl, pos+nl+1
		}
		s, e := trim(text, pos, end)
		if s < e {
			kind := classify(text[s:e], para == 0)
			s = skipBullet(text, s, e)
			out = splitLine(out, text, s, e, para, kind)
			para++
		}
		pos = next
	}
	return out
}

// bullets mark a list item at the start of a line; the item's sentence
// starts after its bullet, so that it reads as a sentence wherever it is
// shown (its citation is still the source's own text).
var bullets = []string{"- ", "* ", "• ", "– ", "— ", "· "}

// skipBullet returns where the line text[s:e] starts once its bullet is
// passed.
func skipBullet(text string, s, e int) int {
	for _, b := range bullets {
		if strings.HasPrefix(text[s:e], b) && s+len(b) < e {
			return skipSpace(text, s+len(b), e)
		}
	}
	return s
}

// splitLine appends the sentences of the trimmed line text[s:e]. It takes
// offsets rather than a substring (six parameters) because sentences are
// kept as byte offsets into the whole text.
func splitLine(out []Sentence, text string, s, e, para int, kind Kind) []Sentence {
	start := s
	for i := s; i < e; {
		// A table test skips ordinary bytes far faster than a switch, and
		// this loop sees every byte of the text.
		if !mayTerminate[text[i]] || !isTerminatorAt(text, i, e) {
			i++
			continue
		}
		runEnd, ellipsis := scanTerminators(text, i, e)
		end := scanClosers(text, runEnd, e)
		// A terminator glued to the next character is part of a token:
		// "2.5", "U.S.", "example.com", "games...it".
		if end < e && spaceWidth(text, end, e) == 0 {
			i = end
			continue
		}
		if end < e && breaks(text, s, i, runEnd, end, e, ellipsis) {
			out = append(out, Sentence{Start: start, End: end, Para: para, Kind: kind})
			start = skipSpace(text, end, e)
		}
		i = end
	}
	if start < e {
		out = append(out, Sentence{Start: start, End: e, Para: para, Kind: kind})
	}
	return out
}

// breaks decides whether the terminator run text[i:runEnd], followed by
// closing marks up to end and then white space, ends a sentence. lineStart
// bounds the backward look for an abbreviation. The seven parameters are
// the offsets of one terminator run, kept as offsets for the same reason
// as splitLine's; this is the splitter's innermost test.
func breaks(text string, lineStart, i, runEnd, end, e int, ellipsis bool) bool {
	r := nextLetter(text, end, e)
	// Quoted questions and exclamations run on: “Is it?” he asked.
	if isLower(r) {
		return false
	}
	if ellipsis {
		// Trailing-off dots usually continue the sentence; only a capital
		// after them signals a new one.
		return isUpper(r)
	}
	if runEnd-i != 1 || text[i] != '.' {
		return true
	}
	word := wordBefore(text, lineStart, i)
	switch {
	case word == "":
		return true
	case len(word) == 1:
		// Initials: "J. R. Smith".
		return false
	case strings.IndexByte(word, '.') >= 0:
		// Dotted abbreviations: "U.S.", "e.g.", "a.m.".
		return !allSingleLetters(word)
	case word == "No" || word == "no":
		// "No. 10" is an abbreviation, but "No. The PM..." is an answer.
		return !isDigit(r)
	}
	return !abbreviations[word]
}

// wordBefore returns the run of ASCII letters and dots that ends just before
// text[i], or "" when that run is glued to a digit or a non-ASCII letter and
// so is only the tail of a longer token: "£15.8m." is not an initial.
func wordBefore(text string, lineStart, i int) string {
	j := i
	for j > lineStart {
		c := text[j-1]
		if !isASCIILetter(c) && c != '.' {
			break
		}
		j--
	}
	if j > lineStart {
		if r := lastRune(text[lineStart:j]); isDigit(r) || isLetter(r) {
			return ""
		}
	}
	return strings.Trim(text[j:i], ".")
}

// allSingleLetters reports whether every dot-separated part of word is a
// single letter.
func allSingleLetters(word string) bool {
	for part := range strings.SplitSeq(word, ".") {
		if len(part) != 1 {
			return false
		}
	}
	return true
}
