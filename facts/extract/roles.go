package extract

import (
	"strings"

	"github.com/briefbot/briefbot/facts/prose"
)

// roleOf gives the role the text gives a name, and whether anything around
// the name marks it as a person: an appositive after it ("X, the club's
// chairman,"), a role phrase before it ("UN special envoy X"), a title in
// the run ("Defence Secretary X"), a byline or photo credit, or a speech
// verb after it.
func (d *doc) roleOf(r nameRun) (string, bool) {
	if role := d.appositive(r.last); role != "" {
		return role, true
	}
	start := r.first
	if len(r.title) > 0 {
		start = r.title[0]
	}
	if role := d.rolePhraseBefore(start); role != "" {
		return role, true
	}
	var title []string
	for _, k := range r.title {
		if !d.is(k, wHonorific) {
			title = append(title, d.word(k))
		}
	}
	if len(title) > 0 {
		return strings.Join(title, " "), true
	}
	if s := d.sentAt(r.first); s >= 0 {
		switch d.sents[s].Kind {
		case prose.Byline:
			return "reporter", true
		case prose.Caption:
			if credit := d.gap(start); strings.HasSuffix(strings.TrimSpace(credit), ":") && r.last+1 < len(d.words) && strings.HasPrefix(d.gap(r.last+1), "/") {
				return "photographer", true
			}
		}
	}
	if len(r.title) > 0 || d.speechAfter(r.last) {
		return "", true
	}
	return "", false
}

// appositive reads ", the head of the local council," after word i.
func (d *doc) appositive(i int) string {
	if i+1 >= len(d.words) || !strings.HasPrefix(d.gap(i+1), ",") || strings.TrimSpace(d.gap(i+1)) != "," {
		return ""
	}
	s := d.sentAt(i)
	first := i + 1
	hasRole, roleEnd := false, first
	k := first
	for ; k < len(d.words) && k-first < 12 && d.sentAt(k) == s; k++ {
		if k > first && strings.TrimSpace(d.gap(k)) != "" && !strings.HasPrefix(strings.TrimSpace(d.gap(k)), "’") {
			// The phrase ends at the next punctuation: keep it only if
			// that is a comma, a full stop or a colon.
			g := strings.TrimSpace(d.gap(k))
			if !hasRole || (g != "," && g != "." && g != ":") {
				return ""
			}
			return d.phrase(first, k-1)
		}
		if d.is(k, wSpeechVerb) && k > first {
			if hasRole && !d.is(k-1, wRoleNoun) && !unnamedHeads[d.lowAt(k-1)] {
				// "X, a member of the city council said": the
				// appositive runs up to the verb without a closing comma.
				return d.phrase(first, k-1)
			}
			return "" // "to X, the official said": a new clause, not an appositive
		}
		if k-first < 5 && (d.is(k, wRoleNoun) || d.is(k, wTitle)) {
			hasRole, roleEnd = true, k
		}
	}
	if hasRole && k > first && (k == len(d.words) || d.sentAt(k) != s) {
		return d.phrase(first, k-1) // the phrase ends the sentence: "By X, Science Editor"
	}
	if hasRole && k-first >= 12 {
		// Too long to keep whole ("campaign manager of a group lobbying
		// to …"): the role is its head.
		return d.phrase(first, roleEnd)
	}
	return ""
}

// phrase returns words a..b as written, without a leading article.
func (d *doc) phrase(a, b int) string {
	if a <= b && (d.lowAt(a) == "the" || d.lowAt(a) == "a" || d.lowAt(a) == "an") {
		a++
	}
	if a > b {
		return ""
	}
	return d.text[d.words[a].Start:d.words[b].End]
}

// rolePhraseBefore reads a lower-case role phrase ending just before word
// start ("UN special envoy", "vice president", "club chief").
func (d *doc) rolePhraseBefore(start int) string {
	k := start - 1
	// A capitalised role word before a name is part of its title, read by split.
	if k < 0 || !d.joined(start) || !d.is(k, wRoleNoun) || d.capitalised(k) {
		return ""
	}
	a := k
	for a-1 >= 0 && k-a < 3 && d.joined(a) {
		w := d.lowAt(a - 1)
		if determiners[w] || d.is(a-1, wPreposition|wSpeechVerb) || strings.HasSuffix(w, "ed") || d.is(a-1, wNotName) && !d.acronym(a-1) {
			break
		}
		a--
	}
	return d.text[d.words[a].Start:d.words[k].End]
}

// speechAfter reports whether a speech verb follows word i, allowing adverbs
// between ("X has also said").
func (d *doc) speechAfter(i int) bool {
	for k := i + 1; k < len(d.words) && k-i <= 3 && d.joined(k); k++ {
		if d.is(k, wSpeechVerb) {
			return true
		}
		if !adverbs[d.lowAt(k)] {
			return false
		}
	}
	return false
}
