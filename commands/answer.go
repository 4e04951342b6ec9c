package commands

import "github.com/briefbot/briefbot/facts"

// Answer is what a command returns: a title, items, and the citations that
// back them, numbered in order of first use.
type Answer struct {
	Query       string     `json:"query"`
	Command     string     `json:"command"`
	Found       bool       `json:"found"`
	Title       string     `json:"title"`
	Lead        string     `json:"lead,omitempty"` // a paragraph under the title
	LeadCites   []int      `json:"lead_citations,omitempty"`
	Items       []Item     `json:"items"`
	Suggestions []string   `json:"suggestions,omitempty"`
	Citations   []Citation `json:"citations"`
	Sources     []Source   `json:"sources"`
	AsOf        string     `json:"as_of,omitempty"`
	// Story names the story the answer comes from, when the bot serves
	// several.
	Story string `json:"story,omitempty"`
	// Private asks for a reply only the asker sees (errors, admin replies).
	Private bool `json:"private,omitempty"`
}

// Item is one line of an answer.
type Item struct {
	Section   string   `json:"section,omitempty"` // heading the item belongs under
	Date      string   `json:"date,omitempty"`    // YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY
	Label     string   `json:"label,omitempty"`   // who or what, shown before the text
	Text      string   `json:"text"`
	Verbatim  bool     `json:"verbatim,omitempty"` // Text is a source's own words
	Marks     [][2]int `json:"marks,omitempty"`    // byte ranges of Text to show in bold
	Citations []int    `json:"citations,omitempty"`
	Extracted bool     `json:"extracted,omitempty"` // found by extraction, not curated
}

// Citation is a numbered verbatim snippet: Quote == source text [Start:End].
type Citation struct {
	N      int    `json:"n"`
	Source string `json:"source"`
	Quote  string `json:"quote"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Source describes a cited article for the Sources block.
type Source struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
}

// SourceOf describes an article.
func SourceOf(d *facts.Document) Source {
	return Source{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Date: d.Published.String(), URL: d.URL}
}

// citer numbers citations as an answer uses them, once each, and gathers the
// sources they come from.
type citer struct {
	a    *Answer
	seen map[facts.Citation]int
	srcs map[string]bool
}

func newAnswer(b *facts.Base, req Request) (*Answer, *citer) {
	return newAnswerSized(b, req, 0)
}

// newAnswerSized makes room for n items up front: a listing knows its
// length, and growing the maps and slices item by item was most of the
// cost of a long one.
func newAnswerSized(b *facts.Base, req Request, n int) (*Answer, *citer) {
	a := &Answer{Query: req.Raw, Command: req.Command, Found: true, AsOf: b.AsOf().String(),
		Items: make([]Item, 0, n), Citations: make([]Citation, 0, n), Sources: []Source{}}
	return a, &citer{a: a, seen: make(map[facts.Citation]int, n), srcs: map[string]bool{}}
}

// cite returns the number of a citation, adding it on first use.
func (c *citer) cite(fc facts.Citation) int {
	if n, ok := c.seen[fc]; ok {
		return n
	}
	n := len(c.a.Citations) + 1
	c.seen[fc] = n
	c.a.Citations = append(c.a.Citations, Citation{N: n, Source: fc.Doc.ID, Quote: fc.Quote(), Start: fc.Start, End: fc.End})
	c.source(fc.Doc)
	return n
}

// source lists an article among the answer's sources, once.
func (c *citer) source(d *facts.Document) {
	if !c.srcs[d.ID] {
		c.srcs[d.ID] = true
		c.a.Sources = append(c.a.Sources, SourceOf(d))
	}
}

func (c *citer) cites(fcs []facts.Citation) []int {
	out := make([]int, 0, len(fcs))
	for _, fc := range fcs {
		out = append(out, c.cite(fc))
	}
	return out
}

// sentence cites a whole sentence of an article.
func (c *citer) sentence(d *facts.Document, i int) int {
	s := d.Sentences[i]
	return c.cite(facts.Citation{Doc: d, Start: s.Start, End: s.End})
}
