package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"

	"github.com/briefbot/briefbot/facts/search"
)

// roleKey is a job title reduced to what identifies it: the stems of its
// words, with synonyms made one ("PM" is "prime minister", "chief" is
// "head"), and the countries it names, whatever form they take ("French",
// "France's", "France").
type roleKey struct {
	words     []string
	countries []string
}

// parseRole reduces a role as written in an article or typed in a question.
func parseRole(text string) roleKey {
	var k roleKey
	toks := search.Tokens(text)
	surface := func(i int) string {
		w := strings.ToLower(strings.ReplaceAll(text[toks[i].Start:toks[i].End], "’", "'"))
		w = strings.TrimSuffix(w, "'s")
		return strings.TrimSuffix(w, "'")
	}
	for i := 0; i < len(toks); i++ {
		w := surface(i)
		if i+1 < len(toks) {
			if c, ok := countryForms[w+" "+surface(i+1)]; ok {
				k.countries = append(k.countries, c)
				i++
				continue
			}
		}
		if c, ok := countryForms[w]; ok {
			k.countries = append(k.countries, c)
			continue
		}
		if c, ok := countryForms[strings.TrimSuffix(w, "s")]; ok && strings.HasSuffix(w, "s") {
			k.countries = append(k.countries, c) // a possessive typed without its apostrophe
			continue
		}
		if roleFiller[w] {
			continue
		}
		if syn, ok := roleSynonyms[w]; ok {
			for _, t := range search.Tokens(syn) {
				k.words = appendNew(k.words, t.Stem)
			}
			continue
		}
		if toks[i].Stem != "" {
			k.words = appendNew(k.words, toks[i].Stem)
		}
	}
	return k
}

func appendNew(ws []string, w string) []string {
	for _, x := range ws {
		if x == w {
			return ws
		}
	}
	return append(ws, w)
}

// roleScore rates how well a person's role r answers a typed role q; ok is
// false when it does not. Every word of q must be in r (a typo of a long
// word allowed); a country q names must be r's when r names one. Fewer
// words of r left over is better.
func roleScore(q, r roleKey) (score int, ok bool) {
	if len(q.words) == 0 {
		return 0, false
	}
	for _, w := range q.words {
		if !hasWord(r.words, w) {
			return 0, false
		}
	}
	score = 10 * len(q.words)
	if len(q.countries) > 0 && len(r.countries) > 0 {
		shared := false
		for _, c := range q.countries {
			for _, rc := range r.countries {
				shared = shared || c == rc
			}
		}
		if !shared {
			return 0, false
		}
		score += 3
	}
	return score - (len(r.words) - len(q.words)), true
}

// hasWord reports whether ws holds w, or, for words of five letters or
// more, a word one edit away ("secretery").
func hasWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w || (len(w) >= 5 && len(x) >= 5 && mayBeOneEdit(w, x) && levenshtein.ComputeDistance(w, x) == 1) {
			return true
		}
	}
	return false
}

// mayBeOneEdit is false for words that cannot be one edit apart, which
// spares computing the distance of most pairs (that was nearly all the
// work of finding people by role): one edit changes the length by at
// most one character, and, in words of two characters or more, leaves
// the first or the last character as it was. Characters are compared as the distance compares them, decoded
// (an invalid byte as U+FFFD).
func mayBeOneEdit(w, x string) bool {
	if len(w) > utf8.UTFMax && len(x) > utf8.UTFMax && !sameEnd(w, x) {
		return false // two characters or more each, checked before counting them
	}
	n, m := utf8.RuneCountInString(w), utf8.RuneCountInString(x)
	switch {
	case n-m > 1 || m-n > 1:
		return false
	case n < 2 || m < 2:
		return true // the edit may be the only character
	}
	return sameEnd(w, x)
}

// sameEnd reports whether w and x have the same first or the same last
// character.
func sameEnd(w, x string) bool {
	a, _ := utf8.DecodeRuneInString(w)
	b, _ := utf8.DecodeRuneInString(x)
	if a == b {
		return true
	}
	a, _ = utf8.DecodeLastRuneInString(w)
	b, _ = utf8.DecodeLastRuneInString(x)
	return a == b
}

// roleTexts are the roles a person is known by: the curated role, the
// roles the articles give them, and the titles in their aliases ("French
// President Jane Doe" gives "French President").
func roleTexts(p *Person) []string {
	out := make([]string, 0, 2+len(p.Roles))
	if p.Role != "" {
		out = append(out, p.Role)
	}
	out = append(out, p.Roles...)
	nameWords := map[string]bool{}
	for _, t := range search.Tokens(p.Name) {
		nameWords[strings.ToLower(p.Name[t.Start:t.End])] = true
	}
	for _, a := range p.Aliases {
		var title []string
		for _, t := range search.Tokens(a) {
			if w := a[t.Start:t.End]; !nameWords[strings.ToLower(w)] {
				title = append(title, w)
			}
		}
		if len(title) > 0 {
			out = append(out, strings.Join(title, " "))
		}
	}
	return out
}

// indexRoles parses every person's roles, once, taking those parsed
// already from known (the previous base's), which may be nil.
func (b *Base) indexRoles(known map[string]roleKey) {
	b.roleKeys = make([][]roleKey, len(b.people))
	b.roleParsed = make(map[string]roleKey, len(known))
	for i, p := range b.people {
		for _, r := range roleTexts(p) {
			k, ok := known[r]
			if !ok {
				k = parseRole(r)
			}
			b.roleParsed[r] = k
			if len(k.words) > 0 {
				b.roleKeys[i] = append(b.roleKeys[i], k)
			}
		}
	}
	b.rolesBuilt.Store(true)
}

// carryRoles builds the role index at load time when prev had built
// its own (the bot was asked about roles): otherwise the first such
// question after each reload would wait for it.
func (b *Base) carryRoles(prev *Base) {
	if prev != nil && prev.rolesBuilt.Load() {
		b.roleOnce.Do(func() { b.indexRoles(prev.roleParsed) })
	}
}

// PeopleByRole returns the people whose role best answers a typed role
// ("the defence secretary", "Britain's PM", "the French president"), in
// base order, curated people first. Several come back when they hold the
// role equally well (two countries' defence ministers); none when no one's
// role holds every word of the query.
func (b *Base) PeopleByRole(role string) []*Person {
	q := parseRole(role)
	if len(q.words) == 0 {
		return nil
	}
	b.roleOnce.Do(func() { b.indexRoles(nil) })
	best := 0
	var out []*Person
	for i, keys := range b.roleKeys {
		top, any := 0, false
		for _, k := range keys {
			if s, ok := roleScore(q, k); ok && (!any || s > top) {
				top, any = s, true
			}
		}
		switch {
		case !any:
		case len(out) == 0 || top > best:
			best, out = top, append(out[:0], b.people[i])
		case top == best:
			out = append(out, b.people[i])
		}
	}
	return out
}
