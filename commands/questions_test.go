package commands

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/briefbot/briefbot/facts"
)

var showMisses = flag.Bool("questions.v", false, "print every question the labelled sets miss, with the answer given")

// questionSet is one labelled file of testdata/questions: questions written
// from the articles before the question layer was tuned.
type questionSet struct {
	Facts     string          `yaml:"facts"` // "seeds" or a folder relative to the file
	Questions []labelQuestion `yaml:"questions"`
}

type labelQuestion struct {
	Q      string   `yaml:"q"`
	Type   string   `yaml:"type"`
	Expect []string `yaml:"expect"`
	Found  *bool    `yaml:"found"`
	Tags   []string `yaml:"tags"`
	Note   string   `yaml:"note"`
}

// minScore is the share of a set's questions that must be answered well.
const minScore = 0.90

// TestQuestionSets scores every labelled set: a question is answered well
// when found matches and every expected word (any of "a|b") appears in the
// lead or the first two items. Every answer's citations must also be
// verbatim, so the check covers all the text the question layer produces.
func TestQuestionSets(t *testing.T) {
	files, err := filepath.Glob("testdata/questions/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no labelled question sets in testdata/questions (%v)", err)
	}
	tab := NewTable()
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			set := readQuestionSet(t, file)
			b := questionBase(t, file, set.Facts)
			good, byType, total := 0, map[string][2]int{}, len(set.Questions)
			for _, lq := range set.Questions {
				a := ask(t, tab, b, lq.Q)
				checkCitations(t, baseText(b), lq.Q, a)
				ok, why := judge(lq, a)
				n := byType[lq.Type]
				n[1]++
				if ok {
					good++
					n[0]++
				} else if *showMisses {
					t.Logf("MISS [%s] %q: %s\n%s", lq.Type, lq.Q, why, Text(a))
				}
				byType[lq.Type] = n
			}
			var types []string
			for k := range byType {
				types = append(types, k)
			}
			sort.Strings(types)
			var parts []string
			for _, k := range types {
				parts = append(parts, fmt.Sprintf("%s %d/%d", k, byType[k][0], byType[k][1]))
			}
			score := float64(good) / float64(total)
			t.Logf("%s: %d/%d (%.0f%%); %s", filepath.Base(file), good, total, 100*score, strings.Join(parts, ", "))
			if score < minScore {
				t.Errorf("%s: %.0f%% answered well, below %.0f%% (run with -questions.v to see the misses)", file, 100*score, 100*minScore)
			}
		})
	}
}

func readQuestionSet(t testing.TB, file string) questionSet {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var set questionSet
	if err := yaml.Unmarshal(data, &set); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(set.Questions) == 0 {
		t.Fatalf("%s: no questions", file)
	}
	for i, lq := range set.Questions {
		if lq.Q == "" || lq.Type == "" {
			t.Fatalf("%s: question %d lacks q or type", file, i+1)
		}
		if (lq.Found == nil || *lq.Found) && len(lq.Expect) == 0 {
			t.Fatalf("%s: %q expects an answer but names no word of it", file, lq.Q)
		}
	}
	return set
}

// questionBase loads the fact base a set is about.
func questionBase(t *testing.T, file, dir string) *facts.Base {
	t.Helper()
	if dir == "seeds" {
		return seedBaseT(t)
	}
	path := filepath.Join(filepath.Dir(file), dir)
	b, _, err := facts.Load(os.DirFS(path), path)
	if err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
	return b
}

// judge reports whether an answer meets a label, and if not, why.
func judge(lq labelQuestion, a Answer) (bool, string) {
	wantFound := lq.Found == nil || *lq.Found
	if a.Found != wantFound {
		return false, fmt.Sprintf("found = %v, want %v", a.Found, wantFound)
	}
	if !wantFound {
		return true, ""
	}
	var seen strings.Builder
	seen.WriteString(a.Title + "\n" + a.Lead + "\n")
	for i, it := range a.Items {
		if i == 2 {
			break
		}
		seen.WriteString(it.Label + " " + it.Text + "\n")
	}
	head := strings.ToLower(foldQuotes(seen.String()))
	for _, e := range lq.Expect {
		hit := false
		for _, alt := range strings.Split(e, "|") {
			if strings.Contains(head, strings.ToLower(foldQuotes(strings.TrimSpace(alt)))) {
				hit = true
			}
		}
		if !hit {
			return false, fmt.Sprintf("%q not in the lead or first two items", e)
		}
	}
	return true, ""
}

func foldQuotes(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
}

// checkCitations checks that every citation of an answer is numbered in
// order and selects its quote in its article's text (as file gives it),
// that verbatim items are their citation's text, and that every reference
// is to a citation of the answer.
func checkCitations(t *testing.T, file func(id string) string, q string, a Answer) {
	t.Helper()
	for i, c := range a.Citations {
		text := file(c.Source)
		if c.N != i+1 || c.Start < 0 || c.End > len(text) || c.Start >= c.End || text[c.Start:c.End] != c.Quote {
			t.Errorf("%q: citation [%d] %s[%d:%d] does not select %q", q, c.N, c.Source, c.Start, c.End, c.Quote)
		}
	}
	refs := append([]int(nil), a.LeadCites...)
	for _, it := range a.Items {
		refs = append(refs, it.Citations...)
		if it.Verbatim && (len(it.Citations) == 0 || it.Citations[0] > len(a.Citations) || a.Citations[it.Citations[0]-1].Quote != it.Text) {
			t.Errorf("%q: verbatim item %q is not the text of its first citation", q, it.Text)
		}
	}
	for _, n := range refs {
		if n < 1 || n > len(a.Citations) {
			t.Errorf("%q: reference [%d] out of range (%d citations)", q, n, len(a.Citations))
		}
	}
}

// baseText gives an article's text as the base read it.
func baseText(b *facts.Base) func(id string) string {
	return func(id string) string {
		if d := b.Doc(id); d != nil {
			return d.Text
		}
		return ""
	}
}
