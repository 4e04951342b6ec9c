package bot

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
	"github.com/bwmarrin/discordgo"
)

func TestCompletePeople(t *testing.T) {
	s := newServed(seedBase(t))
	tests := []struct{ typed, first string }{
		{"witk", "Steve Witkoff"},
		{"zelen", "Volodymyr Zelensky"},
		{"heal", "John Healey"},
	}
	for _, tt := range tests {
		got := s.complete(commands.CompletePerson, tt.typed)
		if len(got) == 0 || got[0].Value != tt.first {
			t.Errorf("complete(%q) = %v, want %q first", tt.typed, choiceValues(got), tt.first)
		}
	}
	all := s.complete(commands.CompletePerson, "")
	if len(all) != maxChoices {
		t.Errorf("nothing typed: %d choices, want %d", len(all), maxChoices)
	}
	for _, c := range all {
		if runes(c.Name) > maxChoice || runes(c.Value.(string)) > maxChoice || c.Name == "" {
			t.Errorf("choice %+v breaks a limit", c)
		}
	}
	if got := s.complete(commands.NoComplete, "x"); len(got) != 0 {
		t.Errorf("an option without autocomplete got %v", got)
	}
}

func choiceValues(cs []*discordgo.ApplicationCommandOptionChoice) []any {
	var out []any
	for _, c := range cs {
		out = append(out, c.Value)
	}
	return out
}

func TestCompleteSources(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"alpha_report.txt", "beta_sanctions.txt", "gamma.txt", "zeta_alpha.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("Headline of "+name+"\n\nA sentence here.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, _, err := facts.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	s := newServed(b)
	tests := []struct {
		typed string
		want  []string
	}{
		{"alpha", []string{"alpha_report", "zeta_alpha"}}, // prefix before substring
		{"SANCT", []string{"beta_sanctions"}},
		{"gma", []string{"gamma"}}, // letters in order
		{"nothing like it", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range s.complete(commands.CompleteSource, tt.typed) {
			got = append(got, c.Value.(string))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("complete(%q) = %v, want %v", tt.typed, got, tt.want)
		}
	}
}

// BenchmarkAutocomplete times the answer to one keystroke over a base of
// 5,000 names and 2,000 articles; it must stay well under a millisecond.
func BenchmarkAutocomplete(b *testing.B) {
	s := newServed(syntheticBase(b, 5000, 2000))
	for _, bm := range []struct {
		name  string
		kind  commands.Complete
		typed []string
	}{
		{"people", commands.CompletePerson, []string{"sm", "smith", "jon", "zz", "", "anna okaf", "kofi nova12"}},
		{"sources", commands.CompleteSource, []string{"art", "article_10", "", "outlet 3", "zzz", "a1"}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for i := range b.N {
				s.complete(bm.kind, bm.typed[i%len(bm.typed)])
			}
		})
	}
}

// TestCompleteSourcesTop25: with more matches than fit, the best 25 win in
// id order, and an exact id comes first wherever it sits.
func TestCompleteSourcesTop25(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte("Headline\n\nA sentence here.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 40 {
		write(fmt.Sprintf("a_alpha_%02d", i)) // contains "alpha"
	}
	for i := range 30 {
		write(fmt.Sprintf("alpha_%02d", i)) // starts with it
	}
	write("alpha")
	b, _, err := facts.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	got := newServed(b).completeSources("alpha")
	if len(got) != maxChoices || got[0].id != "alpha" || got[1].id != "alpha_00" || got[24].id != "alpha_23" {
		var ids []string
		for _, k := range got {
			ids = append(ids, k.id)
		}
		t.Errorf("got %v", ids)
	}
}
