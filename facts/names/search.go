package names

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxComplete is the most choices Complete returns: Discord rejects an
// autocomplete answer with more than 25.
const MaxComplete = 25

// Scores come in tiers so that weaker evidence never outranks stronger:
// an exact name beats any word-by-word match, which beats a match of only
// some words, which beats any fuzzy subsequence match.
const (
	scoreExactFull    = 1020 // the query is one of the names
	scoreExactCore    = 1010 // the same once titles are ignored
	scoreExactCompact = 1000 // the same once spaces are ignored too
	scoreWordsBase    = 250  // every query word matched: 250..999
	scoreWordsMax     = 999
	scorePartialBase  = 150 // only some query words matched: 150..249
	scoreFuzzyMax     = 149 // a subsequence match only: 1..149

	// resolveMargin is how far the best candidate must lead the second
	// for Resolve to pick it: more than a one-edit typo against an exact
	// word (180), less than two typo-free words apart.
	resolveMargin = 150
)

// Per-word scores, averaged over the query's words.
const (
	wordExact = 100
	wordTypo1 = 70
	wordTypo2 = 50
)

// Query bounds: Discord caps option text at 100 characters, so longer input
// is noise, and bounding it bounds the work of one call.
const (
	maxQueryRunes = 128
	maxQueryWords = 8
)

type mode uint8

const (
	modeFind mode = iota
	modeComplete
	modeResolve
)

type query struct {
	words  []string // core words, the ones that must match
	runes  [][]rune
	titles []string // dropped title and suffix words: a small bonus if present
	full   string
	core   string
	cmpct  string
	// partial means the last word is still being typed (Complete without a
	// trailing space), so any prefix of a word is a good match for it.
	partial bool
}

type wordMatch struct {
	tok    int32
	score  int16
	strong bool
}

func parse(s string, complete bool) (query, bool) {
	toks := tokenize(s, maxQueryRunes)
	if len(toks) == 0 {
		return query{}, false
	}
	if len(toks) > maxQueryWords {
		toks = toks[:maxQueryWords]
	}
	lo, hi := coreRange(toks)
	q := query{
		words: toks[lo:hi], titles: append(slices.Clip(toks[:lo]), toks[hi:]...),
		full: strings.Join(toks, " "), core: strings.Join(toks[lo:hi], " "),
		cmpct: strings.Join(toks[lo:hi], ""),
	}
	for _, w := range q.words {
		q.runes = append(q.runes, []rune(w))
	}
	if complete && utf8.RuneCountInString(s) <= maxQueryRunes {
		r, _ := utf8.DecodeLastRuneInString(s)
		_, sep := appendFolded(nil, r)
		q.partial = !sep
	}
	return q, true
}

// search returns up to limit candidates, one per entry, best first, and
// false if the query folds to nothing. Weaker tiers are only computed while
// the stronger ones leave room, since they can never outrank them.
func (ix *Index) search(s string, m mode, limit int) ([]cand, bool) {
	q, ok := parse(s, m == modeComplete)
	if !ok {
		return nil, false
	}
	col := newCollector(len(ix.entries), limit, m == modeResolve)
	h, all := ix.wordHits(&q)
	if all {
		ix.wordCandidates(&q, h, col)
	}
	ix.compactCandidates(&q, h, col)
	if m != modeResolve && col.entries < limit && len(q.words) > 1 {
		ix.partialCandidates(&q, h, col)
	}
	if m != modeResolve && col.entries < limit {
		ix.fuzzyCandidates(&q, col)
	}
	return col.result(), true
}

// prefixScore rates a typed word that is the start of a longer word: the
// more of it typed, the better; while typing, a prefix is nearly as good as
// the whole word.
func prefixScore(typed, whole int, partial bool) int16 {
	if partial {
		return int16(60 + 35*typed/whole)
	}
	return int16(40 + 40*typed/whole)
}

// matchWord finds the index words that a query word may stand for, sorted
// by word id.
func (ix *Index) matchWord(w string, r []rune, partial bool) []wordMatch {
	var out []wordMatch
	lw := len(r)
	for j := ix.findToken(w); j < len(ix.toks) && strings.HasPrefix(ix.toks[j].text, w); j++ {
		t := &ix.toks[j]
		if len(t.text) == len(w) {
			out = append(out, wordMatch{int32(j), wordExact, true})
			continue
		}
		// A short or small fraction of a word is a suggestion, not a name.
		lt := len(t.runes)
		out = append(out, wordMatch{int32(j), prefixScore(lw, lt, partial), lw >= 4 && 2*lw >= lt})
	}
	if tol := tolerance(lw); tol > 0 && lw <= maxTypoRunes {
		m := maskOf(w)
		for lt := max(lw-tol, 1); lt <= min(lw+tol, maxTypoRunes); lt++ {
			pt := pairTolerance(lw, lt)
			if pt == 0 || lw-lt > pt || lt-lw > pt {
				continue
			}
			for _, ref := range ix.toksByLen[lt] {
				if editsAtLeast(m, ref.mask) > pt {
					continue
				}
				if d := osa(r, ix.toks[ref.id].runes, pt, false); d > 0 && d <= pt {
					out = append(out, wordMatch{ref.id, typoScore(d), true})
				}
			}
		}
		out = ix.typoPrefixes(out, r, m, tol, partial)
	}
	return mergeWordMatches(out)
}

func typoScore(d int) int16 {
	if d == 1 {
		return wordTypo1
	}
	return wordTypo2
}

// typoPrefixes adds words whose start is within tolerance of the typed word
// ("jonh" for Johnson). Only words with the same first rune are tried:
// first letters are rarely mistyped and it keeps the scan short. These are
// guesses, never strong.
func (ix *Index) typoPrefixes(out []wordMatch, r []rune, m uint64, tol int, partial bool) []wordMatch {
	first := string(r[:1])
	lw := len(r)
	for j := ix.findToken(first); j < len(ix.toks) && strings.HasPrefix(ix.toks[j].text, first); j++ {
		t := &ix.toks[j]
		lt := len(t.runes)
		if lt <= lw || bits.OnesCount64(m&^t.mask) > tol {
			continue
		}
		if d := osa(r, t.runes[:min(lw+tol, lt)], tol, true); d > 0 && d <= tol {
			out = append(out, wordMatch{int32(j), max(prefixScore(lw, lt, partial)-20, 10), false})
		}
	}
	return out
}

// mergeWordMatches sorts by word id and keeps one match per word: the best
// score, strong if any way of matching it was.
func mergeWordMatches(ms []wordMatch) []wordMatch {
	slices.SortFunc(ms, func(a, b wordMatch) int { return int(a.tok) - int(b.tok) })
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].tok == m.tok {
			out[n-1].score = max(out[n-1].score, m.score)
			out[n-1].strong = out[n-1].strong || m.strong
			continue
		}
		out = append(out, m)
	}
	return out
}
