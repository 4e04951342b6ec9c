package numbers

import (
	"strings"

	"github.com/briefbot/briefbot/facts/lexer"
)

// wflag marks what a word can be next to a number; a word may have several.
type wflag uint32

const (
	wNum      wflag = 1 << iota // one to ninety; n is the value
	wMult                       // hundred, thousand, million...; n is the power of ten
	wDozen                      // "dozen": twelve
	wA                          // "a", "an": one, before a multiplier or "dozen"
	wStop                       // ends a unit phrase
	wDatePrep                   // makes a following four-digit number a year
	wMonth                      // a number beside it is a day of the month
	wClock                      // am, pm, GMT: a number before it is a time
	wLabel                      // "No", "Number": a number after it is a name
	wAged                       // "aged": a number after it is an age
	wPer                        // "per" of "per cent"
	wCent                       // "cent" of "per cent"
	wPercent                    // "percent"
	wPlural                     // plural without an s: people, staff
	wMeasure                    // a unit that is no plural noun: km, mph
	wOneNot                     // after "one" it makes "one" a pronoun: "one thing"
	wDet                        // before "one" it makes it a pronoun: "the one"
	wFraction                   // "thirds", "quarters": "two-thirds" is no count
	wCounted                    // nouns that make even "1950" a count: "1950 troops"
)

type wentry struct {
	f wflag
	n int32
}

// words is the table a word is looked up in where a figure may need it
// (see parser.flags).
var words = buildWords()

// buildWords gives the number words their values and every word of
// flagged its flags; a word in several lists gets all their flags.
func buildWords() map[string]wentry {
	m := map[string]wentry{}
	add := func(f wflag, n int32, w string) {
		e := m[w]
		e.f |= f
		if n != 0 {
			e.n = n
		}
		m[w] = e
	}
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen"} {
		add(wNum, int32(i+1), w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(wNum, int32(20+10*i), w)
	}
	for w, power := range map[string]int32{"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12} {
		add(wMult, power, w)
	}
	for _, l := range flagged {
		for _, w := range l.words {
			add(l.f, 0, w)
		}
	}
	return m
}

// flagged lists, for each flag but wNum and wMult, the words that carry it.
var flagged = []struct {
	f     wflag
	words []string
}{
	{wDozen, []string{"dozen"}},
	{wA, []string{"a", "an"}},
	{wStop, []string{"a", "an", "the", "this", "that", "these", "those", "of", "to", "in", "on",
		"at", "for", "from", "with", "by", "as", "than", "and", "or", "but", "nor", "so", "if",
		"is", "are", "was", "were", "be", "been", "being", "will", "would", "can", "could",
		"may", "might", "must", "shall", "should", "have", "has", "had", "do", "does", "did",
		"it", "its", "their", "his", "her", "our", "my", "your", "they", "them", "he", "she",
		"we", "you", "i", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
		"while", "after", "before", "since", "until", "about", "over", "under", "into", "onto",
		"per", "each", "every", "all", "some", "more", "less", "most", "such", "not", "no",
		"also", "just", "only", "still", "already", "ago", "later", "earlier", "said", "says",
		"told", "there", "here", "then", "now", "up", "down", "out", "off", "between", "among",
		"across", "through", "during", "against", "without", "within", "including", "like",
		"because", "though", "although", "whether", "according", "plus", "versus", "around",
		"nearly", "almost", "last", "next", "year-old", "away", "too", "very", "even", "yet",
		"again", "instead", "respectively", "compared", "against", "behind", "ahead", "beyond",
		// Common irregular verb forms, which end a noun phrase as surely.
		"left", "made", "took", "came", "went", "gave", "got", "saw", "won", "lost", "fell",
		"rose", "held", "led", "ran", "sent", "found", "kept", "met", "paid", "sold", "spent",
		"stood", "remain", "remains", "remained", "get", "make", "take", "go", "come", "say",
		"below", "above", "beneath", "beside", "near", "inside", "outside", "toward",
		"towards", "upon", "via", "per", "whereas", "unlike", "despite", "amid", "amongst"}},
	{wDatePrep, []string{"the", "in", "by", "since", "until", "till", "of", "from", "to", "its",
		"this", "that", "before", "after", "during", "for", "between", "and", "early", "late",
		"mid", "throughout", "on", "at", "circa", "than", "season", "year", "summer", "winter",
		"spring", "autumn", "fall"}},
	{wMonth, []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
		"jul", "aug", "sep", "sept", "oct", "nov", "dec"}},
	{wClock, []string{"am", "pm", "gmt", "bst", "utc", "cet", "est", "edt", "pst", "hrs", "hgmt"}},
	{wLabel, []string{"no", "nos", "number"}},
	{wAged, []string{"aged", "age", "ages"}},
	{wPer, []string{"per"}},
	{wCent, []string{"cent"}},
	{wPercent, []string{"percent", "pc"}},
	{wPlural, []string{"people", "children", "men", "women", "staff", "police", "personnel",
		"cattle", "sheep", "fish", "aircraft", "data", "media", "feet", "teeth", "mice",
		"geese", "crew", "deer", "livestock", "offspring", "military", "infantry", "cavalry",
		"clergy", "youth", "folk", "yen", "euro", "yuan", "head", "pence", "p"}},
	{wMeasure, []string{"km", "kg", "mph", "ft", "cm", "mm", "ml", "mg", "lb", "lbs", "oz", "kw",
		"mw", "gw", "kwh", "gb", "mb", "tb", "ghz", "mhz", "mbps", "kph", "km/h", "sq", "bpd"}},
	{wOneNot, []string{"of", "another", "or", "and", "thing", "things", "day", "way", "time",
		"point", "side", "hand", "reason", "occasion", "moment", "other", "such", "more", "less",
		"last", "final", "second", "in", "that", "who", "which", "to", "is", "was", "has",
		"had", "will", "would", "can", "could", "might", "must", "should", "does", "did", "said",
		"says", "stop", "way"}},
	{wCounted, []string{"people", "troops", "soldiers", "jobs", "workers", "staff", "homes",
		"houses", "cases", "deaths", "members", "votes", "children", "students", "pupils",
		"patients", "visitors", "copies", "units", "cars", "vehicles", "metres", "meters",
		"miles", "km", "kilometres", "tonnes", "tons", "feet", "yards", "points", "employees",
		"passengers", "fans", "users", "customers", "residents", "families", "households"}},
	{wFraction, []string{"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
		"sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths",
		"tenth", "tenths", "hundredth", "hundredths", "thousandth", "thousandths"}},
	{wDet, []string{"the", "no", "any", "this", "that", "every", "each", "which", "someone",
		"anyone", "everyone", "little", "only", "this", "last", "next", "special", "right",
		"wrong", "big", "young", "loved", "chosen", "same", "single", "lucky"}},
}

// numShapes are the shapes of the number words ("four", "a"), so that
// most words are passed over without a lookup.
var numShapes = func() (s lexer.Shapes) {
	for w, e := range words {
		if e.f&(wNum|wA) != 0 {
			s.Add(w)
		}
	}
	return s
}()

// maybeNumWord reports whether w could be a number word.
func maybeNumWord(w string) bool { return numShapes.Fits(w) }

// suffix is what letters glued to digits make of them.
type suffix struct {
	mult float64 // a multiplier: "£15.8m", "3bn", "20k"
	unit bool    // a measure: "10km"; the letters are the unit
}

// suffixes are the letters a figure may carry glued to its digits; any
// other letters ("5G", "1990s", "10am") make it no figure.
var suffixes = map[string]suffix{
	"m": {mult: 1e6}, "mn": {mult: 1e6}, "bn": {mult: 1e9}, "k": {mult: 1e3},
	"tn": {mult: 1e12}, "trn": {mult: 1e12},
	"km": {unit: true}, "kg": {unit: true}, "mph": {unit: true}, "ft": {unit: true},
	"cm": {unit: true}, "mm": {unit: true}, "ml": {unit: true}, "mg": {unit: true},
	"lb": {unit: true}, "lbs": {unit: true}, "oz": {unit: true}, "kw": {unit: true},
	"mw": {unit: true}, "gw": {unit: true}, "kwh": {unit: true}, "gb": {unit: true},
	"mb": {unit: true}, "tb": {unit: true}, "ghz": {unit: true}, "mhz": {unit: true},
	"mbps": {unit: true}, "kph": {unit: true}, "bpd": {unit: true},
}

// metresAfter holds words after which a glued "m" means metres ("the
// 100m hurdles"), not millions as it does in most news copy.
var metresAfter = map[string]bool{
	"hurdles": true, "final": true, "freestyle": true, "sprint": true, "relay": true,
	"race": true, "breaststroke": true, "backstroke": true, "butterfly": true, "medley": true,
	"title": true, "champion": true, "record": true, "indoor": true, "heats": true,
	"heat": true, "event": true, "dash": true, "individual": true, "gold": true,
	"silver": true, "bronze": true, "world": true, "olympic": true, "european": true,
	"tall": true, "high": true, "long": true, "wide": true, "deep": true, "taller": true,
	"higher": true, "longer": true, "wider": true, "deeper": true, "away": true, "above": true,
	"below": true, "per": true,
}

// qualifiers are the hedges a figure may open with, longest first so that
// "just over" wins over "over".
var qualifiers = func() []qualPhrase {
	var qs []qualPhrase
	for _, ws := range qualifierWords {
		qs = append(qs, qualPhrase{ws, strings.Join(ws, " ")})
	}
	return qs
}()

type qualPhrase struct {
	words []string
	name  string
}

var qualifierWords = [][]string{
	{"in", "excess", "of"}, {"as", "many", "as"}, {"as", "much", "as"}, {"as", "few", "as"},
	{"more", "than"}, {"fewer", "than"}, {"less", "than"}, {"at", "least"}, {"at", "most"},
	{"up", "to"}, {"an", "estimated"}, {"just", "over"}, {"just", "under"}, {"well", "over"},
	{"upwards", "of"}, {"close", "to"}, {"over"}, {"about"}, {"around"}, {"nearly"},
	{"almost"}, {"some"}, {"approximately"}, {"roughly"}, {"under"}, {"estimated"},
}

// notPlural holds words ending in s that are not plural nouns.
var notPlural = map[string]bool{
	"this": true, "was": true, "has": true, "its": true, "his": true, "yes": true, "bus": true,
	"gas": true, "plus": true, "always": true, "perhaps": true, "across": true, "thus": true,
	"whereas": true, "news": true, "series": true, "various": true, "previous": true,
	"is": true, "us": true, "as": true, "does": true, "less": true, "unless": true,
	"towards": true, "afterwards": true, "besides": true, "says": true, "nevertheless": true,
	"lens": true, "chaos": true, "canvas": true, "atlas": true, "alias": true,
}
