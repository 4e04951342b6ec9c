package commands

import (
	"fmt"
	"sort"

	"github.com/briefbot/briefbot/facts"
)

// Table is the set of commands. It is built once and read-only after.
type Table struct {
	specs   []Spec
	byName  map[string]int
	stories bool // every command but /help takes the story option
}

// NewTable returns briefbot's commands.
func NewTable() *Table {
	t := &Table{specs: []Spec{
		{Name: "ask", Description: "Ask a question in plain words; the answer quotes its sources or says they don't cover it",
			Options:  []Option{{Name: "question", Description: "Who, what, when, where, why, how many … about the story", Required: true}},
			Examples: []string{"/ask question:who is the defence secretary?", "why did smith resign?"}, Handler: askQuestion},
		{Name: "who", Description: "Who is someone in the story: role, what the sources say, quotes",
			Options:  []Option{{Name: "name", Description: "A name, surname or part of one", Required: true, Complete: CompletePerson}},
			Examples: []string{"/who name:Smith", "who is smith?"}, Handler: who},
		{Name: "timeline", Description: "Dated events of the story in order, each cited",
			Options: []Option{
				{Name: "about", Description: "Only events about these words or this person"},
				{Name: "from", Description: "First date, YYYY-MM-DD, YYYY-MM or YYYY"},
				{Name: "to", Description: "Last date, YYYY-MM-DD, YYYY-MM or YYYY"}},
			Examples: []string{"/timeline", "/timeline from:2024-01-01 about:summit", "when was the summit?"}, Handler: timeline},
		{Name: "quotes", Description: "What a person said, verbatim, with source and date",
			Options: []Option{
				{Name: "who", Description: "The speaker", Required: true, Complete: CompletePerson},
				{Name: "about", Description: "Only quotes about these words"}},
			Examples: []string{"/quotes who:Smith", "what did smith say about taxes?"}, Handler: quotes},
		{Name: "search", Description: "Best matching sentences of the articles, cited",
			Options:  []Option{{Name: "query", Description: "Words to look for", Required: true}},
			Examples: []string{"/search query:sanctions", "sanctions"}, Handler: searchCmd},
		{Name: "sources", Description: "The articles: outlet, date, title, link",
			Examples: []string{"/sources"}, Handler: sources},
		{Name: "source", Description: "One article's details",
			Options:  []Option{{Name: "id", Description: "Article id (see /sources)", Required: true, Complete: CompleteSource}},
			Examples: []string{"/source id:001_abc"}, Handler: source},
		{Name: "figures", Description: "Numbers in the story with context; where sources disagree, each",
			Options:  []Option{{Name: "about", Description: "Only figures about these words"}},
			Examples: []string{"/figures", "/figures about:troops"}, Handler: figures},
		{Name: "brief", Description: "Key points of the story, cited",
			Examples: []string{"/brief"}, Handler: brief},
		{Name: "about", Description: "Which version of the program and of the fact base this bot serves",
			Examples: []string{"/about"}, Handler: about},
		{Name: "help", Description: "The commands, with examples",
			Examples: []string{"/help"}},
		{Name: "reload", Description: "Admins: re-read the facts folder and report what changed",
			Examples: []string{"/reload"}, Admin: true},
	}}
	t.byName = make(map[string]int, len(t.specs))
	for i, s := range t.specs {
		t.byName[s.Name] = i
	}
	t.specs[t.byName["help"]].Handler = t.help
	return t
}

// Specs returns the commands in /help order.
func (t *Table) Specs() []Spec { return t.specs }

// Lookup returns the spec of a command by name.
func (t *Table) Lookup(name string) (Spec, bool) {
	i, ok := t.byName[name]
	if !ok {
		return Spec{}, false
	}
	return t.specs[i], true
}

// Handle runs the handler of req.Command.
func (t *Table) Handle(b *facts.Base, req Request) (Answer, error) {
	s, ok := t.Lookup(req.Command)
	if !ok {
		return Answer{}, UnknownCommand(req.Command)
	}
	if s.Handler == nil {
		return Answer{}, OnlyOnDiscord(req.Command)
	}
	for _, o := range s.Options {
		if o.Required && req.Options[o.Name] == "" {
			return Answer{}, userErrorf("/%s needs %s: for example %s", s.Name, o.Name, s.Examples[0])
		}
	}
	for name := range req.Options {
		if !s.hasOption(name) {
			return Answer{}, userErrorf("/%s has no option %q (options: %s)", s.Name, name, s.optionNames())
		}
	}
	return s.Handler(b, req)
}

func (s Spec) hasOption(name string) bool {
	for _, o := range s.Options {
		if o.Name == name {
			return true
		}
	}
	return false
}

func (s Spec) optionNames() string {
	if len(s.Options) == 0 {
		return "none"
	}
	names := make([]string, len(s.Options))
	for i, o := range s.Options {
		names[i] = o.Name
	}
	sort.Strings(names)
	return fmt.Sprint(names)
}

func (t *Table) help(b *facts.Base, req Request) (Answer, error) {
	a, _ := newAnswer(b, req)
	a.Title = "briefbot commands"
	a.Lead = "Every answer quotes its sources verbatim and numbers them. In a DM, plain questions work too."
	for _, s := range t.specs {
		a.Items = append(a.Items, Item{Label: "/" + s.Name, Text: s.Description + " — e.g. " + s.Examples[0]})
	}
	return *a, nil
}
