// Package timex finds date expressions in English news prose and resolves
// them against the article's publication date.
//
// News rarely prints full dates: it says "on Monday", "last week", "in
// February" or "by 2027", and what those mean depends on when the piece was
// published and on whether the sentence talks about the past or the future.
// Find reports each expression by byte offsets into the caller's text, the
// period it names (a day, an ISO week, a month or a year), how the sentence
// qualifies it ("by", "since", ...) and the tense of the verb next to it.
//
// The scan is one pass over the words with a small lookup table, so that a
// whole news corpus can be read in a fraction of a second. It is heuristic:
// it prefers missing a doubtful expression ("May" the surname, "a protest
// march") to inventing a date.
package timex

import "time"

// Gran is the size of the period an expression names.
type Gran uint8

// Granularities, finest first. Weeks are ISO weeks, starting on Monday.
const (
	Day Gran = iota + 1
	Week
	Month
	Year
)

// String returns "day", "week", "month", "year" or "" for the zero Gran.
func (g Gran) String() string {
	switch g {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return ""
}

// Tense says whether the clause around an expression talks about the past,
// the present or the future, as far as its verbs tell.
type Tense uint8

// Tenses. Unknown means no verb near the expression settled it.
const (
	Unknown Tense = iota
	Past
	Present
	Future
)

// String returns "past", "present", "future" or "unknown".
func (t Tense) String() string {
	switch t {
	case Past:
		return "past"
	case Present:
		return "present"
	case Future:
		return "future"
	}
	return "unknown"
}

// Expr is one date expression found in a text.
type Expr struct {
	// Start and End are byte offsets of the expression in the text,
	// including its preposition or qualifier ("on Monday", "by 2027",
	// "last week", "In February"); a possessive "'s" is left out.
	Start, End int
	// Date is the first day of the resolved period at UTC midnight, or the
	// zero time when it could not be resolved: a relative expression with
	// no publication date, or a vague one such as "within days".
	Date time.Time
	// Gran is the size of the period Date starts.
	Gran Gran
	// Until is the first day after a range ("June 3-5", "from 3 to 5
	// May", "1998-99"); zero for a single period.
	Until time.Time
	// Qualifier is "" for a plain date, else one of by, since, until,
	// before, after, later, earlier, within, from. A closed range ("from 3
	// to 5 May") has "" and Until set; "from" alone marks an open start.
	Qualifier string
	// Tense comes from the verbs next to the expression within its clause;
	// when they say nothing, from the expression itself ("yesterday" and
	// "last week" are past, "tomorrow" and "next month" future).
	Tense Tense
}
