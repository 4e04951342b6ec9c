package bot

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/tabletest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./bot -update rewrites it after a deliberate change)\ngot:\n%s", name, got)
	}
}

func indent(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		t.Fatal(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// renderCase is a recorded answer (testdata/answers) and how to show it.
// The answers are recorded rather than computed so that the golden
// responses change only when the rendering does, not when the fact base or
// the handlers do.
type renderCase struct {
	Query   string          `json:"query"`
	Page    int             `json:"page"`
	Private bool            `json:"private"`
	Answer  commands.Answer `json:"answer"`
}

func readCase(t *testing.T, name string) (commands.Request, renderCase) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "answers", name))
	if err != nil {
		t.Fatal(err)
	}
	var c renderCase
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	req, err := commands.NewTable().Parse(c.Query)
	if err != nil {
		t.Fatal(err)
	}
	return req, c
}

// TestRenderGolden renders recorded answers as the interaction responses
// the bot sends (testdata/answers/X.json -> testdata/X.json).
func TestRenderGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "answers", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no recorded answers: %v", err)
	}
	table := commands.NewTable()
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			req, c := readCase(t, name)
			r := answerMessage(table, req, c.Answer, c.Private, c.Page).response(discordgo.InteractionResponseChannelMessageWithSource)
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkCallback(b); err != nil {
				t.Errorf("breaks a limit: %v", err)
			}
			golden(t, name, indent(t, b))
		})
	}
}

// TestRenderSeeds renders live answers over the seed base, every page, and
// checks them against the limits (their content is the handlers' business).
func TestRenderSeeds(t *testing.T) {
	svc := seedService(t)
	table := svc.Table()
	for _, q := range []string{"/who Witkoff", "/who Starmer", "/timeline", "/quotes Starmer", "/search ukraine", "/sources",
		"/source 001", "/figures", "/brief", "/help", "who is tony?", "/who nobody at all"} {
		req, err := table.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		a, err := svc.Handle(req)
		if err != nil {
			if commands.IsUserError(err) {
				continue
			}
			t.Fatalf("%s: %v", q, err)
		}
		spec, _ := table.Lookup(req.Command)
		rd := newRenderer(a, encodeState(spec, req))
		pages := rd.paginate()
		for p := range pages {
			b, _ := json.Marshal(rd.message(pages, p).response(discordgo.InteractionResponseChannelMessageWithSource))
			if err := checkCallback(b); err != nil {
				t.Errorf("%s page %d: %v", q, p+1, err)
			}
		}
	}
}

// TestResponseJSON is what `briefbot ask --format discord` prints: the
// same bytes the bot sends.
func TestResponseJSON(t *testing.T) {
	req, c := readCase(t, "who.json")
	b, err := ResponseJSON(commands.NewTable(), req, c.Answer, false)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "who.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(indent(t, b), want) {
		t.Error("ResponseJSON differs from what the bot sends (testdata/who.json)")
	}
}

// TestRefs: citation numbers after a line, as an item line shows them
// (commands.Refs, the rule every rendering shares).
func TestRefs(t *testing.T) {
	tests := []struct {
		ns   []int
		want string
	}{
		{nil, ""},
		{[]int{3}, " [3]"},
		{[]int{1, 2}, " [1][2]"},
		{[]int{1, 2, 3, 5}, " [1–3][5]"},
		{[]int{9, 4, 5, 6, 7}, " [9][4–7]"},
	}
	for _, tt := range tests {
		if got := commands.Refs(tt.ns); got != tt.want {
			t.Errorf("Refs(%v) = %q, want %q", tt.ns, got, tt.want)
		}
	}
	many := make([]int, 100)
	for i := range many {
		many[i] = 2 * i
	}
	if got := commands.Refs(many); !strings.HasSuffix(got, " +70") {
		t.Errorf("Refs of 100 scattered numbers = %q, want the first 30 and +70", got)
	}
}

func TestLinkURL(t *testing.T) {
	tabletest.Check(t, "linkURL", linkURL, []tabletest.Pair[string, string]{
		{"https://example.com/a_(b)", "https://example.com/a_%28b%29"},
		{"javascript:alert(1)", ""},
		{"ftp://example.com/x", ""},
		{"not a url", ""},
		{"https://example.com/" + strings.Repeat("x", 300), ""},
	})
}

// TestReloadReportOnePage: a report that cannot be recomputed by a button
// shows what fits and counts the rest.
func TestReloadReportOnePage(t *testing.T) {
	a := commands.Answer{Title: "Reload failed", Found: true, Private: true}
	for i := range 500 {
		a.Items = append(a.Items, commands.Item{Section: "Errors", Text: fmt.Sprintf("facts/facts.yaml:%d: unknown field \"x_%d\"", i+1, i)})
	}
	m := renderAnswer(a, view{})
	b, _ := json.Marshal(m.response(discordgo.InteractionResponseChannelMessageWithSource))
	if err := checkCallback(b); err != nil {
		t.Fatal(err)
	}
	if len(m.Components) != 0 {
		t.Error("a one-page report has page buttons")
	}
	d := m.Embeds[0].Description
	if !strings.Contains(d, "facts.yaml:1: unknown field") || !strings.Contains(d, "more not shown") {
		t.Errorf("report: %s", d)
	}
}
