package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a run of letters, digits and inner apostrophes or hyphens.
type word struct{ start, end int }

// words splits text into words; it is shared by mention finding and extraction.
func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '.') {
			// Keep "O'Brien", "Barrow-in-Furness" and "J.D." whole when the
			// next character carries the word on.
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next) || unicode.IsDigit(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text)})
	}
	return out
}

// nameKey folds a word for name comparison.
func nameKey(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
}

// aliasForm is one way of writing a person's name, as folded words.
type aliasForm struct {
	person int
	words  []string
}

// findMentions records, for every person, each sentence that names them by
// any of their names. A name in the text must start with a capital letter, so
// that an alias which is also an everyday word is not matched in lower case.
func findMentions(docs []*Document, people []*Person) {
	byFirst := map[string][]aliasForm{}
	for pi, p := range people {
		for _, n := range p.Names() {
			ws := words(n)
			if len(ws) == 0 {
				continue
			}
			f := aliasForm{person: pi}
			for _, w := range ws {
				f.words = append(f.words, nameKey(n[w.start:w.end]))
			}
			byFirst[f.words[0]] = append(byFirst[f.words[0]], f)
		}
	}
	if len(byFirst) == 0 {
		return
	}
	for _, d := range docs {
		ws := words(d.Text)
		last := make(map[int]int, 8) // person -> last sentence recorded, to record each once
		for i, w := range ws {
			r, _ := utf8.DecodeRuneInString(d.Text[w.start:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				continue
			}
			forms := byFirst[nameKey(d.Text[w.start:w.end])]
			for _, f := range forms {
				if !matchesAt(d.Text, ws, i, f.words) {
					continue
				}
				s := d.SentenceAt(w.start)
				if s < 0 {
					continue
				}
				if prev, ok := last[f.person]; ok && prev == s {
					continue
				}
				last[f.person] = s
				p := people[f.person]
				p.Mentions = append(p.Mentions, Mention{Doc: d, Sentence: s})
			}
		}
	}
}

func matchesAt(text string, ws []word, i int, form []string) bool {
	if i+len(form) > len(ws) {
		return false
	}
	for k, fw := range form {
		w := ws[i+k]
		if nameKey(text[w.start:w.end]) != fw {
			return false
		}
		if k > 0 && strings.TrimSpace(text[ws[i+k-1].end:w.start]) != "" {
			return false // a name does not run across punctuation
		}
	}
	return true
}
