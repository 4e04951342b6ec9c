package search

import "github.com/kljensen/snowball/english"

// stemEnglish is english.Stem(word, true) for a normalised word. The
// library works on runes and turns every suffix it tries into a []rune,
// which made stemming most of what learning a word cost on a first load;
// words of ASCII letters and apostrophes, nearly all of news text, take
// this port of its steps on bytes instead, and the rest the library.
// stem_test.go holds the two to the same output.
func stemEnglish(word string) string {
	if len(word) <= 2 {
		return word
	}
	if s, ok := specialStems[word]; ok {
		return s
	}
	if len(word) > maxStemLen {
		return english.Stem(word, true)
	}
	for i := 0; i < len(word); i++ {
		if c := word[i]; (c < 'a' || c > 'z') && c != '\'' {
			return english.Stem(word, true)
		}
	}
	// A fixed array, which no step outgrows (one adds a byte at most, to
	// a word shorter by a suffix), keeps the word off the heap.
	var buf [maxStemLen + 2]byte
	w := stemWord{b: buf[:copy(buf[:], word)]}
	w.prepare()
	w.step0()
	w.step1a()
	w.step1b()
	w.step1c()
	w.step2()
	w.step3()
	w.step4()
	w.step5()
	for i, c := range w.b {
		if c == 'Y' {
			w.b[i] = 'y'
		}
	}
	return string(w.b)
}

// maxStemLen is the longest word stemEnglish stems itself.
const maxStemLen = 46

// stemWord is a word being stemmed: its bytes, 'Y' for a y that acts as
// a consonant, and where its regions R1 and R2 start.
type stemWord struct {
	b      []byte
	r1, r2 int
}

// isVowel is the library's vowel test: a lower-case y is one, a 'Y' not.
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// prepare trims leading apostrophes, marks consonant y's and finds R1
// and R2, as the library's preprocess does.
func (w *stemWord) prepare() {
	n := 0
	for n < len(w.b)-1 && w.b[n] == '\'' {
		n++ // the library leaves the last of a word all apostrophes
	}
	w.b = w.b[n:]
	for i, c := range w.b {
		if c == 'y' && (i == 0 || isVowel(w.b[i-1])) {
			w.b[i] = 'Y'
		}
	}
	w.r1 = -1
	for _, p := range []string{"gener", "commun", "arsen"} {
		if len(w.b) >= len(p) && string(w.b[:len(p)]) == p {
			w.r1 = len(p)
			break
		}
	}
	if w.r1 < 0 {
		w.r1 = w.vnv(0)
	}
	w.r2 = w.vnv(w.r1)
}

// vnv returns where the region after the first non-vowel following a
// vowel at or after start begins, or the word's length.
func (w *stemWord) vnv(start int) int {
	for j := start + 1; j < len(w.b); j++ {
		if isVowel(w.b[j-1]) && !isVowel(w.b[j]) {
			return j + 1
		}
	}
	return len(w.b)
}

// has reports whether the word ends with s.
func (w *stemWord) has(s string) bool {
	// From the end, byte by byte: most suffixes tried differ in the last
	// byte, where a string compare would call memequal for each.
	n := len(w.b) - len(s)
	if n < 0 {
		return false
	}
	for i := len(s) - 1; i >= 0; i-- {
		if w.b[n+i] != s[i] {
			return false
		}
	}
	return true
}

// first returns the first of suffixes the word ends with, or "".
func (w *stemWord) first(suffixes []string) string {
	for _, s := range suffixes {
		if w.has(s) {
			return s
		}
	}
	return ""
}

// replace puts repl in place of the last n bytes, keeping R1 and R2
// within the word.
func (w *stemWord) replace(n int, repl string) {
	w.b = w.b[:len(w.b)-n+copy(w.b[len(w.b)-n:cap(w.b)], repl)]
	w.r1, w.r2 = min(w.r1, len(w.b)), min(w.r2, len(w.b))
}

// inR1 reports whether a suffix of n bytes lies in R1.
func (w *stemWord) inR1(n int) bool { return n <= len(w.b)-w.r1 }

func (w *stemWord) step0() {
	if s := w.first(step0Suffixes); s != "" {
		w.replace(len(s), "")
	}
}

func (w *stemWord) step1a() {
	switch s := w.first(step1aSuffixes); s {
	case "sses":
		w.replace(4, "ss")
	case "ies", "ied":
		if len(w.b) > 4 {
			w.replace(3, "i")
		} else {
			w.replace(3, "ie")
		}
	case "s":
		for i := 0; i < len(w.b)-2; i++ {
			if isVowel(w.b[i]) {
				w.replace(1, "")
				return
			}
		}
	}
}

func (w *stemWord) step1b() {
	s := w.first(step1bSuffixes)
	switch s {
	case "":
		return
	case "eed", "eedly":
		if w.inR1(len(s)) {
			w.replace(len(s), "ee")
		}
		return
	}
	vowel := false
	for _, c := range w.b[:len(w.b)-len(s)] {
		if isVowel(c) {
			vowel = true
			break
		}
	}
	if !vowel {
		return
	}
	r1, r2 := w.r1, w.r2
	w.replace(len(s), "")
	switch t := w.first(step1bEndings); t {
	case "":
		if w.r1 >= len(w.b) && w.shortSyllable(len(w.b)) {
			w.b = w.b[:len(w.b)+1]
			w.b[len(w.b)-1] = 'e'
			w.r1, w.r2 = len(w.b), len(w.b)
			return
		}
	case "at", "bl", "iz":
		w.b = w.b[:len(w.b)+1]
		w.b[len(w.b)-1] = 'e'
	default: // a double
		w.b = w.b[:len(w.b)-1]
	}
	w.r1, w.r2 = min(r1, len(w.b)), min(r2, len(w.b))
}

// shortSyllable reports whether the word's first i bytes end in a short
// syllable.
func (w *stemWord) shortSyllable(i int) bool {
	switch {
	case i == 2:
		return isVowel(w.b[0]) && !isVowel(w.b[1])
	case i >= 3:
		s1, s2, s3 := w.b[i-1], w.b[i-2], w.b[i-3]
		return !isVowel(s1) && s1 != 'w' && s1 != 'x' && s1 != 'Y' && isVowel(s2) && !isVowel(s3)
	}
	return false
}

func (w *stemWord) step1c() {
	n := len(w.b)
	if n > 2 && (w.b[n-1] == 'y' || w.b[n-1] == 'Y') && !isVowel(w.b[n-2]) {
		w.b[n-1] = 'i'
	}
}

func (w *stemWord) step2() {
	s := w.first(step2Suffixes)
	if s == "" || !w.inR1(len(s)) {
		return
	}
	n := len(w.b)
	switch s {
	case "li":
		if n >= 3 {
			switch w.b[n-3] {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
				w.replace(2, "")
			}
		}
	case "ogi":
		if n >= 4 && w.b[n-4] == 'l' {
			w.replace(3, "og")
		}
	default:
		w.replace(len(s), step2Repl[s])
	}
}

func (w *stemWord) step3() {
	s := w.first(step3Suffixes)
	if s == "" || !w.inR1(len(s)) {
		return
	}
	if s == "ative" {
		if len(w.b)-w.r2 >= 5 {
			w.replace(5, "")
		}
		return
	}
	w.replace(len(s), step3Repl[s])
}

func (w *stemWord) step4() {
	s := w.first(step4Suffixes)
	if s == "" || len(s) > len(w.b)-w.r2 {
		return
	}
	if s == "ion" {
		if n := len(w.b); n >= 4 && (w.b[n-4] == 's' || w.b[n-4] == 't') {
			w.replace(3, "")
		}
		return
	}
	w.replace(len(s), "")
}

func (w *stemWord) step5() {
	last := len(w.b) - 1
	if w.r1 > last {
		return
	}
	switch {
	case w.b[last] == 'e':
		if w.r2 <= last || !w.shortSyllable(last) {
			w.replace(1, "")
		}
	case w.r2 <= last && w.b[last] == 'l' && last >= 1 && w.b[last-1] == 'l':
		w.replace(1, "")
	}
}
