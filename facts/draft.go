package facts

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/briefbot/briefbot/facts/extract"
	"github.com/briefbot/briefbot/facts/numbers"
	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/facts/timex"
)

// The shapes of a facts.yaml fragment, in the order a curator reads them.
type (
	draftCite struct {
		Source string `yaml:"source"`
		Quote  string `yaml:"quote"`
	}
	draftPerson struct {
		ID        string      `yaml:"id"`
		Name      string      `yaml:"name"`
		Aliases   []string    `yaml:"aliases,omitempty,flow"`
		Role      string      `yaml:"role,omitempty"`
		Citations []draftCite `yaml:"citations"`
	}
	draftEvent struct {
		ID        string      `yaml:"id"`
		Date      string      `yaml:"date"`
		Text      string      `yaml:"text"`
		Citations []draftCite `yaml:"citations"`
	}
	draftFigure struct {
		ID        string      `yaml:"id"`
		Value     string      `yaml:"value"`
		Unit      string      `yaml:"unit,omitempty"`
		About     string      `yaml:"about,omitempty"`
		Topic     string      `yaml:"topic,omitempty"`
		Citations []draftCite `yaml:"citations"`
	}
	draftQuote struct {
		Speaker string `yaml:"speaker"`
		Source  string `yaml:"source"`
		Quote   string `yaml:"quote"`
		About   string `yaml:"about,omitempty"`
	}
	draftFile struct {
		People  []draftPerson `yaml:"people,omitempty"`
		Events  []draftEvent  `yaml:"events,omitempty"`
		Figures []draftFigure `yaml:"figures,omitempty"`
		Quotes  []draftQuote  `yaml:"quotes,omitempty"`
	}
)

// Draft extracts from one article a ready-to-edit facts.yaml fragment: the
// people it names who are not in base, the dated events, the figures and
// the quotes, each with its citation, so a curator reviews rather than
// types. id is the article's id; published, when not zero, resolves
// relative dates ("on Monday"). People already in base are referred to by
// their ids.
func Draft(base *Base, id string, raw []byte, published time.Time) []byte {
	text, _ := decodeText(raw)
	sents := prose.Split(text)
	known := make([]extract.Known, 0, len(base.People()))
	for _, p := range base.People() {
		if !p.Extracted {
			known = append(known, extract.Known{ID: p.ID, Names: p.Names(), Role: p.Role})
		}
	}
	r := extract.Run(text, sents, known)
	cite := func(s, e int) draftCite { return draftCite{Source: id, Quote: text[s:e]} }
	sentence := func(off int) (draftCite, bool) {
		s, ok := sentenceOf(sents, off)
		return cite(s.Start, s.End), ok
	}
	var out draftFile
	taken := map[string]bool{}
	for _, p := range base.People() {
		taken[p.ID] = true
	}
	var ids []string
	out.People, ids = draftPeople(r.People, taken, sentence)
	out.Events = draftEvents(base, &Document{ID: id, Text: text, Sentences: sents}, timex.Find(text, published), taken)
	for _, f := range numbers.Find(text) {
		if s, ok := sentenceOf(sents, f.Start); ok && s.Kind == prose.Story && keepFigure(f) {
			sentence := text[s.Start:s.End]
			out.Figures = append(out.Figures, draftFigure{ID: uniqueID(slug(id+" "+f.Value+" "+f.Unit), taken),
				Value: strings.TrimSpace(f.Qualifier + " " + f.Value), Unit: f.Unit,
				About: sentence, Topic: fittingTopic(base, f.Unit, sentence), Citations: []draftCite{cite(f.Start, f.End)}})
		}
	}
	for _, q := range r.Quotes {
		out.Quotes = append(out.Quotes, draftQuote{Speaker: ids[q.Speaker], Source: id, Quote: text[q.Start:q.End],
			About: quoteAbout(text, sents, q.Start, q.End)})
	}
	return encodeDraft(out, id, published)
}

// quoteAbout drafts what a quote is about from its sentence: the words
// around the quote ("told the meeting that the barrier was"), for the
// curator to shorten; "" when the quote is the whole sentence.
func quoteAbout(text string, sents []prose.Sentence, start, end int) string {
	s, ok := sentenceOf(sents, start)
	if !ok {
		return ""
	}
	around := text[s.Start:min(start, s.End)] + " " + text[min(end, s.End):s.End]
	around = strings.Join(strings.Fields(strings.NewReplacer("“", "", "”", "", "\"", "", "‘", " ", "’", "'").Replace(around)), " ")
	around = strings.Trim(around, " :,.;")
	if len(strings.Fields(around)) < 3 {
		return ""
	}
	return around
}

// draftEvents drafts a dated event for each sentence of the story that
// dates what it tells, leaving out one the curated events already hold
// (the same date and mostly the same words).
func draftEvents(base *Base, doc *Document, exprs []timex.Expr, taken map[string]bool) []draftEvent {
	id, text := doc.ID, doc.Text
	var curated []*Event
	for _, e := range base.events {
		if !e.Extracted {
			curated = append(curated, e)
		}
	}
	ix := newEventIndex(curated)
	var out []draftEvent
	for i, x := range storyDates(doc.Sentences, exprs) {
		s := doc.Sentences[i]
		e := &Event{Date: dateOf(x), Text: text[s.Start:s.End], Citations: []Citation{{Doc: doc, Start: s.Start, End: s.End}}}
		if ix.same(e) != nil {
			continue
		}
		out = append(out, draftEvent{ID: uniqueID(fmt.Sprintf("%s-%d", slug(id), i), taken),
			Date: e.Date.String(), Text: e.Text, Citations: []draftCite{{Source: id, Quote: e.Text}}})
	}
	return out
}

// draftPeople drafts the people extraction found who are not curated yet,
// each with the sentence that first names them, and returns the id of
// every person found (a curated person keeps theirs).
func draftPeople(found []extract.Person, taken map[string]bool, sentence func(int) (draftCite, bool)) ([]draftPerson, []string) {
	var out []draftPerson
	ids := make([]string, len(found))
	for i, p := range found {
		if p.KnownID != "" {
			ids[i] = p.KnownID
			continue
		}
		ids[i] = uniqueID(slug(p.Name), taken)
		dp := draftPerson{ID: ids[i], Name: p.Name, Role: p.Role}
		if parts := strings.Fields(p.Name); len(parts) > 1 {
			dp.Aliases = []string{parts[len(parts)-1]}
		}
		if len(p.Mentions) > 0 {
			if c, ok := sentence(p.Mentions[0].Start); ok {
				dp.Citations = []draftCite{c}
			}
		}
		if len(dp.Citations) > 0 {
			out = append(out, dp)
		}
	}
	return out, ids
}

// encodeDraft writes the draft as YAML under a comment telling the
// curator what to review.
func encodeDraft(out draftFile, id string, published time.Time) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Draft facts for %s, extracted by `briefbot draft`. Review every entry:\n", id)
	fmt.Fprintf(&buf, "# names and roles, event dates and texts (shorten them), figures and speakers.\n")
	if published.IsZero() {
		fmt.Fprintf(&buf, "# No publication date was given, so relative dates (\"on Monday\") were not resolved.\n")
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		// The draft is built from plain strings; encoding it cannot fail.
		panic(fmt.Sprintf("encoding draft: %v", err))
	}
	return buf.Bytes()
}

// keepFigure keeps figures worth listing: with a unit, or a percentage or
// sum of money; not counting words ("two men").
func keepFigure(f numbers.Figure) bool {
	if f.Unit == "" && !strings.ContainsAny(f.Value, "%£$€") {
		return false
	}
	return f.Number >= 3 || strings.ContainsAny(f.Value, "0123456789")
}

// fittingTopic is the topic of a curated figure that counts the same thing
// (the same unit) about the same subject (the topic's words in the new
// figure's sentence), so that a new source's number shows beside the
// others; "" when none fits.
func fittingTopic(base *Base, unit, sentence string) string {
	if unit == "" {
		return ""
	}
	for _, f := range base.figures {
		if f.Extracted || f.Topic == "" || base.index == nil {
			continue
		}
		ts := base.Terms(f.Unit)
		if ts.Cover(unit) == 0 {
			continue
		}
		// The topic's own words say what the figures count ("coalition
		// size"); those the articles never use ("size") say nothing here.
		var known []string
		for _, w := range strings.FieldsFunc(f.Topic, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }) {
			if len(base.Terms(w).Missing()) == 0 {
				known = append(known, w)
			}
		}
		if subject := base.Terms(strings.Join(known, " ")); subject.Len() > 0 && subject.Cover(sentence) >= 0.5 {
			return f.Topic
		}
	}
	return ""
}

// slug makes an id from a name: lower-case letters and digits joined by '-'.
func slug(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			sb.WriteRune(r)
		case sb.Len() > 0 && !strings.HasSuffix(sb.String(), "-"):
			sb.WriteByte('-')
		}
	}
	if out := strings.Trim(sb.String(), "-"); out != "" {
		return out
	}
	return "x"
}

// uniqueID returns base, or base-2, base-3 … when taken, and takes it.
func uniqueID(base string, taken map[string]bool) string {
	id := base
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	taken[id] = true
	return id
}

// sentenceOf finds the sentence holding byte offset off.
func sentenceOf(sents []prose.Sentence, off int) (prose.Sentence, bool) {
	for _, s := range sents {
		if s.Start <= off && off < s.End {
			return s, true
		}
	}
	return prose.Sentence{}, false
}
