package commands

import (
	"github.com/briefbot/briefbot/facts/search"
)

// matcher ranks texts by how many of a filter's words they contain, after
// stemming, so "meeting" finds "meets" and "sanction" finds "sanctions".
type matcher struct {
	stems []string
}

func newMatcher(q string) matcher {
	var m matcher
	seen := map[string]bool{}
	for _, t := range search.Tokens(q) {
		if t.Stem != "" && !seen[t.Stem] {
			seen[t.Stem] = true
			m.stems = append(m.stems, t.Stem)
		}
	}
	return m
}

func (m matcher) empty() bool { return len(m.stems) == 0 }

// score counts the filter's stems found in any of texts.
func (m matcher) score(texts ...string) int {
	found := make([]bool, len(m.stems))
	n := 0
	for _, t := range texts {
		for _, tok := range search.Tokens(t) {
			for i, s := range m.stems {
				if !found[i] && tok.Stem == s {
					found[i] = true
					n++
				}
			}
		}
		if n == len(m.stems) {
			break
		}
	}
	return n
}

// best keeps the indexes whose score is the highest found (and at least one),
// so a filter of several words still finds the closest items when no item
// has all of them.
func best(scores []int) []int {
	top := 0
	for _, s := range scores {
		top = max(top, s)
	}
	if top == 0 {
		return nil
	}
	var out []int
	for i, s := range scores {
		if s == top {
			out = append(out, i)
		}
	}
	return out
}
