package names

import (
	"slices"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/sahilm/fuzzy"
)

// cand is a scored name; strong means every word matched within tolerance,
// which is what Resolve may act on.
type cand struct {
	name   int32
	entry  int32
	rank   int32 // the entry's alphabetical position, for ties
	score  int32
	strong bool
	exact  bool
}

func (ix *Index) newCand(ni int32, score int, strong, exact bool) cand {
	e := ix.nameEntry[ni]
	return cand{name: ni, entry: e, rank: ix.entries[e].rank, score: int32(score), strong: strong, exact: exact}
}

// hits records what the query's words matched: per query word, the index
// words it may stand for in id order, and the same as a table indexed by
// word id (0 for no match, else 1 + score<<1 | strong) so that scoring a
// name costs one load per word pair.
type hits struct {
	lists  [][]wordMatch
	tables [][]uint8
}

// wordHits matches every query word and reports whether each found at
// least one index word.
func (ix *Index) wordHits(q *query) (hits, bool) {
	h := hits{lists: make([][]wordMatch, len(q.words)), tables: make([][]uint8, len(q.words))}
	all := true
	for i, w := range q.words {
		l := ix.matchWord(w, q.runes[i], q.partial && i == len(q.words)-1)
		h.lists[i] = l
		all = all && len(l) > 0
		if len(l) > 0 {
			t := make([]uint8, len(ix.toks))
			for _, m := range l {
				v := uint8(m.score) << 1
				if m.strong {
					v |= 1
				}
				t[m.tok] = v + 1
			}
			h.tables[i] = t
		}
	}
	return h, all
}

// wordCandidates scores the names in which every query word matches a
// distinct word of the name. Candidates come from the query word that
// occurs in fewest names, since every match must contain it.
func (ix *Index) wordCandidates(q *query, h hits, col *collector) {
	driver, fewest := 0, -1
	for i, l := range h.lists {
		n := 0
		for _, m := range l {
			n += len(ix.toks[m.tok].names)
		}
		if fewest < 0 || n < fewest {
			driver, fewest = i, n
		}
	}
	titles := ix.titleWords(q)
	// A name holding two matching words is scored twice; col keeps one.
	for _, m := range h.lists[driver] {
		for _, ni := range ix.toks[m.tok].names {
			if c, n, _ := ix.scoreWords(ni, q, h, titles); n == len(h.lists) {
				col.add(c)
			}
		}
	}
}

// partialCandidates adds, as suggestions, names of unseen entries that match
// some but not all query words: "john smith" offers the Johns and Smiths
// when no John Smith exists.
func (ix *Index) partialCandidates(q *query, h hits, col *collector) {
	before := col.seen.clone()
	for _, l := range h.lists {
		for _, m := range l {
			for _, ni := range ix.toks[m.tok].names {
				if before.has(ix.nameEntry[ni]) {
					continue
				}
				c, _, sum := ix.scoreWords(ni, q, h, nil)
				// sum is at most 100 per matched word, and a word is missing.
				c.score = int32(scorePartialBase + sum/len(h.lists))
				c.strong, c.exact = false, false
				col.add(c)
			}
		}
	}
}

// titleWords are the ids of the query's title words that the index knows.
func (ix *Index) titleWords(q *query) []int32 {
	var ids []int32
	for _, t := range q.titles {
		if j := ix.findToken(t); j < len(ix.toks) && ix.toks[j].text == t {
			ids = append(ids, int32(j))
		}
	}
	return ids
}

// scoreWords matches each query word, greedily and in order, to the best
// unused word of name ni. It also returns how many query words matched and
// the sum of their word scores; the candidate's score is only meaningful
// when all matched.
func (ix *Index) scoreWords(ni int32, q *query, h hits, titles []int32) (cand, int, int) {
	nm := &ix.names[ni]
	var used uint64
	sum, covered, matched, strong := 0, 0, 0, true
	for _, t := range h.tables {
		pos, best := -1, uint8(0)
		for p, id := range nm.toks {
			if t != nil && t[id] > best && used&(1<<uint(p)) == 0 {
				pos, best = p, t[id]
			}
		}
		if pos < 0 {
			strong = false
			continue
		}
		matched++
		used |= 1 << uint(pos)
		sum += int((best - 1) >> 1)
		strong = strong && (best-1)&1 != 0
		if nm.coreLo <= pos && pos < nm.coreHi {
			covered++
		}
	}
	// Covering more of the name ranks "Sir Jane" above "Jane Doe" for
	// "jane"; a typed title the name also carries breaks near-ties.
	score := scoreWordsBase + 6*sum/len(h.tables) + 100*covered/(nm.coreHi-nm.coreLo)
	for _, t := range titles {
		if slices.Contains(nm.toks, t) {
			score += 5
		}
	}
	score, exact := min(score, scoreWordsMax), true
	switch {
	case nm.full == q.full:
		score = scoreExactFull
	case nm.core == q.core:
		score = scoreExactCore
	case nm.cmpct == q.cmpct:
		score = scoreExactCompact
	default:
		exact = false
	}
	return ix.newCand(ni, score, strong || exact, exact), matched, sum
}

// compactCandidates compares the query and names with spaces removed, which
// catches words run together or split ("janedoe", "mac donald") and,
// when nothing better was found, typos in them too ("janedoo", "jon
// smith", where "jon" is too short to carry a typo on its own).
func (ix *Index) compactCandidates(q *query, h hits, col *collector) {
	for _, ni := range ix.cmpctNames[q.cmpct] {
		col.add(ix.newCand(ni, scoreExactCompact, true, true))
	}
	if col.strong {
		return
	}
	lq := utf8.RuneCountInString(q.cmpct)
	m := maskOf(q.cmpct)
	try := func(ni int32) {
		nm := &ix.names[ni]
		pt := pairTolerance(lq, nm.cmpctLen)
		if pt == 0 || lq-nm.cmpctLen > pt || nm.cmpctLen-lq > pt || editsAtLeast(m, nm.cmask) > pt {
			return
		}
		if d := levenshtein.ComputeDistance(q.cmpct, nm.cmpct); d <= pt {
			col.add(ix.newCand(ni, scoreWordsBase+6*int(typoScore(d))+100, true, false))
		}
	}
	if len(q.words) > 1 {
		// Typed as several words, the name still shares one of them with
		// the query, so only names holding a matched word need a look.
		for _, l := range h.lists {
			for _, wm := range l {
				for _, ni := range ix.toks[wm.tok].names {
					try(ni)
				}
			}
		}
		return
	}
	tol := tolerance(lq)
	for b := max(lq-tol, 0); b <= min(lq+tol, maxLenBucket); b++ {
		for _, ni := range ix.joinedByLen[b] {
			try(ni)
		}
	}
}

// nameSource shows a subset of the folded names to sahilm/fuzzy.
type nameSource struct {
	ix  *Index
	ids []int32
}

func (s nameSource) String(i int) string { return s.ix.names[s.ids[i]].full }
func (s nameSource) Len() int            { return len(s.ids) }

// fuzzyCandidates adds subsequence matches ("jdoe" in "jane doe") for
// entries not matched otherwise. The rune-set and first-letter filters
// skip most names before sahilm/fuzzy sees them.
func (ix *Index) fuzzyCandidates(q *query, col *collector) {
	m := maskOf(q.cmpct)
	r, _ := utf8.DecodeRuneInString(q.cmpct)
	first := runeBit(r)
	src := nameSource{ix: ix}
	for i, mask := range ix.nameMask {
		if m&^mask == 0 && ix.nameInits[i]&first != 0 && !col.seen.has(ix.nameEntry[i]) {
			src.ids = append(src.ids, int32(i))
		}
	}
	if len(src.ids) == 0 {
		return
	}
	for _, fm := range fuzzy.FindFromNoSort(q.cmpct, src) {
		col.add(ix.newCand(src.ids[fm.Index], min(max(75+fm.Score, 1), scoreFuzzyMax), false, false))
	}
}
