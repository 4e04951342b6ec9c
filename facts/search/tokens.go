// Package search ranks short text units, typically the sentences of news
// articles, against a free-text query with BM25 over English word stems.
//
// Words are stemmed with the Snowball English stemmer, so "sanctions",
// "sanction" and "sanctioned" all match one another. Because stemming is the
// dominant cost of indexing, a Builder stems each distinct word only once
// and keeps the result for query time. A built Index is immutable and safe
// for concurrent use.
package search

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Token is a word of a text with its byte offsets and its normalised stem.
type Token struct {
	// Start and End are byte offsets of the word in the text.
	Start, End int
	// Stem is the lower-cased Snowball English stem of the word, or "" for
	// a stop word.
	Stem string
}

// Tokens splits text into word tokens and stems them. A word is a run of
// letters and digits; an apostrophe between letters stays inside the word
// ("company’s", "don't") while hyphens split words ("co-ordination" gives
// "co" and "ordination"). Digits joined by '.' or ',' form one number
// ("2.5", "1,000", the latter normalised to "1000"). Words are lower-cased
// and curly apostrophes folded to "'" before stemming; numbers are not
// stemmed. Stop words are kept, with Stem "", so that positions stay
// complete for callers that need them. Invalid UTF-8 bytes separate words.
func Tokens(text string) []Token {
	var out []Token
	for w := range words(text) {
		out = append(out, Token{Start: w.start, End: w.end, Stem: stemOf(string(w.norm))})
	}
	return out
}

// stemOf returns the stem of a normalised word, or "" for a stop word.
func stemOf(word string) string {
	if stopWords[word] {
		return ""
	}
	for i := 0; i < len(word); i++ {
		if word[i] >= '0' && word[i] <= '9' {
			// Stemming numbers or codes such as "g7" only conflates them.
			return word
		}
	}
	if base, ok := irregularForms[word]; ok {
		word = base
	}
	// Our own stop list is shorter than Snowball's, which drops words such
	// as "against" and "under" that matter in news queries.
	return stemEnglish(word)
}

// word is one word of a text as the scanner reads it: its byte range and
// its normalised form, valid only until the next word is read.
type word struct {
	start, end int
	norm       []byte
}

// words yields the words of text in order.
func words(text string) iter.Seq[word] {
	return func(yield func(word) bool) {
		sc := scanner{text: text}
		for {
			start, end, norm, ok := sc.next()
			if !ok || !yield(word{start, end, norm}) {
				return
			}
		}
	}
}

// scanner walks the words of a text. It works on bytes and decodes runes
// only for non-ASCII input, because tokenising is on the indexing hot path.
type scanner struct {
	text string
	pos  int
	buf  []byte // the normalised form of the latest word
}

// Character classes of a rune as far as word boundaries are concerned.
const (
	classOther = iota
	classLetter
	classDigit
)

// asciiClass classifies every ASCII byte once.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = classLetter, classLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	return t
}()

// byteWord marks the bytes that are ASCII letters and digits.
var byteWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] != classOther
	}
	return t
}()

// runeAt decodes the rune at text[i] and returns it with its width and
// class. Invalid UTF-8 gives RuneError of width 1, which is classOther.
func runeAt(text string, i int) (r rune, n int, class uint8) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1, asciiClass[c]
	}
	r, n = utf8.DecodeRuneInString(text[i:])
	switch {
	case r == utf8.RuneError:
		return r, n, classOther
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
		// Combining marks keep decomposed accents inside their word.
		return r, n, classLetter
	case unicode.IsDigit(r):
		return r, n, classDigit
	}
	return r, n, classOther
}

// isApostrophe reports whether r is written as an apostrophe in news text.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ'
}

// next returns the span of the next word and its normalised form, which is
// only valid until the following call.
func (s *scanner) next() (start, end int, norm []byte, ok bool) {
	if !s.skip() {
		return 0, 0, nil, false
	}
	text := s.text
	start = s.pos
	buf := s.buf[:0]
	prev := uint8(classOther)
	for s.pos < len(text) {
		// A run of ASCII letters and digits, the bulk of the input, is
		// found first and copied at once.
		if j, upper := asciiRun(text, s.pos); j > s.pos {
			buf = appendASCII(buf, text[s.pos:j], upper)
			prev = asciiClass[text[j-1]]
			s.pos = j
			continue
		}
		r, n, class := runeAt(text, s.pos)
		if class != classOther {
			buf = appendLower(buf, r)
			s.pos += n
			prev = class
			continue
		}
		if s.pos+n >= len(text) {
			break
		}
		_, _, nextClass := runeAt(text, s.pos+n)
		switch {
		case prev == classLetter && nextClass == classLetter && isApostrophe(r):
			buf = append(buf, '\'')
		case prev == classDigit && nextClass == classDigit && r == '.':
			buf = append(buf, '.')
		case prev == classDigit && nextClass == classDigit && r == ',':
			// Thousands separators vary in use; "1,000" and "1000" are
			// the same number.
		default:
			s.buf = buf
			return start, s.pos, buf, true
		}
		s.pos += n
	}
	s.buf = buf
	return start, s.pos, buf, true
}

// skip moves past what cannot start a word and reports whether a word
// follows.
func (s *scanner) skip() bool {
	text := s.text
	for s.pos < len(text) {
		if c := text[s.pos]; c < utf8.RuneSelf && asciiClass[c] == classOther {
			s.pos++
			continue
		}
		_, n, class := runeAt(text, s.pos)
		if class != classOther {
			return true
		}
		s.pos += n
	}
	return false
}

// asciiRun returns the end of the run of ASCII letters and digits at
// text[i], and whether the run holds a capital.
func asciiRun(text string, i int) (end int, upper bool) {
	for i < len(text) && byteWord[text[i]] {
		upper = upper || text[i]-'A' < 26
		i++
	}
	return i, upper
}

// appendASCII appends a run of ASCII letters and digits, lower-cased if
// it has a capital.
func appendASCII(buf []byte, run string, upper bool) []byte {
	n := len(buf)
	buf = append(buf, run...)
	if upper {
		for k := n; k < len(buf); k++ {
			if c := buf[k]; c-'A' < 26 {
				buf[k] = c + 'a' - 'A'
			}
		}
	}
	return buf
}

// appendLower appends the lower-case form of r.
func appendLower(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	return utf8.AppendRune(buf, unicode.ToLower(r))
}

// Stemmer is Tokens with a memory: it stems each distinct word once, which
// matters when the same vocabulary is tokenised many times (comparing every
// sentence of a corpus with others). It is not safe for concurrent use.
type Stemmer struct {
	cache map[string]string
}

// NewStemmer returns an empty Stemmer.
func NewStemmer() *Stemmer { return &Stemmer{cache: make(map[string]string, 1024)} }

// Tokens is like the package's Tokens, stemming each distinct word once.
func (st *Stemmer) Tokens(text string) []Token {
	var out []Token
	for w := range words(text) {
		out = append(out, Token{Start: w.start, End: w.end, Stem: st.stem(w.norm)})
	}
	return out
}

// EachStem calls fn with the stem of every word of text that is not a stop
// word, in order, stemming each distinct word once; unlike Tokens it builds
// no slice, for callers that only gather stems.
func (st *Stemmer) EachStem(text string, fn func(stem string)) {
	for w := range words(text) {
		if stem := st.stem(w.norm); stem != "" {
			fn(stem)
		}
	}
}

// stem returns the stem of a normalised word from the cache, stemming it
// on first sight.
func (st *Stemmer) stem(norm []byte) string {
	stem, seen := st.cache[string(norm)]
	if !seen {
		stem = stemOf(string(norm))
		st.cache[string(norm)] = stem
	}
	return stem
}
