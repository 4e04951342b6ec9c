package numbers

import (
	"strings"

	"github.com/briefbot/briefbot/facts/lexer"
)

// spelled reads a number written in words at token i: "four", "twenty-
// five", "two hundred and fifty", "a dozen", "three million".
func (p *parser) spelled(i int) (value, int, bool) {
	v := value{i: i}
	k := i
	if p.flags(k)&wA != 0 {
		if p.flags(k+1)&(wMult|wDozen) == 0 {
			return v, i + 1, false // "a", "an" alone
		}
		k++
	}
	if p.toks[i].Upper && !p.sentenceStart(i) {
		return v, k + 1, false // "Formula One", "Big Four"
	}
	var total, cur float64
	words := 0
	for k < len(p.toks) && p.word(k) && !(words > 0 && p.toks[k].Gap == lexer.GapLine) {
		t, f, n := &p.toks[k], p.flags(k), p.wnum(k)
		switch {
		case f&wNum != 0 && (cur == 0 || cur >= 100 && int(cur)%100 == 0):
			cur += float64(n)
			if n >= 20 && p.dash(k+1) && p.tight(k+1) && p.tight(k+2) && p.flags(k+2)&wNum != 0 &&
				p.wnum(k+2) < 10 {
				cur += float64(p.wnum(k + 2)) // "twenty-five"
				k += 2
			}
		case f&wMult != 0 && !t.Upper:
			if cur == 0 {
				cur = 1
			}
			if n == 2 {
				cur *= 100
			} else {
				total += scale(cur, int(n))
				cur = 0
			}
		case f&wDozen != 0 && !t.Upper:
			cur = max(cur, 1) * 12
		case lower(p.str(k)) == "and" && cur >= 100 && p.flags(k+1)&wNum != 0:
		default:
			goto done
		}
		words++
		k++
	}
done:
	v.j, v.num = k, total+cur
	if v.num == 0 {
		return v, k, false
	}
	if v.num == 1 && v.j == i+1 && !p.oneCounts(i) || p.named(i-1) || p.aged(i-1) {
		return v, k, false
	}
	if !p.tail(&v) {
		return v, v.j + 3, false
	}
	return v, 0, true
}

// oneCounts reports whether a lone "one" at i counts something ("one
// vessel") rather than standing for a noun ("no one", "one of the", "one
// another", "the one").
func (p *parser) oneCounts(i int) bool {
	if p.flags(i-1)&wDet != 0 || p.flags(i+1)&wOneNot != 0 || p.dash(i+1) {
		return false
	}
	_, ok := p.nounPhrase(i+1, true)
	return ok
}

// unit finds the unit after a value: the noun phrase a count counts, or
// the "of" phrase after a percentage or sum of money ("2.5% of output").
// A count's "of" phrase is left out: "two of the countries" says which,
// not what. It returns the phrase and where it ends, or end 0 for none.
func (p *parser) unit(v value) (string, int) {
	j := v.j
	if !(v.pct || v.money) {
		if e, ok := p.nounPhrase(j, v.one); ok {
			return p.text[p.toks[j].Start:e], int(e)
		}
	} else if p.word(j) && p.str(j) == "of" {
		return p.ofPhrase(j)
	}
	return "", 0
}

// maxUnitWords bounds a unit's noun phrase: enough for "allied nations"
// or "long-range missile launchers", short of running into the clause.
const maxUnitWords = 3

// phraseWords collects up to maxUnitWords content words from k: words
// that are no stop word, adverb or number, a hyphenated compound counting
// as one. It returns the token index of each word's last part.
func (p *parser) phraseWords(k int) ([maxUnitWords]int, int) {
	var last [maxUnitWords]int
	n := 0
	for n < maxUnitWords && p.word(k) && p.toks[k].Gap != lexer.GapLine {
		w := p.str(k)
		if p.flags(k)&(wStop|wNum|wMult|wA) != 0 || len(w) > 3 && strings.HasSuffix(w, "ly") {
			break
		}
		e := k
		for p.dash(e+1) && p.tight(e+1) && p.word(e+2) && p.tight(e+2) {
			e += 2
		}
		last[n] = e
		n++
		k = e + 1
	}
	return last, n
}

// nounPhrase reads the noun phrase a count counts from token k and returns
// its end. A plural count needs a plural head ("allied nations"): the
// phrase ends at the first plural word. A count of one takes the words as
// they come, or a measure such as "km" stands alone.
func (p *parser) nounPhrase(k int, one bool) (int, bool) {
	last, n := p.phraseWords(k)
	if n == 0 || p.flags(k)&wFraction != 0 {
		return 0, false
	}
	for h := 0; h < n; h++ {
		if p.plural(last[h]) {
			return int(p.end(last[h])), true
		}
	}
	switch {
	case one:
		if w := p.str(last[0]); p.verbLike(last[0]) || strings.HasSuffix(w, "ing") {
			return 0, false // "one covering the rest" stands for a noun
		}
		h := 1
		for h < n && !p.verbLike(last[h]) {
			h++
		}
		return int(p.end(last[h-1])), true
	case p.flags(last[0])&wMeasure != 0:
		return int(p.end(last[0])), true
	}
	return 0, false
}

// verbLike reports whether word k is a lower-case "-ed" form, which ends a
// singular noun phrase: "one takeover attempt turned down".
func (p *parser) verbLike(k int) bool {
	w := p.str(k)
	return !p.toks[k].Upper && len(w) > 3 && strings.HasSuffix(w, "ed")
}

// ofPhrase reads "of" with an optional determiner and up to three content
// words: "of the UK’s economic output".
func (p *parser) ofPhrase(j int) (string, int) {
	k := j + 1
	switch lower(p.str(k)) {
	case "the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that",
		"these", "those", "all":
		k++
	}
	last, n := p.phraseWords(k)
	if n == 0 {
		return "", 0
	}
	if p.poss(last[n-1]) {
		return "", 0 // "of the UK's" cut off before what it owns
	}
	e := p.end(last[n-1])
	return p.text[p.toks[j].Start:e], int(e)
}

// plural reports whether word k looks like a plural noun.
func (p *parser) plural(k int) bool {
	if p.flags(k)&wPlural != 0 {
		return true
	}
	w := p.str(k)
	if len(w) < 3 || w[len(w)-1] != 's' || p.poss(k) {
		return false
	}
	switch w[len(w)-2] {
	case 's', 'u', 'i', '\'':
		return false
	}
	return !notPlural[lower(w)]
}

// qualifier returns the hedge ending just before token i and where it
// starts, or "" if none.
func (p *parser) qualifier(i int) (string, int) {
	for _, q := range qualifiers {
		s := i - len(q.words)
		if s < 0 {
			continue
		}
		ok := true
		for n, w := range q.words {
			k := s + n
			if !p.word(k) || !strings.EqualFold(p.str(k), w) || p.toks[k+1].Gap == lexer.GapLine || p.poss(k) {
				ok = false
				break
			}
		}
		if ok {
			return q.name, int(p.toks[s].Start)
		}
	}
	return "", 0
}
