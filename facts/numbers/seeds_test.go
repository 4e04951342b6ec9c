package numbers

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSeedArticles checks every figure found in the five sample articles:
// the counts they give, and nothing from their years, ordinals or "Number
// 10".
func TestSeedArticles(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"000_628a3823587ad664.txt", []string{
			"two=2/nuclear powers {two nuclear powers}",
			"two=2/men {two men}",
			"two=2/leading nuclear powers {two leading nuclear powers}",
		}},
		{"001_9398298c840b0b2e.txt", []string{
			"two=2/countries {two countries}",
			"two=2/leading nuclear powers {two leading nuclear powers}",
			"five=5/missions {five missions}",
		}},
		{"002_1810cc6d2e562a30.txt", []string{
			"two=2/countries {two countries}",
			"up to|30=30/countries {Up to 30 countries}",
		}},
		{"003_2e147543f79dad9a.txt", []string{
			"30=30/days {30 days}",
		}},
		{"004_f1c40bd5971a8bd1.txt", []string{
			"more than|20=20/countries {more than 20 countries}",
			"31=31/allied nations {31 allied nations}",
			"two=2/weekends {two weekends}",
			"four=4/vessels {four vessels}",
			"more than|30=30/countries {more than 30 countries}",
			"2.5%=2.5/of the UK’s economic output {2.5% of the UK’s economic output}",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "seeds", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := findAll(string(b)); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
