// Package numbers finds the figures an English news text gives: counts,
// percentages and sums of money, each with the words that qualify it ("up
// to", "more than") and the noun it counts ("31 allied nations").
//
// A briefing quotes figures, so each one is reported by byte offsets into
// the caller's text as well as parsed. Numbers that are not amounts are
// left out: years ("in 1998"), dates ("11 March"), ordinals, clock times,
// scores, phone numbers, ages ("25-year-old") and numbers inside names
// ("Route 66", "G7", "F-35", "Covid-19").
//
// Like the rest of facts, it is heuristic and tuned to miss a doubtful
// figure rather than invent one. One pass over the words with small
// lookup tables keeps it fast enough for whole corpora.
package numbers

// Figure is a number the text gives, with its unit.
type Figure struct {
	// Start and End are byte offsets of the whole figure phrase:
	// qualifier, number and unit ("up to 30 countries", "2.5%", "£15.8m",
	// "31 allied nations", "four vessels").
	Start, End int
	// Qualifier is the hedge before the number, lower-cased: "", "up to",
	// "more than", "over", "at least", "about", "around", "nearly",
	// "almost", "fewer than", "less than", "some", "an estimated", and a
	// few close kin ("as many as", "roughly", "approximately", "under",
	// "just over", "just under", "at most", "upwards of", "close to").
	Qualifier string
	// Value is the number as written: "30", "2.5%", "£15.8m", "four",
	// "1,000", "1.5 million", "5 per cent", "a dozen", "20-30".
	Value string
	// Number is Value's value: 2.5 for "2.5%", 15.8e6 for "£15.8m", 4 for
	// "four"; the lower bound for a range such as "20-30".
	Number float64
	// Unit is the noun phrase the number counts, at most three words
	// ("countries", "allied nations", "days"), or for a percentage or a
	// sum of money an "of" phrase that follows it ("of the UK’s economic
	// output"); "" when none.
	Unit string
}
