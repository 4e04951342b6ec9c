package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/prose"
)

// Document is one article: its text as published and its metadata.
type Document struct {
	ID        string // file name without .txt
	File      string // display path, for messages
	Title     string
	Outlet    string
	Author    string
	URL       string
	Published Date
	HasMeta   bool   // sources.yaml describes it
	Text      string // the article, valid UTF-8 (see decodeText)
	Sentences []prose.Sentence
	work      *docWork // what reading it cost, for a reload to reuse
}

// Label names the article for a Sources block: outlet (or title) and date.
func (d *Document) Label() string {
	name := d.Outlet
	if name == "" {
		name = d.Title
	}
	if d.Published.IsZero() {
		return name
	}
	return name + ", " + d.Published.String()
}

// SentenceAt returns the index of the sentence holding byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Sentences[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// Furniture says what sentence i is when it is not part of the story
// ("headline", "caption", "byline", "furniture"), or "" when it is.
func (d *Document) Furniture(i int) string {
	if k := d.Sentences[i].Kind; k != prose.Story {
		return k.String()
	}
	return ""
}

// StorySentences counts the sentences of the story itself.
func (d *Document) StorySentences() int {
	n := 0
	for _, s := range d.Sentences {
		if s.Kind == prose.Story {
			n++
		}
	}
	return n
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// windows1252 maps the bytes 0x80–0x9F, where Windows-1252 differs from Latin-1.
var windows1252 = [32]rune{
	'€', utf8.RuneError, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', utf8.RuneError, 'Ž', utf8.RuneError,
	utf8.RuneError, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', utf8.RuneError, 'ž', 'Ÿ',
}

// decodeText returns raw as valid UTF-8 and the byte offset of the first
// invalid byte (or -1). A byte that is not part of valid UTF-8 is read as
// Windows-1252, the usual cause of such bytes in news text (0xA3 is "£"), so
// the text stays as close as can be to what was published. Valid files are
// returned unchanged, so citation offsets are offsets into the file itself.
func decodeText(raw []byte) (string, int) {
	if utf8.Valid(raw) {
		return string(raw), -1
	}
	var b strings.Builder
	b.Grow(len(raw) + 16)
	first := -1
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = i
			}
			c := raw[i]
			switch {
			case c >= 0x80 && c < 0xA0:
				b.WriteRune(windows1252[c-0x80])
			default:
				b.WriteRune(rune(c))
			}
			i++
			continue
		}
		b.Write(raw[i : i+size])
		i += size
	}
	return b.String(), first
}
