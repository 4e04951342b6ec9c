package commands

import (
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
)

// Choice is one autocomplete suggestion: what the user sees, and the value
// the option gets when it is picked.
type Choice struct {
	Name, Value string
}

// sourceKey is an article as autocomplete matches it.
type sourceKey struct {
	id, idLower, text string // text: title and outlet, lowercased
	label             string // what the user sees in the list
}

func newServed(b *facts.Base) *served {
	s := &served{base: b}
	if b == nil {
		return s // a story not loaded yet
	}
	for _, d := range b.Docs() {
		label := d.ID
		for _, part := range []string{d.Outlet, d.Published.String(), d.Title} {
			if part != "" {
				label += " — " + part
			}
		}
		s.sources = append(s.sources, sourceKey{id: d.ID, idLower: strings.ToLower(d.ID),
			text: strings.ToLower(d.Title + " " + d.Outlet), label: label})
	}
	return s
}

// Complete answers an autocomplete request for an option of the given kind
// while req (its options as typed so far, and its place) is being written:
// at most limit choices, best first, from memory, from the story req is
// for. A choice whose value is longer than maxValue characters cannot be
// sent back by the client, so a person is offered under their shortest
// name that fits, and an article whose id does not fit is left out
// (/sources lists it).
func (s *Service) Complete(req Request, kind Complete, typed string, limit, maxValue int) []Choice {
	st, err := s.storyFor(req)
	if err != nil {
		// The story option is still being written: offer from the
		// story of the place meanwhile.
		req.Options = nil
		st, _ = s.storyFor(req)
	}
	sv := st.served.Load()
	out := []Choice{}
	if sv.base == nil && kind != CompleteStory {
		return out
	}
	switch kind {
	case CompleteStory:
		out = append(out, s.completeStories(typed, limit, req.Command == reloadCommand)...)
	case CompletePerson:
		for _, p := range sv.base.CompletePeople(typed, limit) {
			name := p.Name
			if p.Role != "" {
				name += " — " + p.Role
			}
			if v := personValue(p, maxValue); v != "" {
				out = append(out, Choice{Name: name, Value: v})
			}
		}
	case CompleteSource:
		for _, k := range sv.completeSources(typed, limit, maxValue) {
			out = append(out, Choice{Name: k.label, Value: k.id})
		}
	}
	return out
}

// personValue is the name sent back when a person is chosen: the display
// name, or the shortest name of theirs that fits maxValue.
func personValue(p *facts.Person, maxValue int) string {
	best := ""
	for i, n := range p.Names() {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" || utf8.RuneCountInString(n) > maxValue {
			continue
		}
		if i == 0 {
			return n
		}
		if best == "" || utf8.RuneCountInString(n) < utf8.RuneCountInString(best) {
			best = n
		}
	}
	return best
}

// completeSources ranks articles for a typed id or title: an id prefix
// first, then an id containing the text, then a title or outlet word
// starting with it, then title or outlet containing it, then ids and titles
// holding its letters in order. Ties keep id order, so once limit articles
// rank at or above a level, nothing at that level or below can enter and is
// not even tested: the common case of a prefix stops early.
func (s *served) completeSources(typed string, limit, maxValue int) []sourceKey {
	q := strings.ToLower(strings.TrimSpace(typed))
	const levels = 7
	var buckets [levels][]sourceKey
	floor := 1 // the lowest score that can still enter
	for _, k := range s.sources {
		if utf8.RuneCountInString(k.id) > maxValue {
			continue
		}
		score := levels - 1 // an empty query takes articles in id order
		if q != "" {
			score = sourceScore(k, q, floor)
		}
		if score < floor {
			continue
		}
		buckets[score] = append(buckets[score], k)
		// Raise the floor past every level already holding limit at or above it.
		n := 0
		for lv := levels - 1; lv >= floor; lv-- {
			n += len(buckets[lv])
			if n >= limit {
				floor = lv + 1
				break
			}
		}
		if floor >= levels {
			break
		}
	}
	out := make([]sourceKey, 0, limit)
	for lv := levels - 1; lv >= 1 && len(out) < limit; lv-- {
		out = append(out, buckets[lv][:min(len(buckets[lv]), limit-len(out))]...)
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
