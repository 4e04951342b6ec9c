package commands

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/tabletest"
)

func TestParse(t *testing.T) {
	tab := NewTable()
	tests := []struct {
		in   string
		cmd  string
		opts map[string]string
	}{
		{"/who Witkoff", "who", map[string]string{"name": "Witkoff"}},
		{"/who name:Steve Witkoff", "who", map[string]string{"name": "Steve Witkoff"}},
		{"/WHO  radakin ", "who", map[string]string{"name": "radakin"}},
		{"/timeline", "timeline", map[string]string{}},
		{"/timeline from:2025-03-01 to:2025-03-31 about:talks in Paris", "timeline", map[string]string{"from": "2025-03-01", "to": "2025-03-31", "about": "talks in Paris"}},
		{"/quotes Healey about:spending", "quotes", map[string]string{"who": "Healey", "about": "spending"}},
		{"/search query:ratio: 2:1", "search", map[string]string{"query": "ratio: 2:1"}},
		{"who is witkoff?", "ask", map[string]string{"question": "who is witkoff?"}},
		{"What did Healey say about freeloading?", "ask", map[string]string{"question": "What did Healey say about freeloading?"}},
		{"timeline of the summit", "timeline", map[string]string{"about": "summit"}},
		{"figures about troops", "figures", map[string]string{"about": "troops"}},
		{"timeline", "timeline", map[string]string{}},
		{"sources", "sources", map[string]string{}},
		{"help", "help", map[string]string{}},
		{"please, help?", "ask", map[string]string{"question": "please, help?"}},
		{"reload", "reload", map[string]string{}},
		{"sanctions on Russia", "ask", map[string]string{"question": "sanctions on Russia"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			req, err := tab.Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if req.Command != tt.cmd || !reflect.DeepEqual(req.Options, tt.opts) {
				t.Errorf("Parse(%q) = %s %v, want %s %v", tt.in, req.Command, req.Options, tt.cmd, tt.opts)
			}
		})
	}
}

// asUser is f, failing t on an error that is not a user error: what a
// query or request does wrong is told to the user as it is.
func asUser[In, Out any](t *testing.T, f func(In) (Out, error)) func(In) (Out, error) {
	return func(in In) (Out, error) {
		out, err := f(in)
		if err != nil && !IsUserError(err) {
			t.Errorf("%.40v: %v is not a user error", in, err)
		}
		return out, err
	}
}

func TestParseErrors(t *testing.T) {
	tab := NewTable()
	tabletest.Errs(t, asUser(t, tab.Parse), []tabletest.Pair[string, string]{
		{"", "empty query"},
		{"   ", "empty query"},
		{"/nope x", "unknown command /nope"},
		{strings.Repeat("a", 10000), "query too long: 10000 characters"},
		{"/sources extra", "/sources takes no options"},
		{"/who x name:y", "option name: given twice"},
	})
}

func TestHandleErrors(t *testing.T) {
	b := seedBaseT(t)
	tab := NewTable()
	handle := func(req Request) (Answer, error) { return tab.Handle(b, req) }
	tabletest.Errs(t, asUser(t, handle), []tabletest.Pair[Request, string]{
		{Request{Command: "who", Options: map[string]string{}}, "/who needs name"},
		{Request{Command: "timeline", Options: map[string]string{"from": "yesterday"}}, `from: bad date "yesterday"`},
		{Request{Command: "timeline", Options: map[string]string{"from": "2025-04", "to": "2025-03"}}, "is after"},
		{Request{Command: "search", Options: map[string]string{"query": "x", "colour": "red"}}, `no option "colour"`},
		{Request{Command: "reload"}, "carried out by the bot"},
	})
}

// FuzzParse checks the router on any text: it never panics, and either gives
// a user error or a request for a known command whose options it has, each
// a piece of what was typed (see checkParsed).
func FuzzParse(f *testing.F) {
	for _, s := range []string{"/who Witkoff", "who is x?", "/timeline from:2025 to:2026 about:a", "what did a say about b", "", "/", "/quotes who:", "when was it", "\xff\xfe"} {
		f.Add(s)
	}
	tab := NewTable()
	f.Fuzz(func(t *testing.T, s string) {
		req, err := tab.Parse(s)
		if err != nil {
			if !IsUserError(err) {
				t.Fatalf("Parse(%q): non-user error %v", s, err)
			}
			return
		}
		checkParsed(t, tab, s, req)
	})
}

// FuzzAnswer runs any parsed query against the seed base: no panic, and an
// answer that holds together (see checkAnswer): every citation selects its
// quote, is numbered in order and has its source listed.
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{"/who witkof", "/search the", "/timeline about:x from:2025-03", "/quotes zz", "/figures about:30", "who is \u202e"} {
		f.Add(s)
	}
	b := seedBaseT(f)
	tab := NewTable()
	f.Fuzz(func(t *testing.T, s string) {
		req, err := tab.Parse(s)
		if err != nil {
			return
		}
		var a Answer
		within(2*time.Second, func() { a, err = tab.Handle(b, req) })
		if err != nil {
			if !IsUserError(err) {
				t.Fatalf("Handle(%q): %v", s, err)
			}
			return
		}
		checkAnswer(t, b, req, a)
	})
}
