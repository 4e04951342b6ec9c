package facts

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts/timex"
	"github.com/briefbot/briefbot/internal/labels"
)

// TestDateResolutionQuality scores the date resolver against both labelled
// sets: an expression counts when it overlaps the labelled one and resolves
// to the same date, at the same granularity, with the same qualifier.
// Precision counts only expressions the resolver resolved.
func TestDateResolutionQuality(t *testing.T) {
	for _, set := range labels.Sets(".") {
		l, err := set.Read()
		if err != nil {
			t.Fatal(err)
		}
		found, labelled, right := 0, 0, 0
		for _, a := range l.Articles {
			text, err := set.Text(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			pub, err := time.Parse(time.DateOnly, a.Published)
			if err != nil {
				t.Fatal(err)
			}
			var got []timex.Expr
			for _, x := range timex.Find(text, pub) {
				if !x.Date.IsZero() {
					got = append(got, x)
				}
			}
			found += len(got)
			labelled += len(a.Dates)
			used := make([]bool, len(got))
			for _, w := range a.Dates {
				ctx := strings.Index(text, w.Context)
				at := strings.Index(w.Context, w.Text)
				if ctx < 0 || at < 0 {
					t.Fatalf("%s: label %q: context not in the article", a.ID, w.Text)
				}
				s, e := ctx+at, ctx+at+len(w.Text)
				hit := false
				for i, x := range got {
					if used[i] || x.End <= s || x.Start >= e {
						continue
					}
					if dateOf(x).String() == w.Date && x.Qualifier == w.Qualifier {
						used[i], hit = true, true
						right++
					}
					break
				}
				if !hit {
					t.Logf("%s: missed %q = %s %s", a.ID, w.Text, w.Date, w.Qualifier)
				}
			}
			for i, x := range got {
				if !used[i] {
					t.Logf("%s: extra or wrong %q = %s %s", a.ID, text[x.Start:x.End], dateOf(x), x.Qualifier)
				}
			}
		}
		p, r := float64(right)/float64(max(found, 1)), float64(right)/float64(max(labelled, 1))
		t.Logf("%s: dates P=%.3f R=%.3f (%d right, %d found, %d labelled)", filepath.Base(set.File), p, r, right, found, labelled)
		if p < 0.95 || r < 0.95 {
			t.Errorf("%s: date precision %.3f, recall %.3f; want both >= 0.95", set.File, p, r)
		}
	}
}
