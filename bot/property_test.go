package bot

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// pieces that generated text is made of: long words, markdown, mentions,
// emoji (some of several code points), combining marks, right-to-left
// text, white space of every kind.
var pieces = []string{
	"word", "Sanctions", "the", "coalition", "**", "__", "~~", "||", "`", "```", "[link](https://x.y)",
	"<@123456789012345678>", "@everyone", "@here", "# ", "> ", "- ", "1. ", "\\", "_", "*",
	"😀", "👩‍👩‍👧‍👦", "🇺🇦", "e\u0301", "a\u0300\u0316\u0317", "\u0627\u0644\u0633\u0644\u0627\u0645", "中文", "\n", "\t", "  ", "\u00a0",
	"“quoted”", "'single'", "(paren)", "§", "Zelenskyy", strings.Repeat("Longname", 20),
}

func genText(r *rand.Rand, maxWords int) string {
	n := r.IntN(maxWords + 1)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pieces[r.IntN(len(pieces))])
		if r.IntN(3) > 0 {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// genRuns gives a property test its generator and how many answers to
// generate: full, or short under -short.
func genRuns(src rand.Source, full, short int) (*rand.Rand, int) {
	if testing.Short() {
		return rand.New(src), short
	}
	return rand.New(src), full
}

// genAnswer makes an answer of any shape: up to 400 items and 200
// citations, one item citing all of them, long names and quotes.
func genAnswer(r *rand.Rand) commands.Answer {
	a := commands.Answer{Command: "search", Found: r.IntN(4) > 0, Title: genText(r, 1+r.IntN(80)), AsOf: "2025-03-27"}
	if r.IntN(2) == 0 {
		a.Lead = genText(r, r.IntN(600))
	}
	nSrc := 1 + r.IntN(30)
	for i := range nSrc {
		url := []string{"", "https://example.com/a(b) c", "javascript:x", "https://example.com/" + strings.Repeat("p", r.IntN(400))}[r.IntN(4)]
		a.Sources = append(a.Sources, commands.Source{ID: fmt.Sprintf("%03d_%s", i, strings.Repeat("x", r.IntN(120))),
			Title: genText(r, r.IntN(60)), Outlet: genText(r, r.IntN(20)), Date: "2025-03-2" + fmt.Sprint(r.IntN(10)), URL: url})
	}
	nCite := []int{0, 1, 10, 200}[r.IntN(4)]
	for n := 1; n <= nCite; n++ {
		a.Citations = append(a.Citations, commands.Citation{N: n, Source: a.Sources[r.IntN(nSrc)].ID, Quote: genText(r, r.IntN(300))})
	}
	cites := func(k int) []int {
		var out []int
		for range k {
			if nCite > 0 {
				out = append(out, 1+r.IntN(nCite))
			}
		}
		return out
	}
	if nCite > 0 && r.IntN(2) == 0 {
		a.LeadCites = cites(r.IntN(40))
	}
	sections := []string{"", "What the sources say", genText(r, 40)}
	nItems := []int{0, 1, 5, 30, 400}[r.IntN(5)]
	for i := range nItems {
		it := commands.Item{Section: sections[r.IntN(len(sections))], Date: []string{"", "2025-03-20", "2025-W12", "2025"}[r.IntN(4)],
			Label: genText(r, r.IntN(40)), Text: genText(r, r.IntN(200)), Verbatim: r.IntN(2) == 0, Extracted: r.IntN(5) == 0, Citations: cites(r.IntN(6))}
		if i == 0 && nCite == 200 {
			it.Citations = make([]int, 200)
			for k := range it.Citations {
				it.Citations[k] = k + 1
			}
		}
		if len(it.Text) > 10 && r.IntN(2) == 0 {
			it.Marks = [][2]int{{0, 3}, {len(it.Text) / 2, len(it.Text)/2 + 1}, {len(it.Text) - 2, len(it.Text) + 5}}
		}
		if it.Verbatim && len(it.Citations) > 0 && r.IntN(2) == 0 {
			it.Text = a.Citations[it.Citations[0]-1].Quote
		}
		a.Items = append(a.Items, it)
	}
	return a
}

func genRequest(r *rand.Rand, table *commands.Table) commands.Request {
	specs := table.Specs()
	for {
		s := specs[r.IntN(len(specs))]
		if s.Handler == nil {
			continue
		}
		req := commands.Request{Command: s.Name, Options: map[string]string{}}
		for _, o := range s.Options {
			if r.IntN(2) == 0 {
				req.Options[o.Name] = strings.TrimSpace(genText(r, []int{3, 30, 150}[r.IntN(3)]))
			}
		}
		return req
	}
}

// TestRenderLimitsProperty renders many generated answers, every page of
// each, and checks every Discord limit, that each item is shown once in
// order, that each page carries the citations and sources its items use,
// and that each page button leads back to the same request.
func TestRenderLimitsProperty(t *testing.T) {
	table := commands.NewTable()
	r, runs := genRuns(rand.NewPCG(4, 2025), 200, 50)
	for run := range runs {
		a := genAnswer(r)
		req := genRequest(r, table)
		spec, _ := table.Lookup(req.Command)
		state := encodeState(spec, req)
		rd := newRenderer(a, state)
		pages := rd.paginate()
		var order []int
		for p, pg := range pages {
			order = append(order, pg.items...)
			checkPageCites(t, run, p, a, rd, pg)
			m := rd.message(pages, p)
			if (p == 0 || p == len(pages)-1) && rd.state != "" {
				m = renderAnswer(a, view{Page: p, State: state})
			}
			b, err := json.Marshal(m.response(discordgo.InteractionResponseUpdateMessage))
			if err != nil {
				t.Fatal(err)
			}
			if err := checkCallback(b); err != nil {
				t.Fatalf("run %d page %d: %v", run, p, err)
			}
			if len(pages) > 1 && !rd.stateInFooter && rd.state != "" {
				checkButtons(t, table, m, req, p, len(pages))
			}
			if rd.stateInFooter && len(pages) > 1 && runes(state) <= maxFooterState {
				got, ok := stateFromFooter(m.Embeds[0].Footer.Text)
				if !ok || got != state {
					t.Errorf("run %d: footer %q does not carry the state %q", run, m.Embeds[0].Footer.Text, state)
				}
			}
		}
		for i, k := range order {
			if i != k {
				t.Fatalf("run %d: items shown in order %v, want 0..%d", run, order, len(a.Items)-1)
			}
		}
		if len(order) != len(a.Items) {
			t.Fatalf("run %d: %d of %d items shown", run, len(order), len(a.Items))
		}
		one := renderAnswer(a, view{})
		b, _ := json.Marshal(one.response(discordgo.InteractionResponseChannelMessageWithSource))
		if err := checkCallback(b); err != nil {
			t.Fatalf("run %d, one page: %v", run, err)
		}
	}
}

// checkPageCites checks that page pg (number p) of a's rendering rd shows
// the citations its items use, or counts them as omitted, each with its
// source. Six parameters: run and p only name the case in a failure.
func checkPageCites(t *testing.T, run, p int, a commands.Answer, rd *renderer, pg page) {
	t.Helper()
	want := map[int]bool{}
	for _, i := range pg.items {
		for _, n := range a.Items[i].Citations {
			want[n] = true
		}
	}
	if p == 0 {
		for _, n := range a.LeadCites {
			want[n] = true
		}
	}
	shown := strings.Join(pg.citeLines, "\n")
	missing := 0
	for n := range want {
		if !strings.Contains(shown, fmt.Sprintf("**[%d]**", n)) {
			missing++
		}
	}
	if missing > pg.omitted {
		t.Errorf("run %d page %d: %d citations of its items missing, %d counted as omitted", run, p, missing, pg.omitted)
	}
	srcs := map[string]bool{}
	for _, l := range pg.srcLines {
		srcs[l] = true
	}
	for _, line := range pg.citeLines {
		var n int
		if _, err := fmt.Sscanf(line, "**[%d]**", &n); err != nil {
			t.Fatalf("citation line %q", line)
		}
		id := a.Citations[n-1].Source
		if !srcs[rd.srcLine(id)] {
			t.Errorf("run %d page %d: citation [%d] from %s, which the Sources block lacks", run, p, n, id)
		}
	}
}

// checkButtons checks that each live page button of m, page p of pages,
// leads back to req and to the next or previous page. Six parameters: the
// message, the request it answers and where it stands are what is checked.
func checkButtons(t *testing.T, table *commands.Table, m message, req commands.Request, p, pages int) {
	t.Helper()
	row := m.Components[0].(discordgo.ActionsRow)
	for _, c := range row.Components {
		btn := c.(discordgo.Button)
		if btn.Disabled {
			continue
		}
		b, err := parseCustomID(btn.CustomID)
		if err != nil {
			t.Fatalf("custom_id %q: %v", btn.CustomID, err)
		}
		got, err := decodeState(table, b.state)
		if err != nil {
			t.Fatalf("state %q: %v", b.state, err)
		}
		if !sameOptions(got.Options, req.Options) || got.Command != req.Command {
			t.Errorf("button %q leads to %+v, want %+v", btn.CustomID, got, req)
		}
		if b.page < 0 || b.page >= pages || (b.page != p-1 && b.page != p+1) {
			t.Errorf("button %q on page %d of %d", btn.CustomID, p, pages)
		}
	}
}

func sameOptions(a, b map[string]string) bool {
	n := 0
	for k, v := range b {
		if v == "" {
			continue
		}
		n++
		if a[k] != v {
			return false
		}
	}
	return len(a) == n
}
