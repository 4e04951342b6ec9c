package extract

import (
	"strings"

	"github.com/briefbot/briefbot/facts/names"
	"github.com/briefbot/briefbot/facts/prose"
)

// nameRun is a run of capitalised words split into its title part
// ("Defence Secretary", "Admiral Sir") and its name part ("John Smith").
type nameRun struct {
	first, last int // word range of the name part, inclusive
	title       []int
	honorific   bool
}

// findNames reads every run of capitalised words, decides which are people
// from the cues around them, and records each person and every mention.
func (d *doc) findNames() {
	// One-word names, resolved once full names are known; in the
	// worker's array, as most articles have some.
	single := d.sc.single[:0]
	for i := 0; i < len(d.words); {
		if d.sentAt(i) < 0 || !d.capitalised(i) {
			i++
			continue
		}
		j := i
		for j+1 < len(d.words) && d.joined(j+1) && (d.capitalised(j+1) || particle(d.lowAt(j+1)) && j+2 < len(d.words) && d.capitalised(j+2)) {
			if d.possessive(j) {
				break // "Labour's Jane Doe": the name starts after the owner's
			}
			j++
		}
		if r, ok := d.split(i, j); ok {
			if r.last > r.first {
				d.addRun(r)
			} else {
				single = append(single, r)
			}
		}
		i = j + 1
	}
	for _, r := range single {
		d.addSingle(r)
	}
	clear(single) // keeps no title alive
	d.sc.single = single
	d.bareSurnames()
}

func particle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "bin", "al", "da", "di", "du", "le", "la", "del", "ben", "dos", "ter":
		return true
	}
	return false
}

// split separates the title part of the run i..j from its name part.
func (d *doc) split(i, j int) (nameRun, bool) {
	for i <= j && (d.is(i, wNotName) || (d.sentenceStart(i) && strings.HasSuffix(d.lowAt(i), "ing"))) {
		i++
	}
	r := nameRun{first: i, last: j}
	for k := i; k <= j; k++ {
		// A role noun that opens a sentence is capitalised for that
		// alone ("Campaigner Jane Doe said"), and is her role, not her name.
		opener := k == i && k < j && d.sentenceStart(k) && d.is(k, wRoleNoun)
		if d.is(k, wHonorific) || d.is(k, wTitle) || d.lowAt(k) == "prime" || d.lowAt(k) == "vice" || opener {
			r.first = k + 1
		}
	}
	for k := i; k < r.first; k++ {
		r.title = append(r.title, k)
		r.honorific = r.honorific || d.is(k, wHonorific)
	}
	if r.first > r.last || r.last-r.first > 3 {
		return r, false
	}
	acronyms := true
	for k := r.first; k <= r.last; k++ {
		if d.is(k, wPlace) || d.is(k, wNotName) || isDigitWord(d.lowAt(k)) {
			return r, false
		}
		acronyms = acronyms && d.acronym(k) && len(d.word(k)) > 2
	}
	if acronyms && len(r.title) == 0 {
		return r, false
	}
	return r, true
}

func isDigitWord(w string) bool {
	for _, c := range w {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// nameText is the name part of a run, possessive dropped.
func (d *doc) nameText(r nameRun) string {
	s := d.text[d.words[r.first].Start:d.words[r.last].End]
	s = strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s")
	return s
}

// addRun records a name of two words or more, when some cue says it is a person.
func (d *doc) addRun(r nameRun) {
	name := d.nameText(r)
	if p, ok := d.seenPlain(name); ok {
		d.mention(p, r)
		return
	}
	key := foldName(name)
	if p, ok := d.byKey[key]; ok {
		d.mention(p, r)
		return
	}
	if r.first > 0 && d.joined(r.first) && orgNouns[d.lowAt(r.first-1)] && len(r.title) == 0 {
		return // "the fans' group X" names a group
	}
	role, cue := d.roleOf(r)
	k, known := d.knownByName(key)
	if known {
		cue = true
		if role == "" {
			role = d.knownRole(key, k)
		}
	}
	if !cue && !givenNames[d.lowAt(r.first)] {
		return
	}
	// The key is already folded: folding the name again costs as much.
	d.people = append(d.people, withKey(Person{Name: name, Role: role}, key))
	p := len(d.people) - 1
	d.byKey[key] = p
	if known {
		d.people[p].KnownID = d.known[k].ID
	}
	d.mention(p, r)
}

// seenPlain returns the person already named name, for a plain name
// (names.Plain), whose key is the name lower-cased: most runs repeat a
// name, and names.Lookup finds it without making its key.
func (d *doc) seenPlain(name string) (int, bool) {
	if !names.Plain(name) {
		return 0, false
	}
	return names.Lookup(d.byKey, name)
}

func (d *doc) newPerson(name, role string) int {
	d.people = append(d.people, named(Person{Name: name, Role: role}))
	return len(d.people) - 1
}

// named fills in the folded first and last words of a person's name.
func named(p Person) Person { return withKey(p, foldName(p.Name)) }

// withKey is named with the name's key, foldName(p.Name), given.
func withKey(p Person, key string) Person {
	p.key = key
	// The first and last fields, without the slice of them all.
	for f := range strings.FieldsSeq(key) {
		if p.first == "" {
			p.first = f
		}
		p.last = f
	}
	return p
}

func (d *doc) mention(p int, r nameRun) {
	span := prose.Span{Start: int(d.words[r.first].Start), End: int(d.words[r.last].End)}
	d.people[p].Mentions = append(d.people[p].Mentions, span)
	if d.people[p].sex == 0 {
		d.people[p].sex = d.sexOf(r)
	}
	d.nameAt[r.last] = int32(p)
	if d.people[p].Role == "" {
		d.people[p].Role, _ = d.roleOf(r)
	}
}

// addSingle records a one-word name ("Mr Smith", "President Smith", "Sir
// John"): a mention of a person already found whose surname (or, after Sir
// or Dame, first name) it is, or else a person of its own when titled.
func (d *doc) addSingle(r nameRun) {
	w := d.lowAt(r.first)
	if p, ok := d.bySurname(w, r.honorific); ok {
		d.mention(p, r)
		return
	}
	if k, ok := d.knownByName(w); ok {
		p := d.knownPersonNamed(w, k)
		d.byKey[foldName(d.known[k].Names[0])] = p
		d.mention(p, r)
		return
	}
	if len(r.title) == 0 {
		return
	}
	role, _ := d.roleOf(r)
	p := d.newPerson(d.nameText(r), role)
	d.byKey[w] = p
	d.mention(p, r)
}

// bySurname finds the person whose last name (or first name, after an
// honorific such as Sir) is w.
func (d *doc) bySurname(w string, honorific bool) (int, bool) {
	found := -1
	for p := range d.people {
		if d.people[p].Unnamed {
			continue
		}
		pe := &d.people[p]
		if pe.last == w || honorific && pe.first == w {
			if found >= 0 && found != p {
				return -1, false
			}
			found = p
		}
	}
	return found, found >= 0
}

// bareSurnames adds mentions by surname alone ("Smith said") of the people
// found, where the word is not already part of a name.
func (d *doc) bareSurnames() {
	for i := range d.words {
		if _, done := d.personAt(i); done || d.sentAt(i) < 0 || !d.capitalised(i) {
			continue
		}
		if i+1 < len(d.words) && d.joined(i+1) && d.capitalised(i+1) {
			continue
		}
		if i > 0 && d.joined(i) && d.capitalised(i-1) {
			continue
		}
		if p, ok := d.bySurname(d.lowAt(i), false); ok {
			d.mention(p, nameRun{first: i, last: i})
		} else if k, ok := d.knownByName(d.lowAt(i)); ok && !d.acronym(i) {
			d.mention(d.knownPersonNamed(d.lowAt(i), k), nameRun{first: i, last: i})
		}
	}
}

// sexOf reads a person's sex from an honorific or a common first name.
func (d *doc) sexOf(r nameRun) byte {
	for _, k := range r.title {
		switch {
		case maleWords[d.lowAt(k)]:
			return 'm'
		case femaleWords[d.lowAt(k)]:
			return 'f'
		}
	}
	if r.last > r.first {
		switch first := d.lowAt(r.first); {
		case femaleNames[first]:
			return 'f'
		case maleNames[first]:
			return 'm'
		}
	}
	return 0
}
