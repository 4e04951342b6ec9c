package extract

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agnivade/levenshtein"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/internal/labels"
)

// score counts matches for precision and recall.
type score struct{ found, labelled, right int }

func (s score) precision() float64 { return ratio(s.right, s.found) }
func (s score) recall() float64    { return ratio(s.right, s.labelled) }
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// normQuote compares quotes regardless of white space, quote-mark style and
// the punctuation at their ends.
func normQuote(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.Trim(s, " ,.;:!?\"'")
}

// sameName matches a speaker or person by full name or surname.
func sameName(a, b string) bool {
	fa, fb := strings.Fields(foldName(a)), strings.Fields(foldName(b))
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	sa, sb := fa[len(fa)-1], fb[len(fb)-1]
	// A surname spelt two ways in two articles is one person.
	return strings.Join(fa, " ") == strings.Join(fb, " ") || sa == sb || len(sa) >= 6 && levenshtein.ComputeDistance(sa, sb) == 1
}

// TestExtractionQuality scores quotes (with speakers) and people (with
// roles) against both labelled sets: at least 0.95 precision and recall on
// quotes, 0.9 on people.
func TestExtractionQuality(t *testing.T) {
	for _, set := range labels.Sets("..") {
		l, err := set.Read()
		if err != nil {
			t.Fatal(err)
		}
		var quotes, people score
		docs := make([]Doc, len(l.Articles))
		for i, a := range l.Articles {
			text, err := set.Text(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			docs[i] = Doc{Text: text, Sentences: prose.Split(text)}
		}
		results, _ := RunAll(docs, nil, 2, Passes{})
		for i, a := range l.Articles {
			text, r := docs[i].Text, results[i]
			q := scoreQuotes(t, a.ID, text, r, a.Quotes)
			quotes.found, quotes.labelled, quotes.right = quotes.found+q.found, quotes.labelled+q.labelled, quotes.right+q.right
			p := scorePeople(t, a.ID, r, a.People)
			people.found, people.labelled, people.right = people.found+p.found, people.labelled+p.labelled, people.right+p.right
		}
		t.Logf("%s: quotes P=%.3f R=%.3f (%d/%d/%d); people P=%.3f R=%.3f (%d/%d/%d)", filepath.Base(set.File),
			quotes.precision(), quotes.recall(), quotes.right, quotes.found, quotes.labelled,
			people.precision(), people.recall(), people.right, people.found, people.labelled)
		if quotes.precision() < 0.95 || quotes.recall() < 0.95 {
			t.Errorf("%s: quotes precision %.3f, recall %.3f; want both >= 0.95", set.File, quotes.precision(), quotes.recall())
		}
		if people.precision() < 0.9 || people.recall() < 0.9 {
			t.Errorf("%s: people precision %.3f, recall %.3f; want both >= 0.9", set.File, people.precision(), people.recall())
		}
	}
}

func scoreQuotes(t *testing.T, id, text string, r Result, want []labels.Quote) score {
	s := score{found: len(r.Quotes), labelled: len(want)}
	used := make([]bool, len(r.Quotes))
	for _, w := range want {
		hit := false
		for i, q := range r.Quotes {
			if used[i] || normQuote(text[q.Start:q.End]) != normQuote(w.Quote) {
				continue
			}
			if sameName(r.People[q.Speaker].Name, w.Speaker) {
				used[i], hit = true, true
				s.right++
				break
			}
		}
		if !hit {
			t.Logf("%s: missed quote %q by %s", id, short(w.Quote), w.Speaker)
		}
	}
	for i, q := range r.Quotes {
		if !used[i] {
			t.Logf("%s: extra quote %q by %s", id, short(text[q.Start:q.End]), r.People[q.Speaker].Name)
		}
	}
	return s
}

func scorePeople(t *testing.T, id string, r Result, want []labels.Person) score {
	var got []Person
	for _, p := range r.People {
		if !p.Unnamed && len(p.Mentions) > 0 {
			got = append(got, p)
		}
	}
	s := score{found: len(got), labelled: len(want)}
	used := make([]bool, len(got))
	for _, w := range want {
		hit := false
		for i, p := range got {
			if !used[i] && sameName(p.Name, w.Name) && sameRole(p.Role, w.Role) {
				used[i], hit = true, true
				s.right++
				break
			}
		}
		if !hit {
			t.Logf("%s: missed person %s (%s)", id, w.Name, w.Role)
		}
	}
	for i, p := range got {
		if !used[i] {
			t.Logf("%s: extra person %s (%s)", id, p.Name, p.Role)
		}
	}
	return s
}

// sameRole accepts a role that contains the labelled one or is contained
// in it: "French President" for "President", "Defence Secretary" for it.
func sameRole(got, want string) bool {
	g, w := foldName(got), foldName(want)
	return w == "" || strings.Contains(g, w) || (g != "" && strings.Contains(w, g))
}

func short(s string) string {
	if len(s) > 60 {
		return fmt.Sprintf("%s…", s[:60])
	}
	return s
}
