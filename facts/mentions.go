package facts

import (
	"crypto/sha256"
	"encoding/binary"
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

// mentionHit is one sentence of an article naming a person, by the
// person's place in the base's list of people.
type mentionHit struct {
	person, sentence int32
}

// docWords is what splitWords found in an article: its words, and the
// people it mentions when read for them; nil for an article not split.
type docWords struct {
	words prose.Packed
	hits  []mentionHit
	read  bool // hits holds the article's mentions
}

// splitWords splits every article into words, once, for mention finding,
// which it does as it goes, and both passes of extraction. An article a
// reload kept needs its words only if the curated people changed: its
// mentions and extraction are in its docWork. The words are held until
// extraction is done, at the peak of a load's memory: packed, in half the
// space. An article whose words do not pack has none, and is split again
// where needed.
func (b *Base) splitWords(key [sha256.Size]byte) []*docWords {
	byFirst := b.mentionsFor(key)
	return parallelWith(b.docs, b.workers, newWordScratch, func(sc *[]prose.WordSpan, d *Document) *docWords {
		read := needsMentions(d, key)
		if w := d.work; !read && w.second != nil {
			return nil // most of a reload's: an array of nils is small
		}
		out := &docWords{}
		*sc = prose.AppendWords((*sc)[:0], d.Text)
		out.words, _ = prose.Pack(*sc)
		if read {
			out.hits, out.read = docMentions(d, *sc, byFirst), true
		}
		return out
	})
}

// newWordScratch is a worker's array to split articles into words.
func newWordScratch() *[]prose.WordSpan { return new([]prose.WordSpan) }

// Mentions record, for every person, each sentence that names them by any
// of their names. A name in the text must start with a capital letter, so
// that an alias which is also an everyday word is not matched in lower
// case. splitWords finds an article's hits where it splits the article
// (see mentionsFor); addAllMentions then adds them to the people, in
// article order. An article whose docWork holds the hits of the people
// whose names hash to key is not read again.

// mentionsFor returns the alias forms to find mentions with when some
// article must be read for them, and nil when none need be.
func (b *Base) mentionsFor(key [sha256.Size]byte) map[string][]aliasForm {
	for _, d := range b.docs {
		if needsMentions(d, key) {
			return aliasForms(b.people)
		}
	}
	return nil
}

// needsMentions reports whether d must be read for the mentions of the
// people whose names hash to key.
func needsMentions(d *Document, key [sha256.Size]byte) bool {
	w := d.work
	return w == nil || w.mentionKey != key || !w.mentionsDone
}

// addAllMentions adds each article's hits to the people: found[i], when
// splitWords read article i for them, else those its work kept.
func (b *Base) addAllMentions(found []*docWords, key [sha256.Size]byte) {
	for i, d := range b.docs {
		if found[i] == nil || !found[i].read {
			addMentions(d, d.work.mentions, b.people)
			continue
		}
		if w := b.workOf(d); w != nil {
			w.mentions, w.mentionKey, w.mentionsDone = found[i].hits, key, true
		}
		addMentions(d, found[i].hits, b.people)
	}
}

func addMentions(d *Document, hits []mentionHit, people []*Person) {
	for _, h := range hits {
		p := people[h.person]
		p.Mentions = append(p.Mentions, Mention{Doc: d, Sentence: int(h.sentence)})
	}
}

// aliasForms indexes every name of every person by its first folded word.
func aliasForms(people []*Person) map[string][]aliasForm {
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
	return byFirst
}

// peopleKey identifies the names of a list of people, in order: mention
// hits found with one list hold for another with the same key.
func peopleKey(people []*Person) [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	for _, p := range people {
		for _, name := range p.Names() {
			binary.LittleEndian.PutUint64(n[:], uint64(len(name)))
			h.Write(n[:])
			h.Write([]byte(name))
		}
		h.Write([]byte{0})
	}
	var out [sha256.Size]byte
	copy(out[:], h.Sum(nil))
	return out
}

// docMentions finds the hits of one article.
func docMentions(d *Document, ws []prose.WordSpan, byFirst map[string][]aliasForm) []mentionHit {
	if len(byFirst) == 0 {
		return nil
	}
	var hits []mentionHit
	last := make(map[int]int, 8) // person -> last sentence recorded, to record each once
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(d.Text[w.Start:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		forms, _ := names.Lookup(byFirst, d.Text[w.Start:w.End])
		for _, f := range forms {
			if !matchesAt(d.Text, ws, i, f.words) {
				continue
			}
			s := d.SentenceAt(int(w.Start))
			if s < 0 {
				continue
			}
			if prev, ok := last[f.person]; ok && prev == s {
				continue
			}
			last[f.person] = s
			hits = append(hits, mentionHit{int32(f.person), int32(s)})
		}
	}
	return hits
}

func matchesAt(text string, ws []prose.WordSpan, i int, form []string) bool {
	if i+len(form) > len(ws) {
		return false
	}
	for k, fw := range form {
		w := ws[i+k]
		if !names.EqualKey(text[w.Start:w.End], fw) {
			return false
		}
		if k > 0 && strings.TrimSpace(text[ws[i+k-1].End:w.Start]) != "" {
			return false // a name does not run across punctuation
		}
	}
	return true
}
