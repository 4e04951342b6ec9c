package names

import "math/bits"

// maxTypoRunes bounds the words that typo matching considers; longer words
// still match exactly or by prefix. It keeps the distance table on the stack.
const maxTypoRunes = 32

// tolerance is how many edits a word of n runes may carry and still count
// as the same word: none for short words, where one edit makes another
// plausible word ("ann" / "ian"), more for long ones.
func tolerance(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	default:
		return 2
	}
}

// pairTolerance judges a pair by its shorter word, so a short typed word
// cannot borrow the slack of a long name word.
func pairTolerance(a, b int) int {
	return tolerance(min(a, b))
}

// runeBit gives each rune one of 64 bits: letters and digits their own,
// anything else a hashed one. Collisions only weaken the filters below,
// never make them wrong.
func runeBit(r rune) uint64 {
	switch {
	case 'a' <= r && r <= 'z':
		return 1 << uint(r-'a')
	case '0' <= r && r <= '9':
		return 1 << uint(26+r-'0')
	default:
		return 1 << uint(36+uint32(r)%28)
	}
}

// maskOf is the set of rune bits in s.
func maskOf(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= runeBit(r)
	}
	return m
}

// editsAtLeast is a cheap lower bound on the edit distance between words
// with rune sets a and b: every rune one has and the other lacks needs an
// edit of its own. It lets a scan skip most words without the full table.
func editsAtLeast(a, b uint64) int {
	return max(bits.OnesCount64(a&^b), bits.OnesCount64(b&^a))
}

// Edits is the distance between words a and b, a swap of two neighbouring
// letters counting as one edit, or limit+1 once it must exceed limit (and
// for words longer than typo matching considers). It is the one measure of
// a typo that name matching and spelling correction share.
func Edits(a, b string, limit int) int {
	return osa([]rune(a), []rune(b), limit, false)
}

// osa is the optimal-string-alignment (restricted Damerau-Levenshtein)
// distance between a and b, or limit+1 as soon as it must exceed limit.
// Transpositions count once because swapped letters are the commonest typo.
// With prefix set it is instead the distance from a to the closest prefix
// of b, for words still being typed. Only cells within limit of the
// diagonal are computed, since no path through the others can stay within
// limit; that keeps a check at O(len·limit).
func osa(a, b []rune, limit int, prefix bool) int {
	la, lb := len(a), len(b)
	inf := limit + 1
	if (!prefix && (la-lb > limit || lb-la > limit)) || la > maxTypoRunes || lb > maxTypoRunes {
		return inf
	}
	var buf [3 * (maxTypoRunes + 2)]int
	n := lb + 2 // one spare cell past the end keeps the band edge in range
	prev2, prev, cur := buf[0:n], buf[n:2*n], buf[2*n:3*n]
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= la; i++ {
		lo, hi := max(1, i-limit), min(lb, i+limit)
		if lo > hi && i > limit {
			return inf // the band has left the table
		}
		cur[0] = min(i, inf)
		if lo > 1 {
			cur[lo-1] = inf
		}
		rowMin := inf
		if lo == 1 {
			rowMin = cur[0]
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, inf)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		cur[hi+1] = inf
		if rowMin > limit {
			return inf
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if !prefix {
		return prev[lb]
	}
	best := inf
	for j := max(0, la-limit); j <= min(lb, la+limit); j++ {
		best = min(best, prev[j])
	}
	return best
}
