package extract

import (
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/internal/workpool"
)

// Doc is one article for RunAll.
type Doc struct {
	Text      string
	Sentences []prose.Sentence
	// Words are prose.Words(Text), when the caller has them already: both
	// passes read them, and splitting a large corpus again costs memory.
	Words []prose.Span
	// First is the first-pass result of an earlier RunAll over the same
	// text with the same known people, when the caller kept it: the first
	// pass depends on nothing else, so a reload need not read the article
	// again.
	First *Result
}

// derived marks the ids RunAll gives people found in the first pass.
const derived = "~"

// RunAll extracts from every article in two passes. The second pass knows
// every person the first found in any article, so that a surname alone in
// one article ("Smith said") is recognised from the full name in another,
// and a person keeps the role another article gives them. Each person's
// Key is the same in every article: the curated id, or the folded name.
//
// workers is how many articles are read at once (at least one).
//
// It returns the results and, for the caller to keep, each article's first
// pass (see Doc.First).
func RunAll(docs []Doc, known []Known, workers int) (out, first []Result) {
	ix := newKnownIndex(known)
	first = workpool.Map(docs, workers, func(d Doc) Result {
		if d.First != nil {
			return *d.First
		}
		return run(d, ix)
	})
	out = runEach(docs, newKnownIndex(append(append([]Known(nil), known...), gather(first)...)), workers)
	for i := range out {
		r := out[i]
		for p := range r.People {
			pe := &r.People[p]
			switch {
			case strings.HasPrefix(pe.KnownID, derived):
				pe.Key, pe.KnownID = pe.KnownID, ""
			case pe.KnownID != "":
				pe.Key = pe.KnownID
			case pe.Unnamed:
				pe.Key = derived + "unnamed:" + foldName(pe.Name)
			default:
				pe.Key = derived + foldName(pe.Name)
			}
		}
	}
	return out, first
}

// runEach extracts from the articles with several workers: articles are
// read independently, and the index is shared read-only.
func runEach(docs []Doc, ix *knownIndex, workers int) []Result {
	return workpool.Map(docs, workers, func(d Doc) Result { return run(d, ix) })
}

// gather turns the people of a first pass into known entries: one per full
// name, with the role first given, its surname as an alias when no one else
// has it, and a one-word name that is a near spelling of that surname
// ("Smyth" for "Smith") folded in.
func gather(results []Result) []Known {
	byKey := map[string]int{}
	var out []Known
	var singles []Person
	for _, r := range results {
		for _, p := range r.People {
			if p.Unnamed || p.KnownID != "" {
				continue
			}
			key := foldName(p.Name)
			if !strings.Contains(key, " ") {
				singles = append(singles, p)
				continue
			}
			if i, ok := byKey[key]; ok {
				if out[i].Role == "" {
					out[i].Role = p.Role
				}
				continue
			}
			byKey[key] = len(out)
			out = append(out, Known{ID: derived + key, Names: []string{p.Name}, Role: p.Role})
		}
	}
	surnames := map[string][]int{}
	for i, k := range out {
		parts := strings.Fields(foldName(k.Names[0]))
		surnames[parts[len(parts)-1]] = append(surnames[parts[len(parts)-1]], i)
	}
	for s, idx := range surnames {
		if len(idx) == 1 {
			out[idx[0]].Names = append(out[idx[0]].Names, s)
		}
	}
	for _, p := range singles {
		w := foldName(p.Name)
		if idx := surnames[w]; len(idx) > 0 {
			continue // already an alias, or shared and so ambiguous
		}
		match := -1
		for s, idx := range surnames {
			// Variants of a surname keep its first letter and nearly its
			// length; checking that first keeps this pass linear in practice.
			if len(idx) != 1 || len(s) < 6 || s[0] != w[0] || len(s)-len(w) > 1 || len(w)-len(s) > 1 {
				continue
			}
			if levenshtein.ComputeDistance(s, w) == 1 {
				if match >= 0 {
					match = -2
					break
				}
				match = idx[0]
			}
		}
		if match >= 0 {
			out[match].Names = append(out[match].Names, p.Name)
		}
	}
	return out
}
