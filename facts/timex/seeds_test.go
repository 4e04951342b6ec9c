package timex

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestSeedArticles checks every expression found in the five sample
// articles, resolved by hand against their publication dates (from
// seeds/sources.yaml), and the tense of the ones that need it.
func TestSeedArticles(t *testing.T) {
	tests := []struct {
		file, pub string
		want      []string
		tenses    map[string]Tense // span -> tense, first occurrence
	}{
		{"000_628a3823587ad664.txt", mon, []string{
			"on Monday=2025-03-24", "Today=2025-03-24", "this week=2025-W13", "last week=2025-W12",
		}, map[string]Tense{"last week": Past, "this week": Future}},
		{"001_9398298c840b0b2e.txt", mon, []string{
			"today=2025-03-24", "in 2025=2025", "today=2025-03-24", "Today=2025-03-24",
			"last week=2025-W12", "this week=2025-W13", "later in 2025=2025/later", "2010=2010",
		}, map[string]Tense{"in 2025": Future, "later in 2025": Future}},
		{"002_1810cc6d2e562a30.txt", "2025-03-27", []string{
			"this afternoon=2025-03-27", "on this morning=2025-03-27",
		}, nil},
		{"003_2e147543f79dad9a.txt", "2025-03-27", []string{
			"yesterday=2025-03-26", "this week=2025-W13",
		}, map[string]Tense{"yesterday": Past, "this week": Past}},
		{"004_f1c40bd5971a8bd1.txt", thu, []string{
			"on Thursday=2025-03-20",
			"Last weekend=2025-W11",
			"on Wednesday=2025-03-19",
			"on Tuesday=2025-03-18",
			"Earlier this week=2025-W12/earlier",
			"since 2013=2013/since",
			"on Thursday=2025-03-20",
			"on Saturday=2025-03-15",
			"In February=2025-02",
			"by 2027=2027/by",
		}, map[string]Tense{
			"on Wednesday": Past, "on Saturday": Past, "In February": Past,
			"Earlier this week": Past, "on Tuesday": Past,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "seeds", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			if got := findAll(text, tt.pub); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			checkTenses(t, text, tt.pub, tt.tenses)
		})
	}
}

// checkTenses checks the tense of the first expression found in text
// (published on pubDate) with each span of tenses.
func checkTenses(t *testing.T, text, pubDate string, tenses map[string]Tense) {
	t.Helper()
	pub, _ := time.Parse("2006-01-02", pubDate)
	seen := map[string]bool{}
	for _, e := range Find(text, pub) {
		span := text[e.Start:e.End]
		want, ok := tenses[span]
		if !ok || seen[span] {
			continue
		}
		seen[span] = true
		if e.Tense != want {
			t.Errorf("%q: tense %v, want %v", span, e.Tense, want)
		}
	}
	for span := range tenses {
		if !seen[span] {
			t.Errorf("%q not found", span)
		}
	}
}
