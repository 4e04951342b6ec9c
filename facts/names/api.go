package names

// Find ranks entries for a query typed by a person: best first, at most
// limit (none if limit <= 0). Entries whose every query word matches one of
// their names' words (exactly, as a prefix, or within the typo tolerance)
// come first; then, while room is left, entries matching only some of the
// words, then entries matching only as a fuzzy subsequence. Titles in the
// query are ignored when other words remain.
func (ix *Index) Find(query string, limit int) []Match {
	if limit <= 0 {
		return nil
	}
	cands, _ := ix.search(query, modeFind, limit)
	return ix.matches(cands, limit)
}

// Resolve returns the single entry the query confidently means, or ok=false
// (then Find gives suggestions).
//
// Only strong candidates count: entries for which every query word equals,
// is within the typo tolerance of (0 edits when the shorter of the two
// words has up to 3 letters, 1 up to 6, 2 beyond), or is a prefix of at
// least 4 letters and half the length of a word of one name, or whose whole
// name is within tolerance once spaces are dropped. Fuzzy subsequence matches and short prefixes never resolve. The
// best strong candidate is confident when it is the only one, when it is an
// exact name (after folding) and the runner-up is not, or when its score
// leads the runner-up's by at least 150, about the gap between an exact
// word and a one-edit typo of it. "john" with both John Smith and John Jones
// therefore stays unresolved.
func (ix *Index) Resolve(query string) (m Match, ok bool) {
	cands, _ := ix.search(query, modeResolve, 2)
	if len(cands) == 0 {
		return Match{}, false
	}
	best := cands[0]
	if len(cands) > 1 {
		second := cands[1]
		if !(best.exact && !second.exact) && best.score-second.score < resolveMargin {
			return Match{}, false
		}
	}
	return ix.toMatch(best), true
}

// Complete serves Discord autocomplete: up to limit (at most MaxComplete)
// matches for a partial name, best first. The last word is taken as still
// being typed unless the input ends in a space, so any prefix of a word
// ranks high. An empty prefix returns the first entries alphabetically by
// display name, with score 0.
func (ix *Index) Complete(prefix string, limit int) []Match {
	limit = min(limit, MaxComplete)
	if limit <= 0 {
		return nil
	}
	cands, ok := ix.search(prefix, modeComplete, limit)
	if ok {
		return ix.matches(cands, limit)
	}
	out := make([]Match, 0, min(limit, len(ix.alpha)))
	for _, e := range ix.alpha[:min(limit, len(ix.alpha))] {
		out = append(out, Match{ID: ix.entries[e].id, Name: ix.entries[e].display, Alias: ix.entries[e].display})
	}
	return out
}

// matches reports at most limit candidates as Matches.
func (ix *Index) matches(cands []cand, limit int) []Match {
	if len(cands) == 0 {
		return nil
	}
	cands = cands[:min(len(cands), limit)]
	out := make([]Match, len(cands))
	for i, c := range cands {
		out[i] = ix.toMatch(c)
	}
	return out
}
