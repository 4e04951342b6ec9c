package extract

import (
	"sort"
	"strings"
)

// resolver tracks who the story is about as it is read, so that "he" and
// "the minister" can be resolved by walking back.
type resolver struct {
	d    *doc
	last int   // the latest person who was a subject or a speaker
	hist []int // earlier subjects and speakers, latest last
}

// push records p as the latest subject.
func (r *resolver) push(p int) {
	if p < 0 {
		return
	}
	r.last = p
	r.hist = append(r.hist, p)
}

// pronoun walks back through the subjects to the latest one whose sex does
// not contradict the pronoun.
func (r *resolver) pronoun(w string) int {
	want := byte('m')
	if femaleWords[w] {
		want = 'f'
	}
	for i := len(r.hist) - 1; i >= 0 && len(r.hist)-i <= 8; i-- {
		p := r.hist[i]
		if sex := r.d.people[p].sex; sex == 0 || sex == want {
			return p
		}
	}
	return r.last
}

// subject notes the subject of sentence s, when it is a person.
func (r *resolver) subject(s int) {
	d := r.d
	i := d.wordAt(d.sents[s].Start)
	for n := 0; i < len(d.words) && d.sentAt(i) == s && n < 12; i, n = i+1, n+1 {
		if i > 0 && d.sentAt(i-1) == s && d.is(i-1, wPreposition) {
			continue
		}
		if p := r.np(i, true); p >= 0 {
			r.push(p)
			return
		}
		if d.is(i, wSpeechVerb) {
			return
		}
	}
}

// np resolves the noun phrase ending at word k to a person, or -1. With
// start set, k may also be the first word of a name.
func (r *resolver) np(k int, start bool) int {
	d := r.d
	w := d.lowAt(k)
	switch {
	case pronouns[w]:
		return r.pronoun(w)
	case start && d.capitalised(k):
		j := k
		for j+1 < len(d.words) && d.joined(j+1) && d.capitalised(j+1) {
			j++
		}
		if p, ok := d.personAt(j); ok {
			return p
		}
		if d.is(j, wRoleNoun) {
			return r.role(k, j)
		}
		return -1
	}
	if p, ok := d.personAt(k); ok {
		return p
	}
	if d.is(k, wRoleNoun) {
		a := k
		for a-1 >= 0 && k-a < 6 && d.joined(a) && !d.is(a-1, wPreposition) && !d.is(a-1, wSpeechVerb) {
			a--
			if determiners[d.lowAt(a)] {
				break
			}
		}
		return r.role(a, k)
	}
	return -1
}

// role resolves a role phrase (words a..k): to the one person the article
// gives that role, or else, for a spokesman or officials, to an unnamed
// source of that name.
func (r *resolver) role(a, k int) int {
	d := r.d
	if determiners[d.lowAt(a)] {
		a++
	}
	if a > k {
		return -1
	}
	var parts []string
	for i := a; i <= k; i++ {
		parts = append(parts, d.lowAt(i))
	}
	key := strings.Join(parts, " ")
	if key == "pm" {
		key = "prime minister"
	}
	if unnamedHeads[d.lowAt(k)] {
		for p, pe := range d.people {
			if pe.Unnamed && (strings.HasSuffix(pe.key, key) || strings.HasSuffix(key, pe.key)) {
				return p
			}
		}
		name := d.text[d.words[a].Start:d.words[k].End]
		nameKey := foldName(name)
		if kn, ok := d.knownByName(nameKey); ok {
			return d.knownPersonNamed(nameKey, kn) // a curated entry for this source
		}
		d.people = append(d.people, named(Person{Name: name, Unnamed: true}))
		return len(d.people) - 1
	}
	found := -1
	for p := range d.people {
		if pe := &d.people[p]; !pe.Unnamed && pe.Role != "" && strings.HasSuffix(pe.roleKey(), key) {
			if found >= 0 && found != p {
				return r.last // two holders: the one the story is about
			}
			found = p
		}
	}
	if found < 0 {
		if i := d.knownByRole(key); i >= 0 {
			found = d.knownPerson(i)
		}
	}
	return found
}

// knownPerson returns the person for known entry i, adding it if needed.
func (d *doc) knownPerson(i int) int {
	for p, pe := range d.people {
		if pe.KnownID == d.known[i].ID {
			return p
		}
	}
	d.people = append(d.people, named(Person{Name: d.known[i].Names[0], Role: d.known[i].Role, KnownID: d.known[i].ID}))
	return len(d.people) - 1
}

// attribute finds the speaker of quote q, which opens in sentence s: a
// speech verb right after the quote ("“…,” she said"), or else the last
// speech verb before it in the sentence ("X said: “…”", "X said it was “…”").
func (r *resolver) attribute(q qspan, s int) int {
	d := r.d
	if q.closed {
		if p, ok := r.after(q); ok {
			return p
		}
	}
	first := d.wordAt(d.sents[s].Start)
	for v := d.wordAt(q.open) - 1; v >= first && d.sentAt(v) == s; v-- {
		if d.is(v, wSpeechVerb) {
			return r.subjectOf(v)
		}
	}
	return -1
}

// after reads an attribution after a closing mark: "…,” he said",
// "…,” said the minister", "…,” the minister told reporters".
func (r *resolver) after(q qspan) (int, bool) {
	d := r.d
	i := d.wordAt(q.end + 1)
	if i >= len(d.words) || strings.TrimLeft(d.text[q.end:d.words[i].Start], "”\"’,.!?… ") != "" {
		return -1, false
	}
	// Only a quote that ends its clause is attributed by what follows:
	// "“…,” she said", not "“…” and X said".
	between := d.text[q.end:d.words[i].Start]
	inner := strings.TrimRight(d.text[q.start:q.end], " ")
	if !strings.ContainsAny(between, ",!?") && !strings.HasSuffix(inner, ",") && !strings.HasSuffix(inner, "?") && !strings.HasSuffix(inner, "!") {
		return -1, false
	}
	if d.is(i, wSpeechVerb) && i+1 < len(d.words) {
		j := i + 1
		for j+1 < len(d.words) && d.joined(j+1) && j-i < 6 && (!d.is(j, wRoleNoun) || d.possessive(j)) && !d.isName(j) {
			j++
		}
		return r.np(j, false), true
	}
	// "…,” Jane Doe, a member of the board, said": a name, its
	// appositive, then the verb.
	k := i
	for k+1 < len(d.words) && d.joined(k+1) && d.capitalised(k+1) {
		k++
	}
	if d.capitalised(i) && d.isName(k) && d.appositive(k) != "" {
		for j := k + 1; j < len(d.words) && j-k < 16 && d.sentAt(j) == d.sentAt(k); j++ {
			if d.is(j, wSpeechVerb) {
				return r.np(k, false), true
			}
		}
	}
	for j := i; j < len(d.words) && j-i < 6 && (j == i || d.joined(j)); j++ {
		if d.is(j, wSpeechVerb) && j > i {
			k := j - 1
			for k > i && adverbs[d.lowAt(k)] {
				k--
			}
			return r.np(k, false), true
		}
	}
	return -1, false
}

func (d *doc) possessive(j int) bool {
	w := d.word(j)
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

func (d *doc) isName(j int) bool {
	_, ok := d.personAt(j)
	return ok
}

// subjectOf resolves the subject of the speech verb at word v.
func (r *resolver) subjectOf(v int) int {
	d := r.d
	if participles[d.lowAt(v)] {
		if k := v - 1; k >= 0 && d.joined(v) {
			if p := r.np(k, false); p >= 0 {
				return p
			}
		}
		return r.last
	}
	k := v - 1
	for k >= 0 && d.joined(k+1) && adverbs[d.lowAt(k)] {
		k--
	}
	if k < 0 || d.sentAt(k) != d.sentAt(v) {
		return -1
	}
	if d.lowAt(k) == "who" && k > 0 && strings.Contains(d.gap(k), ",") {
		return r.np(k-1, false) // "X, who said …"
	}
	if strings.Contains(d.gap(k+1), ",") {
		// "X, the club's chairman, said" or "X, who said": the subject
		// stands before the opening comma.
		j := k
		for j > 0 && d.sentAt(j-1) == d.sentAt(v) && !strings.Contains(d.gap(j), ",") {
			j--
		}
		if j > 0 && d.sentAt(j-1) == d.sentAt(v) {
			if p := r.np(j-1, false); p >= 0 {
				return p
			}
		}
		if d.lowAt(k) == "who" {
			return -1
		}
	}
	return r.np(k, false)
}

// statementIntro returns the speaker when paragraph p ends "X said:", the
// way an official statement is introduced before it is given unmarked.
func (d *doc) statementIntro(p paragraph, r *resolver) int {
	if !strings.HasSuffix(strings.TrimSpace(d.text[p.start:p.end]), ":") {
		return -1
	}
	last := d.wordAt(p.end) - 1
	if last < 0 || !d.is(last, wSpeechVerb) {
		return -1
	}
	return r.subjectOf(last)
}

// statementGoesOn decides whether paragraph p is still the statement: the
// first paragraph after the intro always is; later ones while they speak in
// the first person.
//
// A paragraph with no name in it after its first word may also go on, when
// the one before spoke in the first person: statements stay abstract where
// the reporter's own text names people and places.
func (d *doc) statementGoesOn(p paragraph, first, prevFirstPerson bool) (goesOn, firstPerson bool) {
	text := d.text[p.start:p.end]
	if strings.ContainsAny(text, "“”\"") {
		return false, false
	}
	named := false
	for i := d.wordAt(p.start); i < len(d.words) && int(d.words[i].Start) < p.end; i++ {
		switch d.lowAt(i) {
		case "we", "our", "i", "us", "my":
			firstPerson = true
		}
		if int(d.words[i].Start) > p.start && d.capitalised(i) && !d.sentenceStart(i) {
			named = true
		}
	}
	return first || firstPerson || (prevFirstPerson && !named), firstPerson
}

func sortQuotes(qs []Quote) {
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
}
