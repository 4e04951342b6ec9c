package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The cue phrases that mark a sentence as holding a kind of answer. They
// are English, not any story's: one table, so that what counts as "a
// reason" is decided in one place.
var (
	// reasonCues give a cause or a purpose.
	reasonCues = []string{
		"because", "since ", "in order to", "so that", "so as to", "due to", "owing to",
		"as a result", "in response to", "a response to", "that's why", "that’s why", "the reason",
		"the point of", "aimed at", "in a bid to", "in an effort to", "designed to", "to deter",
		"to ensure", "to help", "to discuss", "to support", "to secure", "to guarantee",
		"to provide", "to protect", "to prevent", "to end", "to stop", "to avoid", "can only be",
		"only if", "would help", "will help", "to make it clear", "after ", "following ", "based on",
		"as part of", "over ", "protest", "objected", "concerns", "fears", "feared", "worried",
	}
	// placeWords after "in"/"at" name a place even in lower case.
	placeWords = []string{"headquarters", "embassy", "building", "house", "street", "city", "capital", "border", "room", "summit"}
	// timeWords hold a date or a stretch of time.
	timeWords = []string{
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "yesterday", "today", "tomorrow", "week", "weeks",
		"month", "months", "year", "years", "day", "days", "hour", "hours", "decade", "since",
	}
	// numberWords are numbers written out.
	numberWords = []string{
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
		"dozen", "dozens", "hundreds", "thousands", "first", "second", "third", "fourth", "fifth",
		"half", "double", "twice",
	}
)

// lightWords are verbs so common in questions ("what did X say", "is X
// going to …") that they say little of what the question is about; they
// count for lightWeight of their rarity.
var lightWords = map[string]bool{
	"want": true, "wants": true, "take": true, "get": true, "go": true, "going": true, "goes": true,
	"make": true, "do": true, "done": true, "think": true, "know": true, "say": true, "said": true,
	"tell": true, "told": true, "speak": true, "spoke": true, "talk": true, "happen": true,
	"happened": true, "give": true, "come": true, "set": true, "put": true, "see": true, "use": true,
	"need": true, "mean": true, "call": true, "called": true, "like": true, "really": true,
}

const lightWeight = 0.3

// pronounWords open a sentence about someone named before it: a third
// person, or the speaker of a quote ("“I don't want …”"). "It" is left
// out: it is as often a dummy subject ("It is clear …") as a reference.
var pronounWords = []string{"he", "she", "they", "his", "her", "their", "him", "i", "we", "our", "my"}

// referenceWords open a sentence about something named before it.
var referenceWords = []string{"this", "that", "these", "those", "such", "it", "its"}

// verdictCues settle a yes/no question one way or the other.
var verdictCues = []string{" not ", "n't ", "n’t ", " no ", "never", "ruled out", "rule out", "refused",
	"denied", "rejected", "confirmed", "agreed", "insisted", "intention", "intends", "plans to", "will ", "would "}

// amountMarks show a sum of money or a share.
var amountMarks = []string{"%", "£", "$", "€", "per cent", "percent", "bn", "billion", "million", "pounds", "dollars", "euros", "cost"}

// HasKind reports whether a sentence holds the kind of answer wanted.
// subject holds the question's words: a place, number or date that the
// question itself names is not an answer to it.
func HasKind(text string, want Want, subject string) bool {
	lower := strings.ToLower(text)
	switch want {
	case WantReason:
		for _, c := range reasonCues {
			if strings.Contains(lower, c) {
				return true
			}
		}
	case WantPlace:
		return placeIn(text, strings.ToLower(subject))
	case WantDefinition:
		return defines(lower, strings.ToLower(subject))
	case WantVerdict:
		for _, c := range verdictCues {
			if strings.Contains(lower, c) {
				return true
			}
		}
	case WantAmount:
		for _, m := range amountMarks {
			if strings.Contains(lower, m) && !strings.Contains(strings.ToLower(subject), m) {
				return true
			}
		}
	case WantNumber:
		return numberIn(text, strings.ToLower(subject))
	case WantTime:
		for _, w := range plainWords(lower) {
			if slices.Contains(timeWords, w) || (len(w) == 4 && w[0] >= '1' && w[0] <= '2' && digits(w)) {
				return !strings.Contains(strings.ToLower(subject), w)
			}
		}
	}
	return false
}

// placeIn finds "in/at/to/from" followed by a capitalised word, or by a
// place word, that the subject does not already name.
func placeIn(text, subject string) bool {
	ws := plainWords(text)
	for i := 0; i+1 < len(ws); i++ {
		switch strings.ToLower(ws[i]) {
		case "in", "at", "to", "from", "near", "outside", "inside":
		case "of": // "in front of"
			if i == 0 || strings.ToLower(ws[i-1]) != "front" {
				continue
			}
		default:
			continue
		}
		j := i + 1
		if w := strings.ToLower(ws[j]); (w == "the" || w == "a") && j+1 < len(ws) {
			j++
		}
		r, _ := utf8.DecodeRuneInString(ws[j])
		lw := strings.ToLower(ws[j])
		if (unicode.IsUpper(r) || slices.Contains(placeWords, lw)) && !strings.Contains(subject, lw) {
			return true
		}
	}
	return false
}

// numberIn finds a number, in digits or words, that the subject lacks.
func numberIn(text, subject string) bool {
	for _, w := range plainWords(text) {
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		if (unicode.IsDigit(r) || slices.Contains(numberWords, lw)) && !strings.Contains(subject, lw) {
			return true
		}
	}
	return strings.ContainsAny(text, "%£$€")
}

// plainWords splits text into its words as written, runs of letters and
// digits. No stemming: the cues are plain words.
func plainWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// definitionForms follow (or, with %s first, surround) the subject of a
// sentence that says what it is.
var definitionForms = []string{"%s is ", "%s are ", "%s was ", "%s, which", "%s, a ", "%s, the ", "%s (", "(%s)", "called %s", "known as %s", "%s – ", "%s - "}

// defines reports whether a lower-case sentence says what subject is.
func defines(lower, subject string) bool {
	if subject == "" {
		return false
	}
	for _, f := range definitionForms {
		if strings.Contains(lower, strings.ReplaceAll(f, "%s", subject)) {
			return true
		}
	}
	return false
}
