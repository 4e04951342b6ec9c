package bot

import (
	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// "Did you mean" you can click. When an answer finds no one and offers
// close names (commands.Answer.Suggestions), each becomes a button that
// asks again with that name, or, past maxRowButtons of them, an option of
// a select menu. Like a page button, each carries its request in its
// custom_id (or in the option's value), so that a click works for anyone
// and after a restart; it answers in place of the miss.
const (
	// dirSuggest is the direction of a suggestion button's custom_id:
	// "bb1:s:0:" and the state of the request it asks.
	dirSuggest = 's'
	// dirPick is the select menu's: its custom_id says only what it is
	// (pickState); the chosen option's value is the state.
	dirPick   = 'm'
	pickState = "pick"
	// maxMenuOptions and maxOption are Discord's limits on a select menu.
	maxMenuOptions = 25
	maxOption      = 100
)

// suggested is one suggestion as a request's state, and the name shown.
type suggested struct {
	name, state string
}

// suggestions turns an answer's close names into the states of the
// requests that ask for each: the same command with the name in its first
// option when that option takes a name or an id (/who, /quotes, /source),
// otherwise /who (a question about someone). The other options of the
// request are kept, so that "/quotes who:smiht about:troops" suggests
// Smith's quotes about troops, and so is the story asked (the names are
// that story's). States too long for a custom_id are left
// out: no name in a fact base comes near that.
func suggestions(t *commands.Table, req commands.Request, a commands.Answer) []suggested {
	if a.Found || len(a.Suggestions) == 0 {
		return nil
	}
	spec, ok := t.Lookup(a.Command)
	if !ok || spec.Handler == nil || spec.Admin || len(spec.Options) == 0 || spec.Options[0].Complete == commands.NoComplete {
		if spec, ok = t.Lookup("who"); !ok {
			return nil
		}
	}
	var out []suggested
	seen := map[string]bool{}
	for _, name := range a.Suggestions {
		r := commands.Request{Command: spec.Name, Options: map[string]string{}}
		if req.Command == spec.Name {
			for k, v := range req.Options {
				r.Options[k] = v
			}
		}
		if story := req.Opt(commands.StoryOption); story != "" {
			r.Options[commands.StoryOption] = story // the names come from that story
		}
		r.Options[spec.Options[0].Name] = name
		st := encodeState(spec, r)
		if name == "" || seen[st] || runes(customID(dirSuggest, 0, st)) > maxCustomID {
			continue
		}
		seen[st] = true
		out = append(out, suggested{name: name, state: st})
	}
	return out
}

// suggestionRow is the action row of an answer's suggestions: a button
// each, or one select menu when there are more than a row holds; nil when
// there are none.
func suggestionRow(ss []suggested) []discordgo.MessageComponent {
	if len(ss) == 0 {
		return nil
	}
	var row []discordgo.MessageComponent
	if len(ss) <= maxRowButtons {
		for _, s := range ss {
			row = append(row, discordgo.Button{Label: commands.Ellipsis(s.name, maxLabel), Style: discordgo.PrimaryButton,
				CustomID: customID(dirSuggest, 0, s.state)})
		}
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
	}
	one := 1
	menu := discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: customID(dirPick, 0, pickState),
		Placeholder: "Did you mean…", MinValues: &one, MaxValues: 1}
	for _, s := range ss[:min(len(ss), maxMenuOptions)] {
		menu.Options = append(menu.Options, discordgo.SelectMenuOption{Label: commands.Ellipsis(s.name, maxOption), Value: s.state,
			Description: "Ask again about " + commands.Ellipsis(s.name, maxOption-len("Ask again about "))})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{menu}}}
}

// pickedState is the state of the option chosen in a suggestion menu:
// exactly one value, as short as a custom_id's state would be.
func pickedState(values []string) (string, error) {
	if len(values) != 1 || values[0] == "" || runes(values[0]) > maxOption {
		return "", errStale
	}
	return values[0], nil
}
