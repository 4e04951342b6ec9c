package bot

import (
	"strings"

	"github.com/briefbot/briefbot/commands"
)

// Citations a reader can click through. A citation whose article has a web
// address links to it with a text fragment (#:~:text=…, WICG's Text
// Fragments), so that a browser that supports them scrolls to the quoted
// words and highlights them; one that does not just opens the article.
// Readers of Discord never see an article's id: they see its outlet, date
// and title (ids stay in the JSON answer, in /source and /sources, where
// they are what one types, and in autocomplete).

const (
	// exactWords and exactChars bound a quote named in full in a text
	// fragment; a longer one is named by a few words from each end (the
	// textStart,textEnd form), which keeps the address short and still
	// highlights the whole passage.
	exactWords = 10
	exactChars = 300
	// endWords is how many words from each end name a long quote.
	endWords = 4
	// citeLinkLine bounds a citation line with its link; a longer one
	// falls back to the plain citation (citeLine), which can be cut
	// safely where a link could not.
	citeLinkLine = 700
)

// textFragment is the fragment directive that highlights quote, or "" for
// an empty quote. White space is folded as a browser folds it.
func textFragment(quote string) string {
	// The words are counted and the first and last endWords kept as they
	// come, without a slice of every word: quotes run to hundreds.
	var first, last [endWords]string
	words := 0
	for w := range strings.FieldsSeq(quote) {
		if words < endWords {
			first[words] = w
		}
		last[words%endWords] = w
		words++
	}
	if words == 0 {
		return ""
	}
	if (words <= exactWords && runes(quote) <= exactChars) || words < 2*endWords {
		return ":~:text=" + fragmentEncode(fold(quote))
	}
	end := make([]string, 0, endWords)
	for i := range endWords {
		end = append(end, last[(words+i)%endWords])
	}
	return ":~:text=" + fragmentEncode(strings.Join(first[:], " ")) + "," + fragmentEncode(strings.Join(end, " "))
}

// fold is s with its white space folded as a browser folds it: words
// separated by one space, none at either end.
func fold(s string) string {
	if folded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for w := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// folded reports whether fold would leave s as it is; it says no to any
// non-ASCII text, which may hold Unicode spaces.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80 || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// fragmentEncode percent-encodes s for a text directive. The spec requires
// '&', '-' and ',' to be encoded (they are the directive's own syntax) and
// everything outside the fragment-safe set; this keeps only ASCII letters,
// digits and ". _ ~" as they are, which is always valid and also keeps
// Discord's markdown (parentheses, brackets, spaces) out of the address.
func fragmentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	size := len(s)
	for i := 0; i < len(s); i++ {
		if !fragmentSafe(s[i]) {
			size += 2
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case fragmentSafe(c):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// quoteURL is the address of an article scrolled to quote: its URL with
// the text directive appended (after the article's own fragment, if it has
// one). It is "" when the article has no usable web address.
func quoteURL(articleURL, quote string) string { return quoteLink(linkURL(articleURL), quote) }

// quoteLink is quoteURL of an address linkURL has made already.
func quoteLink(u, quote string) string {
	if u == "" {
		return ""
	}
	frag := textFragment(quote)
	if frag == "" {
		return u
	}
	if strings.Contains(u, "#") {
		return u + frag
	}
	return u + "#" + frag
}

// sourceOf finds an article the answer describes.
func sourceOf(a commands.Answer, id string) (commands.Source, bool) {
	for _, s := range a.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return commands.Source{}, false
}

// readerLabel names a cited article for readers: outlet and date, or its
// title when it has no outlet; never its id.
func readerLabel(s commands.Source) string {
	name := s.Outlet
	if name == "" {
		name = commands.Ellipsis(s.Title, 80)
	}
	if name == "" {
		name = "an article"
	}
	if s.Date != "" {
		name += ", " + s.Date
	}
	return name
}

// unknownArticle stands for an article the answer cites without describing
// it, which the commands package does not do; an id is never shown instead.
const unknownArticle = "an article of the fact base"

// readerItem shows an item labelled with the id of an article the answer
// describes (/who's "Mentioned in") under the article's title instead. The
// answers of /sources and /source keep their ids: there the id is what the
// reader came for, to type into /source.
func readerItem(a commands.Answer, it commands.Item) commands.Item {
	if it.Label == "" || a.Command == "source" || a.Command == "sources" {
		return it
	}
	if s, ok := sourceOf(a, it.Label); ok && s.Title != "" {
		it.Label = s.Title
	}
	return it
}

// fragmentSafe reports whether fragmentEncode keeps c as it is.
func fragmentSafe(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '~'
}
