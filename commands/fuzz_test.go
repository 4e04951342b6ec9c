package commands

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
)

// checkParsed checks a request the router made from text s: a known
// command, only that command's options, each value valid UTF-8 and not
// blank (and trimmed, for a slash command's), and — so that the router never invents what the user did not
// type — a piece of what was typed: of the text itself for a slash command
// or a search, of its normalised (lower-cased, white-space-folded) form for
// a routed question. Parsing again gives the same request.
func checkParsed(t *testing.T, tab *Table, s string, req Request) {
	t.Helper()
	spec, ok := tab.Lookup(req.Command)
	if !ok {
		t.Fatalf("Parse(%q) gave unknown command %q", s, req.Command)
	}
	raw := strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD"))
	if req.Raw != raw {
		t.Fatalf("Parse(%q).Raw = %q, want the trimmed query %q", s, req.Raw, raw)
	}
	slash := strings.HasPrefix(raw, "/")
	for name, v := range req.Options {
		if !spec.hasOption(name) {
			t.Fatalf("Parse(%q) gave option %q that /%s lacks", s, name, spec.Name)
		}
		if !utf8.ValidString(v) || strings.TrimSpace(v) == "" {
			t.Fatalf("Parse(%q) option %s=%q is blank or invalid UTF-8", s, name, v)
		}
		if slash && strings.TrimSpace(v) != v {
			t.Fatalf("Parse(%q) option %s=%q is not trimmed", s, name, v)
		}
		switch {
		case slash || req.Command == "search" || req.Command == "ask":
			if !strings.Contains(raw, v) {
				t.Fatalf("Parse(%q) option %s=%q is not in the query", s, name, v)
			}
		case !strings.Contains(normalise(raw), v):
			t.Fatalf("Parse(%q) option %s=%q is not in the question %q", s, name, v, normalise(raw))
		}
	}
	if again, err := tab.Parse(s); err != nil || !reflect.DeepEqual(again, req) {
		t.Fatalf("Parse(%q) twice: %+v, then %+v, %v", s, req, again, err)
	}
}

// FuzzSlashOptions builds slash commands from parts — a command of the
// table, text before the first option, and three option values — and
// checks the option parser: the general properties of checkParsed, and
// that values which contain no option marker ("name:" after a space) come
// back exactly as given, each under its own option.
func FuzzSlashOptions(f *testing.F) {
	f.Add(uint8(1), "", "talks in Paris", "2025-03-01", "2025-03-31")
	f.Add(uint8(0), "Steve Witkoff", "", "", "")
	f.Add(uint8(2), "Healey", "", "spending: 2:1", "")
	f.Add(uint8(3), "", "ratio: 2:1", "x", "y")
	f.Add(uint8(1), "about:x", "from:", "to: ", "\xff")
	f.Add(uint8(5), "id:001_abc", "", "", "")
	f.Add(uint8(4), "extra", "about:x", "", "")
	f.Add(uint8(1), "x", "ABOUT:y", "  ", "from:2024 to:2025")
	tab := NewTable()
	f.Fuzz(func(t *testing.T, cmd uint8, pos, v1, v2, v3 string) {
		spec := tab.Specs()[int(cmd)%len(tab.Specs())]
		vals := []string{v1, v2, v3}
		s := "/" + spec.Name
		if pos != "" {
			s += " " + pos
		}
		want := map[string]string{}
		for i, o := range spec.Options {
			if i < len(vals) && vals[i] != "" {
				s += " " + o.Name + ":" + vals[i]
				if v := strings.TrimSpace(vals[i]); v != "" {
					want[o.Name] = v
				}
			}
		}
		req, err := tab.Parse(s)
		if err != nil {
			if !IsUserError(err) {
				t.Fatalf("Parse(%q): non-user error %v", s, err)
			}
			return
		}
		if req.Command != spec.Name {
			t.Fatalf("Parse(%q) gave /%s", s, req.Command)
		}
		checkParsed(t, tab, s, req)
		// Exact values only when nothing is ambiguous: no marker in any
		// part, no positional text (which joins the first option), valid
		// UTF-8, and a query short enough to be accepted.
		for _, p := range append(vals, pos) {
			if hasMarker(spec, p) || !utf8.ValidString(p) || strings.ContainsFunc(p, isSpaceNotBlank) {
				return
			}
		}
		if strings.TrimSpace(pos) != "" {
			return
		}
		if !reflect.DeepEqual(req.Options, want) {
			t.Fatalf("Parse(%q) options = %q, want %q", s, req.Options, want)
		}
	})
}

// hasMarker reports whether s holds something the slash parser reads as
// the start of an option.
func hasMarker(spec Spec, s string) bool {
	low := strings.ToLower(s)
	for _, o := range spec.Options {
		if strings.HasPrefix(low, o.Name+":") || strings.Contains(low, " "+o.Name+":") {
			return true
		}
	}
	return false
}

// isSpaceNotBlank is white space other than the plain space: the slash
// parser splits on " " only, while trimming trims all white space.
func isSpaceNotBlank(r rune) bool {
	return r != ' ' && strings.TrimSpace(string(r)) == ""
}

// FuzzTimeline fuzzes the timeline's date options (read with
// facts.ParseDate) and its about: filter on the seed base: a bad date or
// range is a user error naming the option; otherwise every event shown
// lies in the range asked, in date order, and the answer holds together
// (see checkAnswer).
func FuzzTimeline(f *testing.F) {
	for _, s := range [][3]string{
		{"", "", ""}, {"2025-03-01", "2025-03-31", ""}, {"2025", "", "summit"}, {"", "2025-W12", ""},
		{"2025-03", "2025-03", "Starmer"}, {"2025-04", "2025-03", ""}, {"yesterday", "", ""},
		{"2025-02-29", "", ""}, {"0000", "9999-12-31", ""}, {"2025-W53", "2026-W01", ""}, {" 2025 ", "2025-13", ""},
	} {
		f.Add(s[0], s[1], s[2])
	}
	b := seedBaseT(f)
	tab := NewTable()
	f.Fuzz(func(t *testing.T, from, to, about string) {
		opts := map[string]string{}
		for k, v := range map[string]string{"from": from, "to": to, "about": about} {
			if v != "" {
				opts[k] = v
			}
		}
		req := Request{Command: "timeline", Options: opts, Raw: "/timeline"}
		var a Answer
		var err error
		within(2*time.Second, func() { a, err = tab.Handle(b, req) })
		if err != nil {
			if !IsUserError(err) || (!strings.HasPrefix(err.Error(), "from: ") && !strings.HasPrefix(err.Error(), "to: ")) {
				t.Fatalf("timeline %q: error %v is not a user error naming from: or to:", opts, err)
			}
			return
		}
		var lo, hi facts.Date
		if from != "" {
			lo, _ = facts.ParseDate(from)
		}
		if to != "" {
			hi, _ = facts.ParseDate(to)
		}
		var prev facts.Date
		for i, it := range a.Items {
			d, err := facts.ParseDate(it.Date)
			if err != nil {
				t.Fatalf("timeline %q: item %d has date %q: %v", opts, i, it.Date, err)
			}
			if !d.Overlaps(lo.Start(), hi.End()) {
				t.Fatalf("timeline %q: item %d dated %s is outside the range", opts, i, it.Date)
			}
			if i > 0 && d.Before(prev) {
				t.Fatalf("timeline %q: item %d dated %s after %s", opts, i, it.Date, prev)
			}
			prev = d
		}
		checkAnswer(t, b, req, a)
	})
}

// checkAnswer checks what every answer promises: citations numbered 1..n
// in order, each verbatim (source text [start:end] is the quote) and from a
// source listed once in Sources; items and the lead cite only those
// numbers; and the JSON and text renderings succeed, the JSON valid.
func checkAnswer(t *testing.T, b *facts.Base, req Request, a Answer) {
	t.Helper()
	if a.Command != req.Command {
		t.Fatalf("%v: answer of /%s", req, a.Command)
	}
	srcs := map[string]bool{}
	for _, s := range a.Sources {
		if srcs[s.ID] {
			t.Fatalf("%v: source %s listed twice", req, s.ID)
		}
		srcs[s.ID] = true
	}
	for i, c := range a.Citations {
		if c.N != i+1 {
			t.Fatalf("%v: citation %d numbered %d", req, i+1, c.N)
		}
		d := b.Doc(c.Source)
		if d == nil || c.Start < 0 || c.Start >= c.End || c.End > len(d.Text) || d.Text[c.Start:c.End] != c.Quote {
			t.Fatalf("%v: citation %d not verbatim", req, c.N)
		}
		if !srcs[c.Source] {
			t.Fatalf("%v: citation %d from %s, which Sources lacks", req, c.N, c.Source)
		}
	}
	cited := func(what string, ns []int) {
		for _, n := range ns {
			if n < 1 || n > len(a.Citations) {
				t.Fatalf("%v: %s cites [%d] of %d", req, what, n, len(a.Citations))
			}
		}
	}
	cited("the lead", a.LeadCites)
	for i, it := range a.Items {
		cited(fmt.Sprintf("item %d", i), it.Citations)
	}
	js, err := JSON(a)
	if err != nil || !json.Valid(js) {
		t.Fatalf("%v: JSON: %v\n%s", req, err, js)
	}
	_ = Text(a)
}

// within runs fn and crashes the process when it takes longer than d, far
// more than any answer may take (a reply is due within 3 s, and handlers
// answer in well under a millisecond). The fuzzer gives an input no time
// limit of its own, so a runaway input would only stall it; a panic from
// another goroutine kills the worker, and the fuzzer keeps the input.
func within(d time.Duration, fn func()) {
	timer := time.AfterFunc(d, func() { panic(fmt.Sprintf("no answer after %v", d)) })
	defer timer.Stop()
	fn()
}
