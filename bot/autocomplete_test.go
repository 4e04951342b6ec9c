package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// botFor makes a bot serving svc, for tests that need no Discord.
func botFor(tb testing.TB, svc *commands.Service) *Bot {
	tb.Helper()
	b, err := New(Options{Service: svc})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// choicesFor is what b suggests while option opt of /cmd is being typed.
func choicesFor(b *Bot, cmd, opt, typed string) []*discordgo.ApplicationCommandOptionChoice {
	return b.choices(&discordgo.Interaction{}, discordgo.ApplicationCommandInteractionData{Name: cmd, Options: []*discordgo.ApplicationCommandInteractionDataOption{
		{Name: opt, Type: discordgo.ApplicationCommandOptionString, Value: typed, Focused: true}}})
}

func TestCompletePeople(t *testing.T) {
	b := botFor(t, seedService(t))
	tests := []struct{ typed, first string }{
		{"witk", "Steve Witkoff"},
		{"zelen", "Volodymyr Zelensky"},
		{"heal", "John Healey"},
	}
	for _, tt := range tests {
		got := choicesFor(b, "who", "name", tt.typed)
		if len(got) == 0 || got[0].Value != tt.first {
			t.Errorf("complete(%q) = %v, want %q first", tt.typed, choiceValues(got), tt.first)
		}
	}
	all := choicesFor(b, "quotes", "who", "")
	if len(all) != maxChoices {
		t.Errorf("nothing typed: %d choices, want %d", len(all), maxChoices)
	}
	for _, c := range all {
		if runes(c.Name) > maxChoice || runes(c.Value.(string)) > maxChoice || c.Name == "" {
			t.Errorf("choice %+v breaks a limit", c)
		}
	}
	if got := choicesFor(b, "search", "query", "x"); got == nil || len(got) != 0 {
		t.Errorf("an option without autocomplete got %v, want no choices", got)
	}
}

// TestDiscordChoices: a name is shown as plain text, folded and cut to
// Discord's 100 characters; the value goes back as it is.
func TestDiscordChoices(t *testing.T) {
	long := "Someone \u202Ewith\u202C a\n name " + strings.Repeat("very ", 30) + "long"
	got := discordChoices([]commands.Choice{{Name: long, Value: "someone"}})
	if len(got) != 1 || runes(got[0].Name) != maxChoice || !strings.HasPrefix(got[0].Name, "Someone with a name very") ||
		!strings.HasSuffix(got[0].Name, "…") || got[0].Value != "someone" {
		t.Errorf("got %+v", got)
	}
}

func choiceValues(cs []*discordgo.ApplicationCommandOptionChoice) []any {
	var out []any
	for _, c := range cs {
		out = append(out, c.Value)
	}
	return out
}

// folderBot serves a folder of articles named names, each with a headline
// and one sentence.
func folderBot(t *testing.T, names ...string) *Bot {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		writeArticle(t, dir, name, "Headline of "+name+"\n\nA sentence here.\n")
	}
	return botFor(t, serviceOf(t, dirLoader(dir)))
}

func TestCompleteSources(t *testing.T) {
	b := folderBot(t, "alpha_report", "beta_sanctions", "gamma", "zeta_alpha")
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
		for _, c := range choicesFor(b, "source", "id", tt.typed) {
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
	bot := botFor(b, syntheticService(b, 5000, 2000))
	for _, bm := range []struct {
		name, cmd, opt string
		typed          []string
	}{
		{"people", "who", "name", []string{"sm", "smith", "jon", "zz", "", "anna okaf", "kofi nova12"}},
		{"sources", "source", "id", []string{"art", "article_10", "", "outlet 3", "zzz", "a1"}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for i := range b.N {
				choicesFor(bot, bm.cmd, bm.opt, bm.typed[i%len(bm.typed)])
			}
		})
	}
}

// TestCompleteSourcesTop25: with more matches than fit, the best 25 win in
// id order, and an exact id comes first wherever it sits.
func TestCompleteSourcesTop25(t *testing.T) {
	var names []string
	for i := range 40 {
		names = append(names, fmt.Sprintf("a_alpha_%02d", i)) // contains "alpha"
	}
	for i := range 30 {
		names = append(names, fmt.Sprintf("alpha_%02d", i)) // starts with it
	}
	got := choiceValues(choicesFor(folderBot(t, append(names, "alpha")...), "source", "id", "alpha"))
	if len(got) != maxChoices || got[0] != "alpha" || got[1] != "alpha_00" || got[24] != "alpha_23" {
		t.Errorf("got %v", got)
	}
}
