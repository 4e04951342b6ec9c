package timex

import (
	"testing"
	"time"
)

func TestTense(t *testing.T) {
	tests := []struct {
		text string
		want Tense
	}{
		{"Leaders met on Monday.", Past},
		{"On Monday, the minister said the talks were over.", Past},
		{"The PM will travel to Paris on Monday.", Future},
		{"Talks on Monday won't change much.", Future},
		{"We'll meet on Monday.", Future},
		{"The summit is due to open on Monday.", Future},
		{"The summit is also expected to open on Monday.", Future},
		{"Ministers are set to meet on Monday.", Future},
		{"The firm plans to cut jobs on Monday.", Future},
		{"He is to visit Kyiv on Monday.", Future},
		{"The event is going to be held on Monday.", Future},
		{"The final, to be held on Monday, sold out.", Future},
		{"I shall meet him on Monday.", Future},
		{"Leaders are meeting on Monday.", Present},
		{"It's raining on Monday.", Present},
		{"The report was published on Monday.", Past},
		{"They had agreed on Monday to pause strikes.", Past},
		{"The deal has been agreed on Monday.", Past},
		{"He did not elaborate on Monday.", Past},
		{"The armed forces parade on Monday.", Unknown},
		{"The 31 allied nations parade on Monday.", Unknown},
		{"It is needed on Monday.", Unknown},
		{"On Monday: we will meet again.", Unknown},
		{"He spoke.\nOn Monday the hall opens.", Unknown},
		{"The vote was due to take place on Monday.", Unknown},
		// With no verb the expression speaks for itself.
		{"Yesterday: chaos.", Past},
		{"Next week: more talks.", Future},
		{"Since 2013: nothing.", Past},
		{"Later this year: a summit.", Future},
	}
	pub := time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			es := Find(tt.text, pub)
			if len(es) == 0 {
				t.Fatalf("Find(%q) found nothing", tt.text)
			}
			if es[0].Tense != tt.want {
				t.Errorf("Find(%q)[0] = %q tense %v, want %v", tt.text, tt.text[es[0].Start:es[0].End], es[0].Tense, tt.want)
			}
		})
	}
}
