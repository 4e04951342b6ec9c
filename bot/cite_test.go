package bot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/tabletest"
)

func TestTextFragment(t *testing.T) {
	long := "US special envoy Steve Witkoff, who dismissed Sir Keir Starmer’s plans for an international force as “a posture and a pose”"
	tests := []struct{ quote, want string }{
		{"", ""},
		{"  simplistic \n", ":~:text=simplistic"},
		// The directive's own syntax ('-', '&', ',') and anything unsafe is encoded.
		{"cease-fire, now & then (30%)", ":~:text=cease%2Dfire%2C%20now%20%26%20then%20%2830%25%29"},
		{"a   posture\nand a pose", ":~:text=a%20posture%20and%20a%20pose"},
		// Many words: textStart,textEnd, a few words from each end.
		{long, ":~:text=US%20special%20envoy%20Steve,posture%20and%20a%20pose%E2%80%9D"},
	}
	for _, tt := range tests {
		if got := textFragment(tt.quote); got != tt.want {
			t.Errorf("textFragment(%q) = %q, want %q", tt.quote, got, tt.want)
		}
	}
	// Few words but over ~300 characters: the long form too.
	huge := strings.Repeat("x", 200) + " a b c d e f g " + strings.Repeat("y", 200)
	if got := textFragment(huge); strings.Count(got, ",") != 1 || len(got) > 500 {
		t.Errorf("a quote of %d characters gives %q, want the textStart,textEnd form", len(huge), got)
	}
}

func TestQuoteURL(t *testing.T) {
	withWords := func(url string) string { return quoteURL(url, "the words") }
	tabletest.Check(t, "quoteURL", withWords, []tabletest.Pair[string, string]{
		{"https://example.com/a", "https://example.com/a#:~:text=the%20words"},
		{"https://example.com/a#top", "https://example.com/a#top:~:text=the%20words"},
		{"https://example.com/a_(b)", "https://example.com/a_%28b%29#:~:text=the%20words"},
		{"", ""},
		{"javascript:alert(1)", ""},
	})
}

// citedAnswer cites one quote of one article.
func citedAnswer(src commands.Source, quote string) commands.Answer {
	return commands.Answer{Command: "search", Found: true, Title: "t", AsOf: "2025-03-27",
		Items:     []commands.Item{{Text: "an item", Citations: []int{1}}},
		Citations: []commands.Citation{{N: 1, Source: src.ID, Quote: quote}},
		Sources:   []commands.Source{src}}
}

// TestCiteLineFallback: a link that would make the citation line too long
// gives way to the plain citation; an article without a URL keeps it.
func TestCiteLineFallback(t *testing.T) {
	word := strings.Repeat("щ", 12) // 72 characters once percent-encoded
	quote := strings.TrimSpace(strings.Repeat(word+" ", 40))
	src := commands.Source{ID: "007_abc", Title: "T", Outlet: "Outlet", Date: "2025-03-20", URL: "https://example.com/" + strings.Repeat("p", 170)}
	for _, s := range []commands.Source{src, {ID: "008_def", Title: "No address", Outlet: "Outlet", Date: "2025-03-20"}} {
		m := renderAnswer(citedAnswer(s, quote), view{})
		b, _ := json.Marshal(m.response(discordgo.InteractionResponseChannelMessageWithSource))
		if err := checkCallback(b); err != nil {
			t.Fatal(err)
		}
		v := m.Embeds[0].Fields[0].Value
		if strings.Contains(v, "](") || !strings.Contains(v, "— Outlet, 2025-03-20") {
			t.Errorf("%s: citation %q, want the plain citation", s.ID, v)
		}
	}
	short := renderAnswer(citedAnswer(src, "a short quote"), view{}).Embeds[0].Fields[0].Value
	if !strings.Contains(short, "[Outlet, 2025-03-20]("+src.URL+"#:~:text=a%20short%20quote)") {
		t.Errorf("short quote: citation %q, want it linked to the words", short)
	}
}

// TestNoArticleIDs renders live answers over the seeds, every page: no
// article id shows, but in /sources and /source, where it is what one types.
func TestNoArticleIDs(t *testing.T) {
	svc := seedService(t)
	var ids []string
	for _, d := range svc.Base().Docs() {
		ids = append(ids, d.ID, escape(d.ID))
	}
	for _, q := range []string{"/who Witkoff", "/who Starmer", "/who Macron", "/who Healey", "/timeline", "/quotes Starmer",
		"/search ukraine", "/figures", "/brief", "who is tony?", "how many troops?", "/who nobody at all"} {
		rd := newRenderer(seedAnswer(t, svc, q), "x")
		pages := rd.paginate()
		for p := range pages {
			b, _ := json.Marshal(rd.message(pages, p).Embeds)
			for _, id := range ids {
				if strings.Contains(string(b), id) {
					t.Errorf("%s page %d shows the article id %s", q, p+1, id)
				}
			}
		}
	}
}

// seedAnswer is svc's answer to the query q.
func seedAnswer(t *testing.T, svc *commands.Service, q string) commands.Answer {
	t.Helper()
	req, err := svc.Table().Parse(q)
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.Handle(req)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return a
}

// TestE2EClickableCitations: /who through the fake Discord links its
// citations to the quoted words and names articles, not ids.
func TestE2EClickableCitations(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff"))).Body)
	e := cb.Data.Embeds[0]
	if len(e.Fields) == 0 || !strings.Contains(e.Fields[0].Value, "](https://www.independent.co.uk/") || !strings.Contains(e.Fields[0].Value, "#:~:text=") {
		t.Errorf("citations %+v, want links with text fragments", e.Fields)
	}
	body, _ := json.Marshal(e)
	if strings.Contains(string(body), "628a3823587ad664") {
		t.Errorf("the reply shows an article id: %s", body)
	}
}
