package bot

import (
	"errors"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/commands"
)

func TestStateRoundTrip(t *testing.T) {
	table := commands.NewTable()
	tests := []commands.Request{
		{Command: "who", Options: map[string]string{"name": "Witkoff"}},
		{Command: "timeline", Options: map[string]string{}},
		{Command: "timeline", Options: map[string]string{"from": "2025-03-01", "to": "2025-03"}},
		{Command: "quotes", Options: map[string]string{"who": `a|b\c`, "about": "x:y | z"}},
		{Command: "search", Options: map[string]string{"query": "😀 e\u0301 **bold** <@1>"}},
	}
	for _, req := range tests {
		spec, _ := table.Lookup(req.Command)
		st := encodeState(spec, req)
		got, err := decodeState(table, st)
		if err != nil {
			t.Fatalf("decodeState(%q): %v", st, err)
		}
		if got.Command != req.Command || !sameOptions(got.Options, req.Options) {
			t.Errorf("%q decodes to %+v, want %+v", st, got, req)
		}
		if !strings.HasPrefix(got.Raw, "/"+req.Command) {
			t.Errorf("Raw %q", got.Raw)
		}
	}
}

func TestDecodeStateRefuses(t *testing.T) {
	table := commands.NewTable()
	for _, st := range []string{"", "nosuch|x", "reload", "who|a|b|c|d"} {
		if _, err := decodeState(table, st); err == nil {
			t.Errorf("decodeState(%q) accepted", st)
		}
	}
}

func TestParseCustomID(t *testing.T) {
	tests := []struct {
		id   string
		want button
		ok   bool
	}{
		{"bb1:n:3:who|Smith", button{'n', 3, "who|Smith"}, true},
		{"bb1:p:0:search|a:b", button{'p', 0, "search|a:b"}, true},
		{"bb1:n:2:@", button{'n', 2, "@"}, true},
		{"bb1:i:0:", button{}, false}, // the disabled indicator
		{"bb1:n:-1:who", button{}, false},
		{"bb1:n:x:who", button{}, false},
		{"bb0:n:1:who", button{}, false},
		{"something else", button{}, false},
		// Strict: only what customID writes.
		{"", button{}, false},
		{"bb1:", button{}, false},
		{"bb1:n", button{}, false},
		{"bb1:n:1", button{}, false},
		{"bb1:n:1:", button{}, false},        // no state
		{"bb1:n::who", button{}, false},      // no page
		{"bb1:n:+1:who", button{}, false},    // a sign
		{"bb1:n:01:who", button{}, false},    // a leading zero
		{"bb1:n:1_0:who", button{}, false},   // an underscore
		{"bb1:n:12345:who", button{}, false}, // more pages than an answer has
		{"bb1:n:99999999999999999999:who", button{}, false},
		{"bb1:N:1:who", button{}, false},
		{"BB1:n:1:who", button{}, false},
		{"bb1:n:1:who\xff", button{}, false},                    // not UTF-8
		{"bb1:n:1:" + strings.Repeat("x", 93), button{}, false}, // over Discord's 100
	}
	for _, tt := range tests {
		got, err := parseCustomID(tt.id)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseCustomID(%q) = %+v, %v", tt.id, got, err)
		}
	}
}

// TestDecodeStateStrict: a state is read back only when encodeState could
// have written it, and never names a command without a handler.
func TestDecodeStateStrict(t *testing.T) {
	table := commands.NewTable()
	tests := []struct {
		state string
		raw   string // "" for refused
	}{
		{"timeline", "/timeline"},
		{`search|a\|b`, `/search query:a|b`},
		{"reload", ""}, // admin only: no handler, no button
		{"nosuch", ""},
		{"", ""},
		{"who|a|b|c|d|e|f", ""},                     // more values than options
		{`search|a\`, ""},                           // a lone backslash
		{`search|a\b`, ""},                          // an escape encodeState never writes
		{"search|\xff", ""},                         // not UTF-8
		{"search|" + strings.Repeat("x", 2000), ""}, // over the longest query
	}
	for _, tt := range tests {
		req, err := decodeState(table, tt.state)
		if tt.raw == "" {
			if !errors.Is(err, errStale) {
				t.Errorf("decodeState(%.40q) = %+v, %v; want errStale", tt.state, req, err)
			}
			continue
		}
		if err != nil || req.Raw != tt.raw {
			t.Errorf("decodeState(%q) = %q, %v; want %q", tt.state, req.Raw, err, tt.raw)
		}
	}
}

func TestStateFromFooter(t *testing.T) {
	tests := []struct {
		footer, want string
		ok           bool
	}{
		{"as of 2025-03-27 · page 2/5 · query: search|a · query: b", "search|a · query: b", true},
		{"query: search|x", "search|x", true},
		{"as of 2025-03-27 · page 2/5", "", false},
	}
	for _, tt := range tests {
		got, ok := stateFromFooter(tt.footer)
		if got != tt.want || ok != tt.ok {
			t.Errorf("stateFromFooter(%q) = %q, %v", tt.footer, got, ok)
		}
	}
}

// TestLongStateGoesInFooter: a request too long for a custom_id pages
// through the footer, and one too long for that gets one page.
func TestLongStateGoesInFooter(t *testing.T) {
	table := commands.NewTable()
	spec, _ := table.Lookup("search")
	a := commands.Answer{Title: "t", Found: true, AsOf: "2025-03-27"}
	for range 40 {
		a.Items = append(a.Items, commands.Item{Text: strings.Repeat("word ", 60)})
	}
	long := encodeState(spec, commands.Request{Command: "search", Options: map[string]string{"query": strings.Repeat("q", 300)}})
	m := renderAnswer(a, view{State: long, Page: 1})
	if len(m.Components) != 1 {
		t.Fatal("no page buttons")
	}
	st, ok := stateFromFooter(m.Embeds[0].Footer.Text)
	if !ok || st != long {
		t.Errorf("footer %q does not carry the state", m.Embeds[0].Footer.Text)
	}
	tooLong := encodeState(spec, commands.Request{Command: "search", Options: map[string]string{"query": strings.Repeat("|", 600)}})
	m = renderAnswer(a, view{State: tooLong})
	if len(m.Components) != 0 || !strings.Contains(m.Embeds[0].Description, "more not shown") {
		t.Errorf("a state too long to carry: %d component rows, description ends %q", len(m.Components), m.Embeds[0].Description[len(m.Embeds[0].Description)-40:])
	}
}
