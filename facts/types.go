package facts

// Citation ties a claim to a verbatim snippet of an article: Doc.Text[Start:End].
type Citation struct {
	Doc        *Document
	Start, End int // byte offsets into Doc.Text
}

// Quote returns the cited snippet, verbatim.
func (c Citation) Quote() string { return c.Doc.Text[c.Start:c.End] }

// Person is a person or an organisation the articles name.
type Person struct {
	ID          string
	Name        string
	Kind        string // "person" or "organisation"
	Aliases     []string
	Role        string
	Roles       []string // other roles the articles give them, as written
	Description string
	Citations   []Citation
	Extracted   bool      // found in the text, not curated
	Mentions    []Mention // every sentence naming them, in document order
}

// Names returns the display name followed by the aliases.
func (p *Person) Names() []string {
	return append([]string{p.Name}, p.Aliases...)
}

// Mention is a sentence that names a person.
type Mention struct {
	Doc      *Document
	Sentence int // index into Doc.Sentences
}

// Event is something that happened on a date.
type Event struct {
	ID        string
	Date      Date
	Text      string
	People    []string // person ids
	Citations []Citation
	Extracted bool
	Planned   bool // told in the future tense: scheduled, not yet happened
	// sent is an extracted event's sentence in its article, worked out
	// once with the article's work rather than at every reload.
	sent int32
}

// Figure is a number the story gives, with its context. Figures that share a
// Topic are about the same quantity, so differing values show a disagreement
// between sources.
type Figure struct {
	ID        string
	Value     string
	Unit      string
	About     string
	Topic     string
	Citations []Citation
	Extracted bool
	at        int // where an extracted figure's number starts in its article
}

// Point is a key point of the story.
type Point struct {
	Text      string
	Citations []Citation
}

// Quote is something a person said, verbatim.
type Quote struct {
	ID        string // an extracted quote's id ("q-" article "-" offset), for suppress:; "" if curated
	Speaker   string // person id
	Cite      Citation
	About     string
	Date      Date // when it was said, or the article's date
	Extracted bool
}
