package extract

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/briefbot/briefbot/facts/internal/pool"
	"github.com/briefbot/briefbot/facts/prose"
)

// Doc is one article for RunAll.
type Doc struct {
	Text      string
	Sentences []prose.Sentence
	// Words are prose.Words(Text), when the caller has them already: both
	// passes read them, and splitting a large corpus again costs memory.
	Words []prose.WordSpan
	// Packed are the words packed, read when Words is nil: a caller that
	// holds the words of a whole corpus holds them in half the memory.
	Packed prose.Packed
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
	second              *knownIndex // the people the second pass knew
	first               []*Result   // First, kept by Trim
}

// Trim returns ps without the per-article results, which the caller keeps
// per article: what a later RunAll needs as prev. It keeps which first
// passes there were, so that a run whose first passes are the same ones
// knows the second pass's people without gathering them again.
func (ps Passes) Trim() Passes {
	ps.first = ps.First
	ps.First, ps.Second = nil, nil
	return ps
}

// RunAll extracts from every article in two passes. The second pass knows
// every person the first found in any article, so that a surname alone in
// one article ("Smith said") is recognised from the full name in another,
// and a person keeps the role another article gives them. Each person's
// Key is the same in every article: the curated id, or the folded name.
//
// workers is how many articles are read at once (at least one). An
// article's earlier pass (Doc.First, Doc.Second) is used instead of
// reading it again when its key is this run's, or, for the second pass,
// when its key is prev's and none of the names and roles it looked up
// resolves differently now: prev is the Passes of the run the articles'
// second passes come from (zero for none).
func RunAll(docs []Doc, known []Known, workers int, prev Passes) ([]Result, Passes) {
	ps := Passes{FirstKey: keyOf(known)}
	ix := newKnownIndex(known)
	ps.First = pool.MapWith(docs, workers, newScratch, func(sc *scratch, d Doc) *Result {
		if d.First != nil && d.FirstKey == ps.FirstKey {
			return d.First
		}
		r := findPeople(d, ix, sc)
		return &r
	})
	if prev.second != nil && ps.FirstKey == prev.FirstKey && sameGathered(ps.First, prev.first) {
		// First passes that give gather the same people, in the same
		// order: the same people to know, without gathering them again.
		ps.SecondKey, ps.second = prev.SecondKey, prev.second
	} else {
		all := append(append([]Known(nil), known...), gather(ps.First)...)
		ps.SecondKey = keyOf(all)
		ps.second = newKnownIndex(all)
		ps.second.record = true
	}
	ix = ps.second
	var changed []uint32
	if prev.second != nil && prev.SecondKey != ps.SecondKey {
		changed = changedLookups(prev.second, ix)
	}
	ps.Second = pool.MapWith(docs, workers, newScratch, func(sc *scratch, d Doc) *Result {
		switch {
		case d.Second == nil:
		case d.SecondKey == ps.SecondKey,
			prev.second != nil && d.SecondKey == prev.SecondKey && !touches(d.Second.looked, changed):
			return d.Second // keyed already, and shared: not to be changed
		}
		r := run(d, ix, sc)
		setKeys(&r)
		return &r
	})
	out := make([]Result, len(ps.Second))
	for i, r := range ps.Second {
		out[i] = *r
	}
	return out, ps
}

// sameGathered reports whether the first passes a and b give gather the
// same people in the same order: article by article, the same result, or
// people of the same names, roles and curated ids. An article changed in
// a way that names no one new (most edits) leaves them so.
func sameGathered(a, b []*Result) bool {
	if len(a) != len(b) {
		return false
	}
	for i, r := range a {
		if r == b[i] {
			continue
		}
		if r == nil || b[i] == nil || len(r.People) != len(b[i].People) {
			return false
		}
		for pi := range r.People {
			p, q := &r.People[pi], &b[i].People[pi]
			if p.Name != q.Name || p.Role != q.Role || p.KnownID != q.KnownID || p.Unnamed != q.Unnamed {
				return false
			}
		}
	}
	return true
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
func gather(results []*Result) []Known {
	out, singles := fullNames(results)
	surnames := map[string][]int{}
	for i, k := range out {
		parts := strings.Fields(k.ID[len(derived):]) // the folded name
		surnames[parts[len(parts)-1]] = append(surnames[parts[len(parts)-1]], i)
	}
	byShape := map[surnameShape][]string{}
	for s, idx := range surnames {
		if len(idx) == 1 {
			out[idx[0]].Names = append(out[idx[0]].Names, s)
			if len(s) >= 6 {
				byShape[surnameShape{s[0], len(s)}] = append(byShape[surnameShape{s[0], len(s)}], s)
			}
		}
	}
	variantOf := map[string]int{} // one-word name -> entry, or -1
	for _, p := range singles {
		w := p.folded()
		if idx := surnames[w]; len(idx) > 0 || w == "" {
			continue // already an alias, or shared and so ambiguous
		}
		match, done := variantOf[w]
		if !done {
			match = nearSurname(w, surnames, byShape[surnameShape{w[0], len(w) - 1}], byShape[surnameShape{w[0], len(w)}], byShape[surnameShape{w[0], len(w) + 1}])
			variantOf[w] = match
		}
		if match >= 0 {
			out[match].Names = append(out[match].Names, p.Name)
		}
	}
	return out
}

// surnameShape is what a variant of a surname keeps: its first letter and
// nearly its length; only surnames of the same shape are compared.
type surnameShape struct {
	first byte
	n     int
}

// fullNames makes a known entry of each full name the first pass found,
// in the order first found, with the role first given; the one-word names
// come apart, to be matched with the entries' surnames.
func fullNames(results []*Result) (out []Known, singles []*Person) {
	byKey := map[string]int{}
	for _, r := range results {
		for pi := range r.People {
			p := &r.People[pi]
			if p.Unnamed || p.KnownID != "" {
				continue
			}
			key := p.folded()
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
	return out, singles
}

// nearSurname returns the entry whose surname, the only one among the
// candidates at edit distance 1 from w, is w's variant; -1 if none or
// several are.
func nearSurname(w string, surnames map[string][]int, candidates ...[]string) int {
	match := -1
	for _, list := range candidates {
		for _, s := range list {
			if levenshtein.ComputeDistance(s, w) == 1 {
				if match >= 0 {
					return -1
				}
				match = surnames[s][0]
			}
		}
	}
	return match
}

// folded returns the person's folded name.
func (p *Person) folded() string {
	if p.key == "" {
		return foldName(p.Name)
	}
	return p.key
}
