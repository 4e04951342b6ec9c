package bot

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/commands"
)

// The lines an answer is made of, each escaped and cut to its budget once.

// itemLine renders one item as a line of the embed's description.
func itemLine(it commands.Item) sized {
	var b strings.Builder
	b.WriteString("• ")
	if it.Date != "" {
		b.WriteString(escape(it.Date) + " · ")
	}
	if it.Label != "" {
		b.WriteString("**" + escape(commands.Ellipsis(it.Label, labelText)) + "**: ")
	}
	head := b.String()
	tail := commands.Refs(it.Citations)
	if it.Extracted {
		tail += " *(extracted)*"
	}
	// Escaping can double the text; cut it further until the line fits.
	for n := itemText; ; n = n * 2 / 3 {
		text := marked(it.Text, it.Marks, n)
		if it.Verbatim && !commands.OpensQuote(it.Text) {
			text = "“" + text + "”"
		}
		line := head + text + tail
		if k := runes(line); k <= maxItemLine {
			return sized{line, k} // what clip would return, without counting it again
		}
		if n < 10 {
			line = clip(line, maxItemLine)
			return sized{line, runes(line)}
		}
	}
}

// marked escapes s, cut to n characters, with the byte ranges marks in bold.
func marked(s string, marks [][2]int, n int) string {
	keep, cut := cutAt(s, n)
	var b strings.Builder
	b.Grow(keep + keep/8 + 4*len(marks) + len("…"))
	last := 0
	for _, m := range marks {
		if m[0] < last || m[1] > keep || m[0] >= m[1] {
			continue
		}
		escapeTo(&b, s[last:m[0]], false)
		b.WriteString("**")
		escapeTo(&b, strings.TrimSpace(s[m[0]:m[1]]), false)
		b.WriteString("**")
		last = m[1]
	}
	escapeTo(&b, s[last:keep], false)
	if cut {
		b.WriteString("…")
	}
	return strings.TrimSpace(b.String())
}

// cutAt returns the byte length of s's first n-1 characters when s is longer
// than n characters (room for an ellipsis), and whether it cut.
func cutAt(s string, n int) (int, bool) {
	if runes(s) <= n {
		return len(s), false
	}
	i, k := 0, 0
	for i = range s {
		if k == n-1 {
			break
		}
		k++
	}
	return i, true
}

// citeLineOf renders a numbered citation: its quote (cut) unless the page
// shows it verbatim already, and where it comes from.
func (r *renderer) citeLineOf(n int, short bool) sized {
	key := [2]int{n, 0}
	if short {
		key[1] = 1
	}
	if l, ok := r.lineCache[key]; ok {
		return l
	}
	s := r.makeCiteLine(n, short)
	l := sized{s, runes(s)}
	r.lineCache[key] = l
	return l
}

// foldedQuote is a citation's quote with white space folded, to compare
// with an item's text.
func (r *renderer) foldedQuote(n int) string {
	q, ok := r.quoteFold[n]
	if !ok {
		q = fold(r.cites[n].Quote)
		r.quoteFold[n] = q
	}
	return q
}

// makeCiteLine writes citation n: its number, its quote unless short, and
// the article it comes from, linked to the quoted words when the article
// has a web address and the line with the link stays within citeLinkLine;
// otherwise plain, as it always was.
func (r *renderer) makeCiteLine(n int, short bool) string {
	c := r.cites[n]
	src, ok := sourceOf(r.a, c.Source)
	label := unknownArticle
	if ok {
		label = readerLabel(src)
	}
	label = escape(commands.Ellipsis(label, labelText))
	quote := ""
	if !short && c.Quote != "" {
		quote = escape(commands.Ellipsis(c.Quote, commands.QuoteShown))
		if !commands.OpensQuote(c.Quote) {
			quote = "“" + quote + "”"
		}
		quote += " — "
	}
	num := "**[" + strconv.Itoa(n) + "]** "
	if ok {
		if u := quoteLink(r.link(src.URL), c.Quote); u != "" {
			if linked := num + quote + "[" + label + "](" + u + ")"; runes(linked) <= citeLinkLine {
				return linked
			}
		}
	}
	return clip(num+quote+label, citeLine)
}

// link is linkURL of an article's address, worked out once an answer:
// an article is cited many times over.
func (r *renderer) link(u string) string {
	l, ok := r.links[u]
	if !ok {
		l = linkURL(u)
		r.links[u] = l
	}
	return l
}

// sourceLineOf renders one article of the Sources block: title (linked
// when it has a web address), outlet and date; not its id, which readers
// have no use for (/source and autocomplete show it to those who do).
// u is the article's address made fit for a link (linkURL), which a
// renderer works out once for the Sources and the citations both.
func sourceLineOf(s commands.Source, u string) string {
	plain := escape(commands.Ellipsis(s.Title, 120))
	if plain == "" {
		plain = "Untitled article"
	}
	title := plain
	if u != "" {
		title = "[" + title + "](" + u + ")"
	}
	parts := []string{"• " + title}
	if s.Outlet != "" {
		parts = append(parts, escape(commands.Ellipsis(s.Outlet, 60)))
	}
	if s.Date != "" {
		parts = append(parts, escape(s.Date))
	}
	line := strings.Join(parts, " — ")
	if runes(line) > sourceLine {
		// Without the link, the line can be cut safely.
		parts[0] = "• " + plain
		line = clip(strings.Join(parts, " — "), sourceLine)
	}
	return line
}

// linkEscaper escapes what would end a masked link early or break it in
// a client. A Replacer is safe for concurrent use and costly to build (it
// builds its tables on first use), so there is one.
var linkEscaper = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")

// linkURL returns u fit for a masked link, or "" when it is not an http(s)
// address short enough to show.
func linkURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	s := p.String()
	s = linkEscaper.Replace(s)
	if len(s) > 200 {
		return ""
	}
	return s
}

func (r *renderer) srcLine(id string) string { return r.srcLineSized(id).s }

// srcLineSized is the Sources line of article id with its characters,
// counted once an answer.
func (r *renderer) srcLineSized(id string) sized {
	if l, ok := r.srcLines[id]; ok {
		return l
	}
	return sized{unknownSrcLine, runes(unknownSrcLine)}
}

// unknownSrcLine is the Sources line of an article the answer does not
// describe.
const unknownSrcLine = "• " + unknownArticle

// sized is a line with its characters, counted once: a page's layout
// adds up the lengths of lines as it tries entries.
type sized struct {
	s string
	n int
}
