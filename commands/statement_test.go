package commands

import (
	"strings"
	"testing"
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
			a, err := s.Ask(tt.msg)
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
		if _, err := s.Ask(empty); err == nil || !IsUserError(err) || !strings.Contains(err.Error(), "nothing to ask about") {
			t.Errorf("Ask(%q) err = %v, want the user error", empty, err)
		}
	}
}
