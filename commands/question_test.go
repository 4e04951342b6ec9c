package commands

import "testing"

// TestAnalyse checks that plain questions are taken apart into the kind of
// answer they want and what they are about, whatever their casing, chat
// spellings, politeness or punctuation.
func TestAnalyse(t *testing.T) {
	tests := []struct {
		in                     string
		kind                   Kind
		target, about, measure string
	}{
		{"who is the defence secretary?", KindPerson, "defence secretary", "", ""},
		{"WHO'S Britain's PM", KindPerson, "britain's pm", "", ""},
		{"whos the french president", KindPerson, "french president", "", ""},
		{"what did Healey say about freeloading?", KindQuote, "healey", "freeloading", ""},
		{"wat did healy say", KindQuote, "healy", "", ""},
		{"quotes from zelensky", KindQuote, "zelensky", "", ""},
		{"did Starmer say anything about sanctions?", KindQuote, "starmer", "sanctions", ""},
		{"is Putin quoted?", KindQuote, "putin", "", ""},
		{"how many countries are in the coalition?", KindFigure, "countries are in the coalition", "countries", "many"},
		{"How much will the UK spend on defence", KindFigure, "will the uk spend on defence", "", "much"},
		{"when did the summit take place?", KindDate, "did the summit", "", ""},
		{"where did the chiefs meet", KindPlace, "did the chiefs meet", "", ""},
		{"why is the UK sending troops?", KindReason, "is the uk sending troops", "", ""},
		{"what is PJHQ?", KindDefinition, "pjhq", "", ""},
		{"tell me abt the lancastr house treaty", KindDefinition, "lancastr house treaty", "", ""},
		{"what happened at the Paris summit", KindEvent, "paris summit", "", ""},
		{"will parliament get a vote?", KindYesNo, "parliament get a vote", "", ""},
		{"please, hey, sanctions on russia!", KindOther, "sanctions on russia", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := Analyse(tt.in)
			if q.Kind != tt.kind || q.Target != tt.target || q.About != tt.about || q.Measure != tt.measure {
				t.Errorf("Analyse(%q) = %s target=%q about=%q measure=%q, want %s %q %q %q",
					tt.in, q.Kind, q.Target, q.About, q.Measure, tt.kind, tt.target, tt.about, tt.measure)
			}
		})
	}
}
