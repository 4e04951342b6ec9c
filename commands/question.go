package commands

import (
	"regexp"
	"strings"
)

// Kind is the kind of answer a question asks for.
type Kind string

// Kinds of question, by the answer they want.
const (
	KindPerson     Kind = "person"     // who is X, by name or by role
	KindFigure     Kind = "figure"     // how many / much / long / old
	KindDate       Kind = "date"       // when
	KindPlace      Kind = "place"      // where
	KindReason     Kind = "reason"     // why
	KindDefinition Kind = "definition" // what is / tell me about X
	KindEvent      Kind = "event"      // what happened at X, what did X do
	KindQuote      Kind = "quote"      // what did X say (about Y)
	KindYesNo      Kind = "yesno"      // is / will / did …
	KindOther      Kind = "other"      // anything else: the best matching sentences
)

// Question is a plain question taken apart: what kind of answer it wants
// and what it is about.
type Question struct {
	Text    string // as typed
	Kind    Kind
	Target  string // the person, role or thing asked about ("the home secretary", "NATO")
	About   string // for quotes: the topic ("sanctions"); for figures: the unit asked for ("countries")
	Measure string // for figures: "many", "much", "long", "old", …
	Topic   string // the words that say what the question is about, question words removed
}

// typoWords are question words as people misspell or run them together in
// chat; they are replaced before the question is read.
var typoWords = map[string]string{
	"wat": "what", "wot": "what", "whats": "what is", "what's": "what is", "wht": "what",
	"whos": "who is", "who's": "who is", "hoo": "who", "wher": "where", "whr": "where",
	"wheres": "where is", "where's": "where is", "wen": "when", "whn": "when", "whens": "when is",
	"when's": "when is", "y": "why", "hw": "how", "hows": "how is", "how's": "how is",
	"abt": "about", "bout": "about", "r": "are", "u": "you", "pls": "please", "plz": "please",
	"tel": "tell", "wich": "which", "wut": "what", "whose": "whose",
}

// politeness is dropped from either end of a question.
var politeness = []string{"please", "hey", "hi", "hello", "ok", "so", "briefbot", "bot", "can you", "could you", "do you know"}

// questionForms are tried in order; the first that matches decides the kind.
// Each names the groups it fills: target, about (or unit) and measure.
var questionForms = []struct {
	re   *regexp.Regexp
	kind Kind
	opts []string
}{
	{regexp.MustCompile(`^(?:what|which things?) (?:did|does|has|have|do) (.+?) (?:say|said|says|tell|told|think|thinks)(?: (?:about|on|of|to|regarding) (.+))?$`), KindQuote, []string{"target", "about"}},
	{regexp.MustCompile(`^(?:quotes?|quotations?|statements?) (?:from|by|of) (.+?)(?: (?:about|on|regarding) (.+))?$`), KindQuote, []string{"target", "about"}},
	{regexp.MustCompile(`^(?:did|has|does) (.+?) (?:say|said|comment|speak|talk)(?: anything)? (?:about|on|regarding) (.+)$`), KindQuote, []string{"target", "about"}},
	{regexp.MustCompile(`^(?:is|was|are|were|has) (.+?) (?:quoted|been quoted)(?: (?:about|on) (.+))?$`), KindQuote, []string{"target", "about"}},
	{regexp.MustCompile(`^how (many|much|long|old|far|big|large|often|soon)(?: (.+))?$`), KindFigure, []string{"measure", "target"}},
	{regexp.MustCompile(`^(?:who|whom) (?:is|was|are|were)(?: (?:a|an|the))? (.+)$`), KindPerson, []string{"target"}},
	{regexp.MustCompile(`^when (.+)$`), KindDate, []string{"target"}},
	{regexp.MustCompile(`^(?:what|which) (?:date|day|year|month|time) (.+)$`), KindDate, []string{"target"}},
	{regexp.MustCompile(`^where (.+)$`), KindPlace, []string{"target"}},
	{regexp.MustCompile(`^(?:why|how come) (.+)$`), KindReason, []string{"target"}},
	{regexp.MustCompile(`^what (?:is|was|are|were) the (?:reason|reasons|purpose|point) (?:for|of|behind) (.+)$`), KindReason, []string{"target"}},
	{regexp.MustCompile(`^what happened(?: (?:at|in|on|to|during|with|after|before|between|when|while) (.+))?$`), KindEvent, []string{"target"}},
	{regexp.MustCompile(`^what (?:did|has|have|does|will) (.+?) (?:do|done|agree|agreed|announce|announced|decide|decided)(?: (.+))?$`), KindEvent, []string{"target", "about"}},
	{regexp.MustCompile(`^(?:tell me|tell us|talk to me)(?: more)? about (.+)$`), KindDefinition, []string{"target"}},
	{regexp.MustCompile(`^(?:info|information|background|details) (?:on|about) (.+)$`), KindDefinition, []string{"target"}},
	{regexp.MustCompile(`^(?:explain|define|describe) (.+)$`), KindDefinition, []string{"target"}},
	{regexp.MustCompile(`^what does (.+) (?:mean|stand for)$`), KindDefinition, []string{"target"}},
	{regexp.MustCompile(`^what about (.+)$`), KindDefinition, []string{"target"}},
	{regexp.MustCompile(`^(?:what|who) (?:is|are|was|were) (.+)$`), KindDefinition, []string{"target"}},
	{regexp.MustCompile(`^(?:is|are|was|were|will|would|does|do|did|has|have|had|can|could|should|shall) (.+)$`), KindYesNo, []string{"target"}},
	{regexp.MustCompile(`^who (.+)$`), KindOther, []string{"target"}},
}

// Analyse takes a plain question apart. Anything it does not recognise is
// KindOther, answered with the sentences that best match it.
func Analyse(text string) Question {
	q := Question{Text: text, Kind: KindOther}
	norm := normaliseQuestion(text)
	for _, f := range questionForms {
		m := f.re.FindStringSubmatch(norm)
		if m == nil {
			continue
		}
		q.Kind = f.kind
		for i, name := range f.opts {
			v := strings.TrimSpace(m[i+1])
			switch name {
			case "target":
				q.Target = v
			case "about":
				q.About = v
			case "measure":
				q.Measure = v
			}
		}
		break
	}
	if q.Kind == KindOther {
		q.Target = norm
	}
	q.Target = trimArticle(q.Target)
	q.About = trimArticle(q.About)
	q.Topic = strings.TrimSpace(q.Target + " " + q.About)
	if q.Kind == KindFigure && q.Measure == "many" {
		// "how many countries …": the first word is the thing counted.
		q.About, _, _ = strings.Cut(q.Target, " ")
	}
	return q
}

// normaliseQuestion lowercases a question, folds curly apostrophes, mends
// common chat spellings of question words, and drops politeness and end
// punctuation.
func normaliseQuestion(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.Trim(s, "?!.,;: \t\n")
	words := strings.Fields(s)
	var out []string
	for _, w := range words {
		w = strings.TrimRight(w, "?!,;:")
		if fix, ok := typoWords[w]; ok {
			w = fix
		}
		if w != "" {
			out = append(out, w)
		}
	}
	s = strings.Join(out, " ")
	for changed := true; changed; {
		changed = false
		for _, p := range politeness {
			if t := strings.TrimPrefix(s, p+" "); t != s {
				s, changed = t, true
			}
			if t := strings.TrimSuffix(s, " "+p); t != s {
				s, changed = t, true
			}
		}
	}
	return s
}

// trimArticle drops a leading article and trailing filler ("the summit
// take place" is "summit").
func trimArticle(v string) string {
	for _, a := range []string{"the ", "a ", "an "} {
		v = strings.TrimPrefix(v, a)
	}
	for _, verb := range []string{" happen", " take place", " happened", " start", " begin", " held"} {
		v = strings.TrimSuffix(v, verb)
	}
	return v
}

// looksLikeQuestion reports whether a search query is really a question
// ("why is …"), which the question layer answers better than a keyword list.
func looksLikeQuestion(text string) bool {
	q := Analyse(text)
	return q.Kind != KindOther || strings.HasSuffix(strings.TrimSpace(text), "?")
}
