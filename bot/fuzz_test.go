package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// FuzzRender builds answers from fuzzed text — long or odd strings, emoji,
// combining marks, markdown, invalid UTF-8 — and fuzzed counts (up to 120
// items, 200 citations, 30 sources: enough for a dozen pages, and for one
// item whose citations overflow a page), renders every page as the bot
// does, and checks, for each page and each way a reply leaves (interaction
// callback, update, edit of a deferred reply, DM):
//
//   - every Discord limit (checkCallback and checkMessage, the checks the
//     bot runs on what it sends);
//   - each item is shown once, in order, and each page carries the
//     citations and sources its items use (or counts them as not shown);
//   - every citation quote shown is verbatim: the citation's own text, or
//     the start of it ended by "…" where it was cut (checkQuoteShown); so
//     is the text of a verbatim item;
//   - each page button leads back to the same request.
//
// Rendering also has to finish in time: a reply is due within 3 s. (The
// fuzz function takes one parameter per fuzzed value, as the fuzzing
// engine hands them over.)
func FuzzRender(f *testing.F) {
	f.Add("Who is Witkoff", "Steve Witkoff is the US envoy.", "He met Putin in Moscow.", "We will not be deterred", "BBC", "000_abc", uint16(3), uint16(4), uint32(0x0003_0115))
	f.Add("", "", "", "", "", "", uint16(0), uint16(0), uint32(0))
	f.Add(strings.Repeat("title ", 100), strings.Repeat("lead **x** ", 300), strings.Repeat("Longword", 90), strings.Repeat("q ", 400),
		strings.Repeat("label", 50), strings.Repeat("s", 150), uint16(120), uint16(200), uint32(0xFFFF_FFFF))
	f.Add("👩‍👩‍👧‍👦 🇺🇦", "e\u0301\u0301\u0301\u0301\u0301\u0301 a\u202Eb", "<@123> @everyone `x` ||y|| ~~z~~", "\xff\xfe“quoted”\u00a0\t\n", "- 1. # > ",
		"id|with\\odd", uint16(31), uint16(200), uint32(0x0010_0F0F))
	f.Add("T", "L", "text", "quote", "", "", uint16(40), uint16(1), uint32(0x0000_0404))
	f.Add("\\", "\\\\", "a\\*b", "\\", "\\", "\\", uint16(12), uint16(12), uint32(0x0007_07FF))
	table := commands.NewTable()
	f.Fuzz(func(t *testing.T, title, lead, text, quote, label, src string, nItems, nCites uint16, flags uint32) {
		a := fuzzAnswer(title, lead, text, quote, label, src, int(nItems)%121, int(nCites)%201, flags)
		req := fuzzRequest(table, flags, title, lead, text)
		spec, _ := table.Lookup(req.Command)
		state := encodeState(spec, req)
		timed(t, 3*time.Second, func() { checkRendered(t, table, a, req, state) })
	})
}

// TestRenderOverflowKeepsRoom is the case FuzzRender found first: an item
// citing more than a page can list gets a page that ends "… and N more
// not shown", and the item after it was then added to that page with no
// room kept for that line, which took the page past 6000 characters.
func TestRenderOverflowKeepsRoom(t *testing.T) {
	table := commands.NewTable()
	a := fuzzAnswer("👩‍👩‍👧‍👦 🇺🇦", "e\u0301\u0301\u0301\u0301\u0301\u0301 a\u202Eb", "<@123> @everyone `x` ||y|| ~~z~~",
		"\xff\xfe“quoted”\u00a0\t\n", "- 1. # > ", "id|with\\odd", 31, 200, 0x0010_0F0F)
	req := fuzzRequest(table, 0x0010_0F0F, a.Title, a.Lead, "x")
	spec, _ := table.Lookup(req.Command)
	checkRendered(t, table, a, req, encodeState(spec, req))
}

// fuzzAnswer makes an answer of the given size from fuzzed pieces. flags
// choose the rest: found, private, verbatim items, one item citing
// everything, bold marks (some out of range), links, sections, extracted
// items, lead citations, and the number of sources (bits 16 to 20). Its
// parameters are FuzzRender's fuzzed values, one for one, so that a case
// the fuzzer finds can be written down as a call (see
// TestRenderOverflowKeepsRoom).
func fuzzAnswer(title, lead, text, quote, label, src string, nItems, nCites int, flags uint32) commands.Answer {
	bit := func(i int) bool { return flags&(1<<i) != 0 }
	a := commands.Answer{Command: "search", Query: title, Found: bit(0), Private: bit(1), Title: title, Lead: lead, AsOf: "2025-03-27"}
	nSrc := 1 + int(flags>>16)%30
	for i := range nSrc {
		s := commands.Source{ID: fmt.Sprintf("%02d_%s", i, src), Title: label, Outlet: src, Date: fmt.Sprintf("2025-03-%02d", 1+i)}
		if bit(5) {
			s.URL = "https://example.com/" + src
		}
		a.Sources = append(a.Sources, s)
	}
	for n := 1; n <= nCites; n++ {
		q := []string{quote, strings.Repeat(quote, 1+n%5), text}[n%3]
		a.Citations = append(a.Citations, commands.Citation{N: n, Source: a.Sources[n%nSrc].ID, Quote: q})
	}
	if bit(10) {
		for n := 1; n <= min(nCites, 40); n++ {
			a.LeadCites = append(a.LeadCites, n)
		}
	}
	for i := range nItems {
		it := commands.Item{Text: text, Extracted: bit(7) && i%2 == 1}
		if i%2 == 1 {
			it.Text = quote + " " + text
			it.Label = label
		}
		if i%3 == 0 {
			it.Date = []string{"2025-03-20", "2025-W12", "2025-03", "2025"}[int(flags>>8)%4]
		}
		if bit(6) && i%5 == 0 {
			it.Section = title
		}
		if nCites > 0 {
			it.Citations = []int{1 + i%nCites, 1 + (i*7)%nCites}
			if bit(3) && i == 0 {
				it.Citations = make([]int, nCites)
				for k := range it.Citations {
					it.Citations[k] = k + 1
				}
			}
			if bit(2) {
				it.Verbatim = true
				it.Text = a.Citations[it.Citations[0]-1].Quote
			}
		}
		if bit(4) && len(it.Text) > 4 {
			n := len(it.Text)
			it.Marks = [][2]int{{0, 3}, {n / 2, n/2 + 1}, {n - 2, n + 5}}
		}
		a.Items = append(a.Items, it)
	}
	return a
}

// fuzzRequest picks a command with a handler and gives its options fuzzed
// values, for the state the page buttons carry.
func fuzzRequest(table *commands.Table, flags uint32, vals ...string) commands.Request {
	var specs []commands.Spec
	for _, s := range table.Specs() {
		if s.Handler != nil {
			specs = append(specs, s)
		}
	}
	spec := specs[int(flags>>24)%len(specs)]
	req := commands.Request{Command: spec.Name, Options: map[string]string{}}
	for i, o := range spec.Options {
		if v := strings.TrimSpace(vals[i%len(vals)]); v != "" && utf8.ValidString(v) {
			req.Options[o.Name] = v
		}
	}
	req.Raw = slashForm(spec, req.Options)
	return req
}

// checkRendered renders every page of a and checks it (see FuzzRender).
func checkRendered(t *testing.T, table *commands.Table, a commands.Answer, req commands.Request, state string) {
	t.Helper()
	rd := newRenderer(a, state)
	pages := rd.paginate()
	var order []int
	for p, pg := range pages {
		order = append(order, pg.items...)
		checkPageCites(t, 0, p, a, rd, pg)
		for _, line := range pg.citeLines {
			checkCiteLine(t, a, line)
		}
		for _, i := range pg.items {
			if it := a.Items[i]; it.Verbatim && it.Label == "" && it.Date == "" && len(it.Marks) == 0 {
				rest, ok := strings.CutPrefix(rd.items[i], "• “")
				if !ok {
					t.Fatalf("verbatim item %d shown as %q", i, rd.items[i])
				}
				checkQuoteShown(t, fmt.Sprintf("item %d", i), it.Text, rest)
			}
		}
		m := rd.message(pages, p)
		checkLeaves(t, fmt.Sprintf("page %d of %d", p+1, len(pages)), m, p == 0)
		if len(pages) > 1 && !rd.stateInFooter && rd.state != "" {
			checkButtons(t, table, m, req, p, len(pages))
		}
	}
	if len(order) != len(a.Items) {
		t.Fatalf("%d of %d items shown", len(order), len(a.Items))
	}
	for i, k := range order {
		if i != k {
			t.Fatalf("items shown in the order %v", order)
		}
	}
	checkLeaves(t, "the one-page reply", renderAnswer(a, view{}), true)
}

// checkLeaves checks m against Discord's limits as a button's update of
// a message and, when all is set, in every other form it is sent (the
// forms share the message, so one page of each is enough).
func checkLeaves(t *testing.T, what string, m message, all bool) {
	t.Helper()
	forms := []struct {
		name  string
		v     any
		check func([]byte) error
	}{
		{"update", m.response(discordgo.InteractionResponseUpdateMessage), checkCallback},
		{"reply", m.response(discordgo.InteractionResponseChannelMessageWithSource), checkCallback},
		{"edit", m.edit(), checkMessage},
		{"DM", m.send(), checkMessage},
	}
	if !all {
		forms = forms[:1]
	}
	for _, form := range forms {
		b, err := json.Marshal(form.v)
		if err != nil {
			t.Fatalf("%s as a %s: %v", what, form.name, err)
		}
		if err := form.check(b); err != nil {
			t.Fatalf("%s as a %s breaks a Discord limit: %v", what, form.name, err)
		}
	}
}

// checkCiteLine checks a line of the Citations block: "**[n]** “quote” —
// source", or "**[n]** source" when the quote is shown in the item itself
// or there is no room for it.
func checkCiteLine(t *testing.T, a commands.Answer, line string) {
	t.Helper()
	var n int
	if _, err := fmt.Sscanf(line, "**[%d]**", &n); err != nil || n < 1 || n > len(a.Citations) {
		t.Fatalf("citation line %q names no citation of the answer", line)
	}
	rest, ok := strings.CutPrefix(line, fmt.Sprintf("**[%d]** “", n))
	if !ok {
		return // the short form, without the quote
	}
	checkQuoteShown(t, fmt.Sprintf("citation [%d]", n), a.Citations[n-1].Quote, rest)
}

// checkQuoteShown checks that shown, the markdown that follows an opening
// “, is the text want verbatim — followed by the closing ” — or the start of it
// cut and marked "…". Verbatim means as Discord shows it: markdown escapes
// removed, runs of white space as one space, each byte that is not UTF-8
// as U+FFFD; and up to combining marks and bidirectional controls, which
// the renderer drops where they would take over the text around them.
func checkQuoteShown(t *testing.T, what, want, shown string) {
	t.Helper()
	w, s := canon(want), canon(unescape(shown))
	k := 0
	for k < len(w) && k < len(s) && w[k] == s[k] {
		k++
	}
	// Back to the start of a character: "…" and "”" share their first bytes.
	for k > 0 && ((k < len(w) && !utf8.RuneStart(w[k])) || (k < len(s) && !utf8.RuneStart(s[k]))) {
		k--
	}
	cut := strings.HasPrefix(s[k:], "…") || strings.HasSuffix(w[:k], "…")
	whole := k == len(w) && strings.HasPrefix(s[k:], "”")
	if !cut && !whole {
		t.Fatalf("%s: shown %q is neither %q nor its start marked …", what, s, w)
	}
}

// canon is text as Discord shows it, for comparing what was rendered with
// what was meant: no combining marks or bidirectional controls, white space
// folded, each invalid byte one U+FFFD.
func canon(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) || bidiControl(r) {
			return -1
		}
		return r
	}, string([]rune(s)))
	return strings.Join(strings.Fields(s), " ")
}

// unescape removes markdown escapes: a backslash shows the next character.
func unescape(s string) string {
	var b strings.Builder
	esc := false
	for _, r := range s {
		if r == '\\' && !esc {
			esc = true
			continue
		}
		esc = false
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzButtonState fuzzes the parsers of what comes back from Discord when
// a page button is clicked — the custom_id (which a modified client can
// forge) and the state in it or in the footer — and the slash-command
// options of an interaction. A custom_id is accepted only in the form the
// bot writes; a state decodes to a request for a command with a handler,
// with only its options, each non-empty, that encodes back to the same
// state's request; any request encodes to a state that decodes back to it
// unless it is too long to be a query; slash options from Discord become a
// request of the command that carries exactly the string options given
// and is no longer than a typed query may be. (The fuzz function takes one
// parameter per fuzzed value, as the fuzzing engine hands them over.)
func FuzzButtonState(f *testing.F) {
	f.Add("bb1:n:1:who|Witkoff", "as of 2025-03-27 · page 1/2 · query: timeline|x", uint8(1), "summit", "2025-03", "2025-04")
	f.Add("bb1:p:0:@", "query: who|\\|x", uint8(0), "a|b\\c", "", "")
	f.Add("bb1:i:3:", "", uint8(3), "", "", "")
	f.Add("bb1:n:01:search|x", "page 1/2 · query: ", uint8(2), "\xff", "x", "y")
	f.Add("bb1:n:-1:who|x\\", "query: query: x", uint8(4), strings.Repeat("long ", 300), "", "")
	f.Add("bb2:n:1:who|x", "x · query: who|a", uint8(9), "hide", "name", "who")
	table := commands.NewTable()
	specs := table.Specs()
	f.Fuzz(func(t *testing.T, id, footer string, cmd uint8, v1, v2, v3 string) {
		checkClicked(t, table, id, footer)
		spec := specs[int(cmd)%len(specs)]
		vals := []string{v1, v2, v3}
		req := commands.Request{Command: spec.Name, Options: map[string]string{}}
		var opts []*discordgo.ApplicationCommandInteractionDataOption
		for i, o := range spec.Options {
			if vals[i%3] != "" {
				req.Options[o.Name] = vals[i%3]
				opts = append(opts, &discordgo.ApplicationCommandInteractionDataOption{Name: o.Name, Type: discordgo.ApplicationCommandOptionString, Value: vals[i%3]})
			}
		}
		if spec.Handler != nil {
			got, err := decodeState(table, encodeState(spec, req))
			short := runes(slashForm(spec, req.Options)) <= commands.MaxQuery
			valid := utf8.ValidString(v1) && utf8.ValidString(v2) && utf8.ValidString(v3)
			switch {
			case err == nil && (!sameOptions(got.Options, req.Options) || got.Command != spec.Name):
				t.Fatalf("state of %+v decodes to %+v", req, got)
			case err != nil && short && valid:
				t.Fatalf("state of %+v does not decode: %v", req, err)
			}
		}
		opts = append(opts, &discordgo.ApplicationCommandInteractionDataOption{Name: hideOption, Type: discordgo.ApplicationCommandOptionBoolean, Value: cmd%2 == 0})
		got, hide, err := requestOf(table, discordgo.ApplicationCommandInteractionData{Name: spec.Name, Options: opts})
		if err != nil {
			if !commands.IsUserError(err) {
				t.Fatalf("/%s %q: error %v", spec.Name, req.Options, err)
			}
			return
		}
		if hide == nil || *hide != (cmd%2 == 0) || got.Command != spec.Name || len(got.Options) != len(req.Options) || runes(got.Raw) > commands.MaxQuery {
			t.Fatalf("/%s %q read as %+v, hide %v", spec.Name, req.Options, got, hide)
		}
		for name, v := range got.Options {
			if v != strings.ToValidUTF8(req.Options[name], "\uFFFD") {
				t.Fatalf("/%s option %s=%q read as %q", spec.Name, name, req.Options[name], v)
			}
		}
	})
}

// checkClicked checks what the bot reads from a clicked button's custom_id
// and the footer of the message it is on.
func checkClicked(t *testing.T, table *commands.Table, id, footer string) {
	t.Helper()
	if b, err := parseCustomID(id); err == nil {
		if (b.dir != 'p' && b.dir != 'n') || b.page < 0 || customID(b.dir, b.page, b.state) != id {
			t.Fatalf("custom_id %q read as %+v, which the bot would write differently", id, b)
		}
		checkDecoded(t, table, b.state)
	} else if !errors.Is(err, errStale) {
		t.Fatalf("custom_id %q: error %v", id, err)
	}
	checkDecoded(t, table, id)
	if st, ok := stateFromFooter(footer); ok {
		checkDecoded(t, table, st)
	}
}

// checkDecoded checks what decodeState makes of any state.
func checkDecoded(t *testing.T, table *commands.Table, state string) {
	t.Helper()
	req, err := decodeState(table, state)
	if err != nil {
		if !errors.Is(err, errStale) {
			t.Fatalf("state %q: error %v", state, err)
		}
		return
	}
	spec, ok := table.Lookup(req.Command)
	if !ok || spec.Handler == nil {
		t.Fatalf("state %q decodes to /%s, which has no handler", state, req.Command)
	}
	for name, v := range req.Options {
		if !hasOption(spec, name) || v == "" {
			t.Fatalf("state %q decodes to option %s=%q of /%s", state, name, v, spec.Name)
		}
	}
	again, err := decodeState(table, encodeState(spec, req))
	if err != nil || !sameOptions(again.Options, req.Options) || again.Command != req.Command {
		t.Fatalf("state %q decodes to %+v, which encodes to a state decoding to %+v, %v", state, req, again, err)
	}
}

func hasOption(spec commands.Spec, name string) bool {
	for _, o := range spec.Options {
		if o.Name == name {
			return true
		}
	}
	return false
}

// timed runs fn and crashes the process when it takes longer than d: the
// fuzzer gives an input no time limit of its own, so a hang would only
// stall it, while a crash makes it keep the input as a failure.
func timed(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	timer := time.AfterFunc(d, func() { panic(fmt.Sprintf("no result after %v", d)) })
	defer timer.Stop()
	fn()
}
