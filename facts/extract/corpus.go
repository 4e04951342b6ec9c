package extract

import (
	"crypto/sha256"
	"encoding/binary"
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
	// First and Second are the passes' results of an earlier RunAll over
	// the same text, when the caller kept them (see Passes): the first
	// pass depends on the text and the known people only, the second on
	// the text and every person the first pass found anywhere, so a reload
	// need not read again an article whose inputs did not change.
	First, Second *Result
	// FirstKey and SecondKey are the keys Passes gave them.
	FirstKey, SecondKey Key
}

// derived marks the ids RunAll gives people found in the first pass.
const derived = "~"

// Key identifies the people a pass knew: a pass's result is valid for
// another run with the same key.
type Key [sha256.Size]byte

// keyOf hashes a list of known people.
func keyOf(known []Known) Key {
	h := sha256.New()
	var n [8]byte
	field := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	for _, k := range known {
		field(k.ID)
		field(k.Role)
		for _, name := range k.Names {
			field(name)
		}
		field("\x00")
	}
	var out Key
	copy(out[:], h.Sum(nil))
	return out
}

// Passes is what RunAll did to each article, for a caller to keep and
// hand back as Doc.First and Doc.Second on the next run.
type Passes struct {
	First, Second       []*Result
	FirstKey, SecondKey Key
}

// RunAll extracts from every article in two passes. The second pass knows
// every person the first found in any article, so that a surname alone in
// one article ("Smith said") is recognised from the full name in another,
// and a person keeps the role another article gives them. Each person's
// Key is the same in every article: the curated id, or the folded name.
//
// workers is how many articles are read at once (at least one). An
// article's earlier pass (Doc.First, Doc.Second) is used instead of
// reading it again when its key is this run's.
func RunAll(docs []Doc, known []Known, workers int) ([]Result, Passes) {
	ps := Passes{FirstKey: keyOf(known)}
	ix := newKnownIndex(known)
	ps.First = workpool.Map(docs, workers, func(d Doc) *Result {
		if d.First != nil && d.FirstKey == ps.FirstKey {
			return d.First
		}
		r := run(d, ix)
		return &r
	})
	first := make([]Result, len(ps.First))
	for i, r := range ps.First {
		first[i] = *r
	}
	all := append(append([]Known(nil), known...), gather(first)...)
	ps.SecondKey = keyOf(all)
	ix = newKnownIndex(all)
	ps.Second = workpool.Map(docs, workers, func(d Doc) *Result {
		if d.Second != nil && d.SecondKey == ps.SecondKey {
			return d.Second // keyed already, and shared: not to be changed
		}
		r := run(d, ix)
		setKeys(&r)
		return &r
	})
	out := make([]Result, len(ps.Second))
	for i, r := range ps.Second {
		out[i] = *r
	}
	return out, ps
}

// setKeys gives each person of a second-pass result the key that is the
// same in every article: the curated id, or the folded name.
func setKeys(r *Result) {
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
