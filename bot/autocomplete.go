package bot

import (
	"strings"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
	"github.com/bwmarrin/discordgo"
)

// served is the fact base being served with what the bot derives from it
// once: the articles' autocomplete keys. It is swapped whole on reload.
type served struct {
	base    *facts.Base
	sources []sourceKey
}

// sourceKey is an article as autocomplete matches it.
type sourceKey struct {
	id, idLower, text string // text: title and outlet, lowercased
	choice            string // what the user sees in the list
}

func newServed(b *facts.Base) *served {
	s := &served{base: b}
	for _, d := range b.Docs() {
		if runes(d.ID) > maxChoice {
			continue // not a value Discord can send back; /sources lists it
		}
		label := d.ID
		for _, part := range []string{d.Outlet, d.Published.String(), d.Title} {
			if part != "" {
				label += " — " + part
			}
		}
		s.sources = append(s.sources, sourceKey{id: d.ID, idLower: strings.ToLower(d.ID),
			text: strings.ToLower(d.Title + " " + d.Outlet), choice: commands.Ellipsis(plain(label), maxChoice)})
	}
	return s
}

// complete answers an autocomplete request for the option kind, ranked best
// first, 25 at most, from memory.
func (s *served) complete(kind commands.Complete, typed string) []*discordgo.ApplicationCommandOptionChoice {
	out := []*discordgo.ApplicationCommandOptionChoice{}
	switch kind {
	case commands.CompletePerson:
		for _, p := range s.base.CompletePeople(typed, maxChoices) {
			name := p.Name
			if p.Role != "" {
				name += " — " + p.Role
			}
			if v := personValue(p); v != "" {
				out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: commands.Ellipsis(plain(name), maxChoice), Value: v})
			}
		}
	case commands.CompleteSource:
		for _, k := range s.completeSources(typed) {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: k.choice, Value: k.id})
		}
	}
	return out
}

// personValue is the name sent back when a person is chosen: the display
// name, or the shortest name of theirs that fits in a choice value.
func personValue(p *facts.Person) string {
	best := ""
	for i, n := range p.Names() {
		n = plain(n)
		if n == "" || runes(n) > maxChoice {
			continue
		}
		if i == 0 {
			return n
		}
		if best == "" || runes(n) < runes(best) {
			best = n
		}
	}
	return best
}

// completeSources ranks articles for a typed id or title: an id prefix
// first, then an id containing the text, then a title or outlet word
// starting with it, then title or outlet containing it, then ids and titles
// holding its letters in order. Ties keep id order, so once 25 articles
// rank at or above a level, nothing at that level or below can enter and is
// not even tested: the common case of a prefix stops early.
func (s *served) completeSources(typed string) []sourceKey {
	q := strings.ToLower(strings.TrimSpace(typed))
	if q == "" {
		return s.sources[:min(len(s.sources), maxChoices)]
	}
	const levels = 7
	var buckets [levels][]sourceKey
	floor := 1 // the lowest score that can still enter
	for _, k := range s.sources {
		score := sourceScore(k, q, floor)
		if score < floor {
			continue
		}
		buckets[score] = append(buckets[score], k)
		// Raise the floor past every level already holding 25 at or above it.
		n := 0
		for lv := levels - 1; lv >= floor; lv-- {
			n += len(buckets[lv])
			if n >= maxChoices {
				floor = lv + 1
				break
			}
		}
		if floor >= levels {
			break
		}
	}
	out := make([]sourceKey, 0, maxChoices)
	for lv := levels - 1; lv >= 1 && len(out) < maxChoices; lv-- {
		out = append(out, buckets[lv][:min(len(buckets[lv]), maxChoices-len(out))]...)
	}
	return out
}

// sourceScore ranks one article for q, testing no level below floor.
func sourceScore(k sourceKey, q string, floor int) int {
	switch {
	case k.idLower == q:
		return 6
	case floor <= 5 && strings.HasPrefix(k.idLower, q):
		return 5
	case floor <= 4 && strings.Contains(k.idLower, q):
		return 4
	case floor <= 3 && wordPrefix(k.text, q):
		return 3
	case floor <= 2 && strings.Contains(k.text, q):
		return 2
	case floor <= 1 && (subsequence(k.idLower, q) || subsequence(k.text, q)):
		return 1
	}
	return 0
}

func wordPrefix(text, q string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], q)
		if j < 0 {
			return false
		}
		if i+j == 0 || text[i+j-1] == ' ' {
			return true
		}
		i += j + 1
	}
}

// subsequence reports whether q's letters appear in s in order.
func subsequence(s, q string) bool {
	for _, r := range q {
		i := strings.IndexRune(s, r)
		if i < 0 {
			return false
		}
		s = s[i+len(string(r)):]
	}
	return true
}
