package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// How an answer is laid out. The caps are below Discord's limits where a
// reader on a phone is better served by another page than by a wall of text.
const (
	itemsPerPage = 10
	itemText     = 700  // raw characters of an item's text before it is cut
	maxItemLine  = 1800 // characters of an item's line, escaped
	leadText     = 1200 // raw characters of the lead
	maxLead      = 1600
	// maxFooterState bounds a state carried in the footer; a longer one
	// (only a query near commands.MaxQuery full of escapes) gets no buttons.
	maxFooterState = 1000
	labelText      = 120
	sourceLine     = 300
	citeLine       = 400
	colorFound     = 0x3B82F6
	colorMissing   = 0x9CA3AF
	fieldCites     = "Citations"
	fieldCites2    = "Citations (continued)"
	fieldSrcs      = "Sources"
	fieldSrcs2     = "Sources (continued)"
)

// view says which page of an answer to show, and the state its page
// buttons carry so that a click, even after a restart, can recompute the
// answer. An empty State means no buttons: the answer is shown on one page
// and whatever does not fit is counted, not shown (used for /reload, whose
// answer cannot be recomputed).
type view struct {
	Page  int
	State string
}

// renderAnswer lays out one page of an answer as an embed and its page
// buttons, within every Discord limit whatever the answer holds.
func renderAnswer(a commands.Answer, v view) message {
	r := newRenderer(a, v.State)
	pages := r.paginate()
	if r.state == "" && len(pages) > 1 {
		pages = r.onePage()
	}
	return r.message(pages, v.Page)
}

// message renders one of the laid-out pages.
func (r *renderer) message(pages []page, n int) message {
	n = min(max(n, 0), len(pages)-1)
	m := message{Private: r.a.Private, Embeds: []*discordgo.MessageEmbed{r.embed(pages[n], n, len(pages))}}
	if len(pages) > 1 {
		m.Components = pageButtons(r.state, n, len(pages), r.stateInFooter)
	}
	return m
}

// renderer holds an answer's lines, escaped and cut once, so that laying
// out pages is a matter of adding up lengths.
type renderer struct {
	a     commands.Answer
	title string
	lead  string
	items []string // one line per item
	heads []string // the heading line an item sits under, or ""
	// The characters of lead, items and heads, counted once.
	leadLen            int
	itemLens, headLens []int
	cites              map[int]commands.Citation
	citeSrc            map[int]string
	srcLines           map[string]sized
	state              string
	stateInFooter      bool
	lineCache          map[[2]int]sized // citation lines by number and shortness
	quoteFold          map[int]string
	links              map[string]string // linkURL by article address
	fixed              int               // characters of the title and the longest footer
}

func newRenderer(a commands.Answer, state string) *renderer {
	r := &renderer{a: a, state: state, cites: map[int]commands.Citation{}, citeSrc: map[int]string{}, srcLines: map[string]sized{},
		lineCache: map[[2]int]sized{}, quoteFold: map[int]string{}, links: map[string]string{}}
	r.title = escapeClip(a.Title, maxTitle)
	if r.title == "" {
		r.title = "briefbot"
	}
	if a.Lead != "" {
		r.lead = clip(escape(commands.Ellipsis(a.Lead, leadText))+commands.Refs(a.LeadCites), maxLead)
		r.leadLen = runes(r.lead)
	}
	n := len(a.Items)
	r.items, r.heads, r.itemLens, r.headLens = make([]string, 0, n), make([]string, 0, n), make([]int, 0, n), make([]int, 0, n)
	for _, it := range a.Items {
		line := itemLine(readerItem(a, it))
		r.items, r.itemLens = append(r.items, line.s), append(r.itemLens, line.n)
		head := ""
		if it.Section != "" {
			head = "**" + escapeClip(it.Section, 200) + "**"
		}
		r.heads, r.headLens = append(r.heads, head), append(r.headLens, runes(head))
	}
	for _, c := range a.Citations {
		r.cites[c.N] = c
		r.citeSrc[c.N] = c.Source
	}
	for _, s := range a.Sources {
		l := sourceLineOf(s, r.link(s.URL))
		r.srcLines[s.ID] = sized{l, runes(l)}
	}
	r.stateInFooter = state != "" && runes(customID('n', 9999, state)) > maxCustomID
	if r.stateInFooter && runes(state) > maxFooterState {
		// Too long to carry at all: one page, the rest counted.
		r.state, r.stateInFooter = "", false
	}
	r.fixed = runes(r.title) + runes(r.footer(len(a.Items)+1, len(a.Items)+1))
	return r
}

// footer is the "as of" line, after the story when the bot serves
// several, with the page and, when the buttons' state is too long for a
// custom_id, the state itself (footers are plain text, so a click can read
// it back from the message).
func (r *renderer) footer(page, pages int) string {
	var parts []string
	if r.a.Story != "" {
		parts = append(parts, commands.StoryShown(r.a.Story))
	}
	if r.a.AsOf != "" {
		parts = append(parts, "as of "+r.a.AsOf)
	}
	if pages > 1 {
		parts = append(parts, fmt.Sprintf("page %d/%d", page, pages))
	}
	if r.stateInFooter {
		parts = append(parts, footerState+tame(r.state))
	}
	return strings.Join(parts, " · ")
}

// embed builds the embed of one laid-out page.
func (r *renderer) embed(p page, n, pages int) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: r.title, Description: strings.Join(p.desc, "\n"), Color: colorFound}
	if !r.a.Found {
		e.Color = colorMissing
	}
	citeLines, citeLens := p.citeLines, p.citeLens
	if p.omitted > 0 {
		l := omittedLine(p.omitted)
		citeLines = append(citeLines[:len(citeLines):len(citeLines)], l)
		citeLens = append(citeLens[:len(citeLens):len(citeLens)], runes(l))
	}
	e.Fields = append(e.Fields, packFields(fieldCites, fieldCites2, citeLines, citeLens)...)
	e.Fields = append(e.Fields, packFields(fieldSrcs, fieldSrcs2, p.srcLines, p.srcLens)...)
	if f := r.footer(n+1, pages); f != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: f}
	}
	return e
}

func omittedLine(n int) string {
	return fmt.Sprintf("… and %d more not shown", n)
}

// packFields groups lines, of ns characters, into fields of at most
// maxFieldValue characters, exactly as packer counts them.
func packFields(name, more string, lines []string, ns []int) []*discordgo.MessageEmbedField {
	var out []*discordgo.MessageEmbedField
	var cur []string
	size := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		n := name
		if len(out) > 0 {
			n = more
		}
		out = append(out, &discordgo.MessageEmbedField{Name: n, Value: strings.Join(cur, "\n")})
		cur, size = nil, 0
	}
	for i, l := range lines {
		n := ns[i]
		if len(cur) > 0 && size+1+n > maxFieldValue {
			flush()
		}
		if len(cur) > 0 {
			size++
		}
		cur = append(cur, l)
		size += n
	}
	flush()
	return out
}

// customID builds a page button's custom_id: "bb1:" direction, target page,
// and the state of the answer ("@" when the state is in the footer).
func customID(dir byte, page int, state string) string {
	return idPrefix + string(dir) + ":" + strconv.Itoa(page) + ":" + state
}

// pageButtons are ◀ page n/N ▶. The middle button is disabled; it shows
// where the reader is and keeps the three custom_ids distinct.
func pageButtons(state string, page, pages int, inFooter bool) []discordgo.MessageComponent {
	if inFooter {
		state = stateAt
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Previous", Style: discordgo.SecondaryButton, CustomID: customID('p', max(page-1, 0), state), Disabled: page == 0},
		discordgo.Button{Label: fmt.Sprintf("%d/%d", page+1, pages), Style: discordgo.SecondaryButton, CustomID: customID('i', page, ""), Disabled: true},
		discordgo.Button{Label: "Next ▶", Style: discordgo.SecondaryButton, CustomID: customID('n', min(page+1, pages-1), state), Disabled: page == pages-1},
	}}}
}
