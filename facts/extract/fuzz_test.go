package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/prose"
)

// FuzzRun feeds the quote attributor arbitrary text, invalid UTF-8
// included, split as the loader splits it, with a few known people, and
// checks what the fact base builds on: every quote becomes a citation, so
// its span is non-empty, inside the text, trimmed, cut at character
// boundaries when the text is valid UTF-8, and its speaker is one of the
// people found; quotes come in text order; every person has a name, and a
// curated id only from the known people; every mention is a non-empty span
// of the text that is not inside a character.
func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"",
		"Jane Roe, the mayor, said on Monday: “We will build the bridge.”\n\nShe added: “Soon.”",
		"“It is over,” said Keir Starmer. “We won.”\n“And more”\n",
		"The minister said:\nWe will act.\nWe will not wait.\n\nOther news.",
		"He said “ ” and “\t” and \"\" and “",
		"Prime Minister Sir Keir Starmer told reporters: \"Yes.\" A spokesman for Downing Street said: 'no'",
		"“Open quote runs over\n\n“paragraphs and ends here,” Roe said.",
		"\xff\xfe“\xe2\x80 said Roe.”\x00",
		"John Smith, 45, a teacher from Leeds, said: “I’m worried.” Mr Smith’s wife, Ann, said she was too.",
		"“A so-called “coalition of the willing” will meet,” he said. The “coalition of the willing” met.",
		"e\u0301“café” said Zoë Ó Súilleabháin — “ok”",
	} {
		f.Add(s)
	}
	known := []Known{
		{ID: "roe", Names: []string{"Jane Roe", "Roe", "Mayor Roe"}, Role: "mayor"},
		{ID: "starmer", Names: []string{"Keir Starmer", "Starmer", "Sir Keir Starmer"}, Role: "Prime Minister"},
		{ID: "org", Names: []string{"Downing Street"}},
	}
	ids := map[string]bool{}
	for _, k := range known {
		ids[k.ID] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		var r Result
		within(5*time.Second, func() { r = Run(text, prose.Split(text), known) })
		checkResult(t, text, r, ids)
	})
}

// checkResult fails t where r, what Run found in text, breaks what the
// fact base builds on (see FuzzRun); ids are the known people's.
func checkResult(t *testing.T, text string, r Result, ids map[string]bool) {
	t.Helper()
	valid := utf8.ValidString(text)
	span := func(what string, s, e int) {
		t.Helper()
		if s < 0 || s >= e || e > len(text) {
			t.Fatalf("%s: span [%d,%d) empty or outside the text (%d bytes) %q", what, s, e, len(text), text)
		}
		if valid && !utf8.ValidString(text[s:e]) {
			t.Fatalf("%s: span [%d,%d) %q cuts a character of %q", what, s, e, text[s:e], text)
		}
	}
	for i, p := range r.People {
		if strings.TrimSpace(p.Name) == "" {
			t.Fatalf("person %d has no name: %+v in %q", i, p, text)
		}
		if p.KnownID != "" && !ids[p.KnownID] {
			t.Fatalf("person %q has curated id %q, which no known person has", p.Name, p.KnownID)
		}
		for _, m := range p.Mentions {
			span("mention of "+p.Name, m.Start, m.End)
		}
	}
	prev := 0
	for i, q := range r.Quotes {
		span("quote", q.Start, q.End)
		if q.Start < prev {
			t.Fatalf("quote %d at %d after one at %d: not in text order", i, q.Start, prev)
		}
		prev = q.Start
		if q.Speaker < 0 || q.Speaker >= len(r.People) {
			t.Fatalf("quote %q: speaker %d is not one of the %d people", text[q.Start:q.End], q.Speaker, len(r.People))
		}
		if s := text[q.Start:q.End]; strings.TrimSpace(s) != s {
			t.Fatalf("quote %q is not trimmed", s)
		}
	}
}

// within runs fn and crashes the process when it takes longer than d. The
// fuzzer gives an input no time limit of its own, so a hang would only
// stall it; a panic from another goroutine kills the worker, and the
// fuzzer then keeps the input that hung as a failure to reproduce.
func within(d time.Duration, fn func()) {
	timer := time.AfterFunc(d, func() { panic(fmt.Sprintf("no result after %v: a hang or a runaway input", d)) })
	defer timer.Stop()
	fn()
}
