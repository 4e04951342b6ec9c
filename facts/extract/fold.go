package extract

import (
	"strings"

	"github.com/briefbot/briefbot/facts/names"
	"github.com/briefbot/briefbot/facts/prose"
)

// fold lower-cases a word and drops a possessive ending. It runs on every
// word of every article, so a word that is already plain lower-case ASCII
// is returned as it is, with no allocation.
func fold(w string) string {
	if !needsFold(w) {
		return w
	}
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	return strings.TrimSuffix(w, "'s")
}

// needsFold reports whether fold may change w: it is not plain
// lower-case ASCII.
func needsFold(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c >= 'A' && c <= 'Z' || c == '\'' {
			return true
		}
	}
	return false
}

// appendFold writes fold(w) to b, for a word that needsFold; for the
// capitalised ASCII words that most of those are, without an allocation.
func appendFold(b *strings.Builder, w string) {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			b.WriteString(fold(w))
			return
		}
	}
	if len(w) >= 2 && w[len(w)-2] == '\'' && w[len(w)-1]|0x20 == 's' {
		w = w[:len(w)-2]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// foldName is a name's key: each word with its possessive dropped, then
// the one name key of the names package, so that extraction, the loader,
// mentions and the name index agree on when two names are one.
func foldName(n string) string {
	if names.Plain(n) {
		// Each word folds to itself lower-cased, and the words joined
		// are what names.Key lower-cases: no splitting and joining, which
		// allocated a fifth of a cold load's objects.
		return names.Key(n)
	}
	var parts []string
	for _, w := range prose.Words(n) {
		parts = append(parts, fold(n[w.Start:w.End]))
	}
	return names.Key(strings.Join(parts, " "))
}
