package commands

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
)

// TestAskAboutMessage checks the answers to messages the bot is pointed at:
// a statement gets the sources beside it, with their figures where it gives
// a number; a question is answered as in a DM; a message in another
// language, or with no text, is said to be what it is.
func TestAskAboutMessage(t *testing.T) {
	s := NewService(seedBaseT(t), nil)
	tests := []struct {
		msg   string
		found bool
		want  []string // pieces of the title, lead or items
	}{
		{"Starmer said 30 countries have signed up to the coalition", true, []string{"What the sources say about this", "31 allied nations", "up to 30 countries"}},
		{"who is the defence secretary?", true, []string{"Healey"}},
		{strings.Repeat("Starmer called for increasing sanctions on Russia. ", 40), true, []string{"sanctions"}},
		{"Le Royaume-Uni enverra des soldats en Ukraine la semaine prochaine", false, []string{"don't cover this"}},
		{"¿Cuántos soldados enviará el Reino Unido?", false, []string{"don't cover this"}},
	}
	for _, tt := range tests {
		t.Run(tt.msg[:min(len(tt.msg), 40)], func(t *testing.T) {
			a, err := s.Ask(tt.msg, Place{})
			if err != nil {
				t.Fatal(err)
			}
			all := Text(a)
			if a.Found != tt.found {
				t.Errorf("found = %v, want %v:\n%s", a.Found, tt.found, all)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("answer lacks %q:\n%s", w, all)
				}
			}
			checkCitations(t, baseText(s.Base()), tt.msg, a)
		})
	}
	for _, empty := range []string{"", "   ", "👍 🎉", "\u200b"} {
		if _, err := s.Ask(empty, Place{}); err == nil || !IsUserError(err) || !strings.Contains(err.Error(), "nothing to ask about") {
			t.Errorf("Ask(%q) err = %v, want the user error", empty, err)
		}
	}
}

// TestBriefKeepsUp adds an article newer than every curated point to the
// seeds: /brief keeps the points and adds the new article's lead sentence,
// marked as extracted, and is "as of" its date.
func TestBriefKeepsUp(t *testing.T) {
	fsys, _, err := corpus.Scaled(0)
	if err != nil {
		t.Fatal(err)
	}
	folder := fsys.(fstest.MapFS)
	folder["zz_new.txt"] = &fstest.MapFile{Data: []byte("Talks resume\n\nDefence ministers of ten countries met in Brussels on Thursday to agree the next steps.\n")}
	folder["sources.yaml"] = &fstest.MapFile{Data: append(append([]byte(nil), folder["sources.yaml"].Data...), "\n  - {id: zz_new, title: Talks resume, outlet: Test Times, published: 2025-04-10}\n"...)}
	b, _, err := facts.Load(folder, "folder")
	if err != nil {
		t.Fatal(err)
	}
	a := ask(t, NewTable(), b, "/brief")
	last := a.Items[len(a.Items)-1]
	if len(a.Items) != len(b.Points())+1 || !last.Extracted || !strings.HasPrefix(last.Text, "Defence ministers of ten countries") || a.AsOf != "2025-04-10" {
		t.Errorf("brief with a newer article:\n%s", Text(a))
	}
}
