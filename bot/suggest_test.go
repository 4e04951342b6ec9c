package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// miss is an answer that found no one, with close names.
func miss(command string, names ...string) commands.Answer {
	return commands.Answer{Command: command, Title: "Not in the fact base", Lead: "No one called that.", Suggestions: names, AsOf: "2025-03-27"}
}

func TestSuggestions(t *testing.T) {
	table := commands.NewTable()
	parse := func(q string) commands.Request {
		req, err := table.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		return req
	}
	tests := []struct {
		query string
		a     commands.Answer
		want  []string
	}{
		{"/who jonh", miss("who", "John Healey", "John Ray"), []string{"who|John Healey", "who|John Ray"}},
		// The other options of the request are kept.
		{"/quotes who:jonh about:troops", miss("quotes", "John Healey"), []string{`quotes|John Healey|troops`}},
		// A question about someone suggests /who.
		{"who is jonh?", miss("ask", "John Healey"), []string{"who|John Healey"}},
		{"/source id:00", miss("source", "001_abc"), []string{"source|001_abc"}},
		// Names are escaped, repeated ones shown once, empty and overlong ones left out.
		{"/who x", miss("who", "A|B", "A|B", "", strings.Repeat("n", 100)), []string{`who|A\|B`}},
		{"/who Witkoff", commands.Answer{Command: "who", Found: true, Suggestions: []string{"x"}}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range suggestions(table, parse(tt.query), tt.a) {
			got = append(got, s.state)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: states %q, want %q", tt.query, got, tt.want)
		}
	}
	// With several stories, a suggestion asks the story its names came from.
	stories := table.WithStoryOption()
	req, err := stories.Parse("who is jonh? story:budget")
	if err != nil {
		t.Fatal(err)
	}
	got := suggestions(stories, req, miss("ask", "John Healey"))
	if len(got) != 1 || !strings.Contains(got[0].state, "budget") {
		t.Errorf("a suggestion from story budget: %+v, want its state to keep the story", got)
	}
}

// TestSuggestionRow: up to five names are buttons; more are a select menu
// of at most 25 options; either way within every limit, and beside page
// buttons when the answer has pages.
func TestSuggestionRow(t *testing.T) {
	table := commands.NewTable()
	req, _ := table.Parse("/who jonh")
	for _, n := range []int{1, 5, 6, 30} {
		var names []string
		for i := range n {
			names = append(names, fmt.Sprintf("Person Number %d", i))
		}
		a := miss("who", names...)
		for i := range 40 {
			a.Items = append(a.Items, commands.Item{Text: fmt.Sprintf("line %d %s", i, strings.Repeat("w ", 100))})
		}
		m := answerMessage(table, req, a, false, 0)
		b, _ := json.Marshal(m.response(discordgo.InteractionResponseChannelMessageWithSource))
		if err := checkCallback(b); err != nil {
			t.Fatalf("%d suggestions: %v", n, err)
		}
		if len(m.Components) != 2 {
			t.Fatalf("%d suggestions: %d rows, want page buttons and suggestions", n, len(m.Components))
		}
		row := m.Components[1].(discordgo.ActionsRow).Components
		switch menu, isMenu := row[0].(discordgo.SelectMenu); {
		case n <= maxRowButtons && (isMenu || len(row) != n):
			t.Errorf("%d suggestions: %d components, want %d buttons", n, len(row), n)
		case n > maxRowButtons && (!isMenu || len(menu.Options) != min(n, maxMenuOptions)):
			t.Errorf("%d suggestions: %+v, want a select menu of %d", n, row, min(n, maxMenuOptions))
		}
	}
}

func TestParseSuggestionIDs(t *testing.T) {
	good := []string{"bb1:s:0:who|John Healey", "bb1:m:0:pick"}
	bad := []string{"bb1:s:1:who|John Healey", "bb1:s:0:@", "bb1:m:0:who|John", "bb1:m:1:pick", "bb1:x:0:who"}
	for _, id := range good {
		if _, err := parseCustomID(id); err != nil {
			t.Errorf("parseCustomID(%q): %v", id, err)
		}
	}
	for _, id := range bad {
		if _, err := parseCustomID(id); err == nil {
			t.Errorf("parseCustomID(%q) accepted", id)
		}
	}
	if _, err := pickedState([]string{"a", "b"}); err == nil {
		t.Error("two values picked from a one-value menu accepted")
	}
}
