package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/names"

	"github.com/briefbot/briefbot/facts/prose"
)

// aliasForm is one way of writing a person's name, as folded words.
type aliasForm struct {
	person int
	words  []string
}

// findMentions records, for every person, each sentence that names them by
// any of their names. A name in the text must start with a capital letter, so
// that an alias which is also an everyday word is not matched in lower case.
//
// words holds prose.Words of each article's text.
func findMentions(docs []*Document, words [][]prose.Span, people []*Person) {
	byFirst := map[string][]aliasForm{}
	for pi, p := range people {
		for _, n := range p.Names() {
			ws := prose.Words(n)
			if len(ws) == 0 {
				continue
			}
			f := aliasForm{person: pi}
			for _, w := range ws {
				f.words = append(f.words, names.Key(n[w.Start:w.End]))
			}
			byFirst[f.words[0]] = append(byFirst[f.words[0]], f)
		}
	}
	if len(byFirst) == 0 {
		return
	}
	for di, d := range docs {
		ws := words[di]
		last := make(map[int]int, 8) // person -> last sentence recorded, to record each once
		for i, w := range ws {
			r, _ := utf8.DecodeRuneInString(d.Text[w.Start:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				continue
			}
			forms := byFirst[names.Key(d.Text[w.Start:w.End])]
			for _, f := range forms {
				if !matchesAt(d.Text, ws, i, f.words) {
					continue
				}
				s := d.SentenceAt(w.Start)
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

func matchesAt(text string, ws []prose.Span, i int, form []string) bool {
	if i+len(form) > len(ws) {
		return false
	}
	for k, fw := range form {
		w := ws[i+k]
		if names.Key(text[w.Start:w.End]) != fw {
			return false
		}
		if k > 0 && strings.TrimSpace(text[ws[i+k-1].End:w.Start]) != "" {
			return false // a name does not run across punctuation
		}
	}
	return true
}
