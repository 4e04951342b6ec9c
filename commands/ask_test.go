package commands

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// A small uncurated story written for these tests, on nothing the seeds
// are about, so that the question layer is seen to work on any folder.
const (
	millStory = "Mill sold to Acme\n\n" +
		"Acme bought the old mill last year, its owner said.\n\n" +
		"Acme bought the old mill in November 2004 for £2m.\n\n" +
		"Jane Roe, the mayor of Eastfield, said the sale was \"good news\".\n\n" +
		"The mill closed because demand for cloth fell.\n"
	millSources = "sources:\n  - {id: m1, title: Mill sold to Acme, outlet: Test Times, published: 2005-03-10}\n"
)

func millBase(t *testing.T) *facts.Base {
	t.Helper()
	fsys := fstest.MapFS{
		"m1.txt":       {Data: []byte(millStory)},
		"sources.yaml": {Data: []byte(millSources)},
	}
	b, _, err := facts.Load(fsys, "mill")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestAskKinds checks, for each kind of question, the lead an answer opens
// with, or that it honestly finds nothing.
func TestAskKinds(t *testing.T) {
	b := millBase(t)
	tab := NewTable()
	tests := []struct {
		q     string
		found bool
		lead  string // a piece the lead must hold
	}{
		// The precise date beats the vague one ("last year") for the same event.
		{"when did Acme buy the mill?", true, "November 2004"},
		{"how much did Acme pay for the mill?", true, "£2m"},
		{"why did the mill close?", true, "because demand"},
		{"who is the mayor of Eastfield?", true, "Jane Roe"},
		{"WHOS the mayor", true, "Jane Roe"},
		// A short quote leads by itself, not inside the reporter's words.
		{"what did Jane Roe say?", true, "Jane Roe: “good news”"},
		{"what is the weather in Eastfield?", false, "None of them mentions “weather”"},
		{"how many workers lost their jobs?", false, "don't cover this"},
		{"where is the moon?", false, "don't cover this"},
		{"/search weather forecast", false, "weather forecast"},
		{"/search cloth demand", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, tab, b, tt.q)
			// A card answers in its title ("Jane Roe — mayor of …").
			if head := a.Title + "\n" + a.Lead; a.Found != tt.found || !strings.Contains(head, tt.lead) {
				t.Errorf("%q: found=%v title=%q lead=%q, want found=%v and %q at the top", tt.q, a.Found, a.Title, a.Lead, tt.found, tt.lead)
			}
			if len(a.Items) > supporting {
				t.Errorf("%q: %d items, want at most %d after the lead", tt.q, len(a.Items), supporting)
			}
			checkCitations(t, baseText(b), tt.q, a)
		})
	}
}

// TestAskShortQuoteInContext checks that a quote of a word or two is shown
// inside its sentence, with the quoted words marked.
func TestAskShortQuoteInContext(t *testing.T) {
	b := millBase(t)
	a := ask(t, NewTable(), b, "/quotes Jane Roe")
	if len(a.Items) != 1 {
		t.Fatalf("items: %+v", a.Items)
	}
	it := a.Items[0]
	if !strings.HasPrefix(it.Text, "Jane Roe, the mayor") || len(it.Marks) != 1 || it.Text[it.Marks[0][0]:it.Marks[0][1]] != "good news" {
		t.Errorf("item %q marks %v: want the sentence with “good news” marked", it.Text, it.Marks)
	}
}
