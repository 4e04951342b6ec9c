package timex

// class is what a word can do in a date expression or for tense.
type class uint8

const (
	cNone    class = iota
	cWeekday       // v: time.Weekday
	cMonth         // v: month 1-12
	cMonAbbr       // v: month 1-12; only counts before a day or year
	cDayWord       // v: day offset; x: 1 for "tonight"
	cPart          // morning, afternoon, evening, night (x: 1)
	cDeictic       // v: -1 last, 0 this, +1 next
	cUnit          // v: Gran; x: 1 plural, 2 fortnight
	cWeekend
	cQual // v: qual
	cPrep // v: prep
	cMod  // early, late, mid
	cThe
	cOf
	cTo
	cAnd
	cAgo
	cComing
	cEdge  // end, start, beginning, middle
	cConj  // words that may follow "on the 11th"
	cQty   // v: count, 0 for a vague one; x: 1 for "a"/"an"
	cCount // "about", "than": a number after them counts things
	cDet
	cZone // a time zone after "1900" makes it a clock time
	cFut
	cFutTo // "due", "set", ... followed by "to"
	cBePres
	cBePast
	cHave
	cHad
	cDid
	cBe
	cPast
	cAdv
)

type entry struct {
	cls  class
	v, x int8
}

type qual int8

const (
	qNone qual = iota
	qBy
	qSince
	qUntil
	qBefore
	qAfter
	qLater
	qEarlier
	qWithin
	qFrom
	qBetween
	qPrior // "prior to", read as before
)

// qualName is the Qualifier string each qual reports.
var qualName = [...]string{
	qBy: "by", qSince: "since", qUntil: "until", qBefore: "before", qAfter: "after",
	qLater: "later", qEarlier: "earlier", qWithin: "within", qFrom: "from", qPrior: "before",
}

type prep int8

const (
	pNone prep = iota
	pOn
	pIn
	pAt
	pDuring
	pOver
)

// words is the one table a word is looked up in, once, when the search
// first looks at it (see parser.tok).
var words = addWordLists(map[string]entry{
	"yesterday": {cDayWord, -1, 0}, "today": {cDayWord, 0, 0},
	"tonight": {cDayWord, 0, 1}, "tomorrow": {cDayWord, 1, 0},
	"morning": {cPart, 0, 0}, "afternoon": {cPart, 0, 0}, "evening": {cPart, 0, 0},
	"night": {cPart, 0, 1},
	"this":  {cDeictic, 0, 0}, "last": {cDeictic, -1, 0}, "next": {cDeictic, 1, 0},
	"day": {cUnit, int8(Day), 0}, "days": {cUnit, int8(Day), 1},
	"hours": {cUnit, int8(Day), 3}, "week": {cUnit, int8(Week), 0},
	"weeks": {cUnit, int8(Week), 1}, "fortnight": {cUnit, int8(Week), 2},
	"month": {cUnit, int8(Month), 0}, "months": {cUnit, int8(Month), 1},
	"year": {cUnit, int8(Year), 0}, "years": {cUnit, int8(Year), 1},
	"weekend": {cWeekend, 0, 0},
	"by":      {cQual, int8(qBy), 0}, "since": {cQual, int8(qSince), 0},
	"until": {cQual, int8(qUntil), 0}, "till": {cQual, int8(qUntil), 0},
	"before": {cQual, int8(qBefore), 0}, "after": {cQual, int8(qAfter), 0},
	"later": {cQual, int8(qLater), 0}, "earlier": {cQual, int8(qEarlier), 0},
	"within": {cQual, int8(qWithin), 0}, "from": {cQual, int8(qFrom), 0},
	"between": {cQual, int8(qBetween), 0}, "prior": {cQual, int8(qPrior), 0},
	"on": {cPrep, int8(pOn), 0}, "in": {cPrep, int8(pIn), 0}, "at": {cPrep, int8(pAt), 0},
	"during": {cPrep, int8(pDuring), 0}, "over": {cPrep, int8(pOver), 0},
	"early": {cMod, 0, 0}, "late": {cMod, 0, 0}, "mid": {cMod, 0, 0},
	"the": {cThe, 0, 0}, "of": {cOf, 0, 0}, "to": {cTo, 0, 0}, "and": {cAnd, 0, 0},
	"through": {cTo, 0, 0}, "ago": {cAgo, 0, 0}, "coming": {cComing, 0, 0},
	"end": {cEdge, 0, 0}, "start": {cEdge, 0, 0}, "beginning": {cEdge, 0, 0},
	"middle": {cEdge, 0, 0},
	"a":      {cQty, 1, 1}, "an": {cQty, 1, 1}, "few": {cQty, 0, 0}, "several": {cQty, 0, 0},
	"couple": {cQty, 2, 0},
	"about":  {cCount, 0, 0}, "around": {cCount, 0, 0}, "nearly": {cCount, 0, 0},
	"almost": {cCount, 0, 0}, "approximately": {cCount, 0, 0}, "roughly": {cCount, 0, 0},
	"than": {cCount, 0, 0}, "another": {cCount, 0, 0}, "only": {cCount, 0, 0},
	"estimated": {cCount, 0, 0}, "some": {cCount, 0, 0},
	"gmt": {cZone, 0, 0}, "bst": {cZone, 0, 0}, "utc": {cZone, 0, 0}, "cet": {cZone, 0, 0},
	"est": {cZone, 0, 0}, "edt": {cZone, 0, 0}, "pst": {cZone, 0, 0}, "hrs": {cZone, 0, 0},
	"local": {cZone, 0, 0},
	"will":  {cFut, 0, 0}, "shall": {cFut, 0, 0}, "wo": {cFut, 0, 0},
	// Reported future: "she said a meeting would be held on 12 May".
	"would":    {cFut, 0, 0},
	"upcoming": {cFut, 0, 0}, "forthcoming": {cFut, 0, 0}, "scheduled": {cFut, 0, 0},
	"is": {cBePres, 0, 0}, "are": {cBePres, 0, 0}, "am": {cBePres, 0, 0},
	"was": {cBePast, 0, 0}, "were": {cBePast, 0, 0},
	"has": {cHave, 0, 0}, "have": {cHave, 0, 0}, "had": {cHad, 0, 0}, "did": {cDid, 0, 0},
	"be": {cBe, 0, 0}, "being": {cBe, 0, 0},
})

// addWordLists adds to m the words that come in lists: weekdays, months
// and small numbers by their place, and whole word classes. The lists
// run in this order because a later one wins where two share a word,
// except the adverbs, which never displace a class a word already has.
func addWordLists(m map[string]entry) map[string]entry {
	for i, w := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		m[w] = entry{cWeekday, int8(i), 0}
	}
	for i, w := range []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		m[w] = entry{cMonth, int8(i + 1), 0}
	}
	for i, w := range []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if w != "" {
			m[w] = entry{cMonAbbr, int8(i + 1), 0}
		}
	}
	m["sept"] = entry{cMonAbbr, 9, 0}
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve"} {
		m[w] = entry{cQty, int8(i + 1), 0}
	}
	for _, w := range []string{"its", "their", "his", "her", "our", "your", "my", "that",
		"these", "those", "many", "all", "no", "most", "each", "every"} {
		m[w] = entry{cDet, 0, 0}
	}
	for _, w := range []string{"due", "set", "expected", "expect", "expects", "plans", "plan",
		"planning", "going", "poised", "intends", "intend", "intending", "aims", "aim",
		"aiming", "hopes", "hoping", "bound", "preparing", "prepares", "prepared", "likely"} {
		m[w] = entry{cFutTo, 0, 0}
	}
	// Irregular past forms; ones that are also common present forms or
	// nouns ("set", "put", "read") would mislead and are left out.
	for _, w := range []string{"said", "told", "met", "spoke", "took", "made", "came", "went",
		"gave", "got", "left", "saw", "won", "lost", "began", "became", "held", "led", "ran",
		"sent", "found", "thought", "brought", "bought", "paid", "fell", "rose", "kept", "felt",
		"heard", "knew", "wrote", "sat", "stood", "struck", "sold", "drew", "grew", "threw",
		"flew", "broke", "chose", "drove", "fought", "taught", "caught", "sought", "spent",
		"built", "meant", "withdrew", "overtook", "undertook", "forgot", "stole", "woke",
		"shook", "sank", "spoken", "taken", "given", "seen", "known", "written", "been", "gone",
		"done", "begun", "chosen", "broken", "driven", "risen", "fallen", "shown", "grown"} {
		m[w] = entry{cPast, 0, 0}
	}
	for _, w := range []string{"also", "still", "now", "already", "currently", "not", "just",
		"yet", "then", "again", "reportedly", "due"} {
		if _, ok := m[w]; !ok {
			m[w] = entry{cAdv, 0, 0}
		}
	}
	for _, w := range []string{"or", "but", "when", "as", "with", "because", "which", "who"} {
		m[w] = entry{cConj, 0, 0}
	}
	return m
}

// nameAfter holds words that make a preceding weekday part of a title
// ("Sunday Times", "Monday Night Football") when capitalised.
var nameAfter = set("times", "telegraph", "mirror", "express", "people", "post", "herald",
	"mail", "sport", "star", "night", "live", "tribune", "independent", "politics", "league",
	"club", "school", "service", "bloody")

// show holds words that make a preceding weekday a programme or edition
// whatever their case ("the Sunday programme").
var show = set("programme", "program", "show", "edition", "paper", "newspaper", "supplement")

// nameBefore holds capitalised words that make the weekday after them a
// feast or event name ("Black Friday", "Easter Monday").
var nameBefore = set("black", "good", "super", "cyber", "easter", "bloody", "ash", "holy",
	"maundy", "palm", "shrove", "manic", "whit", "giving")

// label holds words after which a four-digit number is a code, not a
// year ("page 1984", "Flight 1900").
var label = set("no", "number", "page", "pages", "flight", "route", "room", "code", "article",
	"section", "resolution", "chapter", "bus", "line", "rule", "clause", "model", "version",
	"windows", "at", "platform", "junction", "seat", "bill", "hr")

// measure holds nouns after which a four-digit number counts rather than
// dates ("1950 metres").
var measure = set("people", "metres", "meters", "miles", "kilometres", "km", "feet", "yards",
	"tonnes", "tons", "pounds", "dollars", "euros", "jobs", "staff", "workers", "troops",
	"soldiers", "points", "votes", "words", "runs", "hours", "minutes", "seconds", "calories",
	"units", "homes", "cases", "deaths", "students", "pupils", "members", "copies", "games",
	"times", "cars", "vehicles", "sites", "users", "customers", "employees", "households",
	"children", "acres", "hectares", "kg", "m", "mph", "ft", "mw", "bn", "pc")

// notVerb holds "-ed" and "-ing" words that are not verb forms.
var notVerb = set("red", "bed", "wed", "shed", "seed", "need", "feed", "speed", "greed", "weed",
	"deed", "breed", "creed", "indeed", "hundred", "proceed", "exceed", "succeed", "embed",
	"shred", "sled", "naked", "wicked", "sacred", "kindred", "rugged", "ragged", "beloved",
	"steed", "tweed", "heed", "bleed", "nothing", "something", "anything", "everything",
	"thing", "king", "ring", "spring", "string", "sing", "wing", "sting", "swing", "bring",
	"ceiling", "during", "morning", "evening", "darling", "sterling", "pudding", "wedding")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
