package commands

import (
	"fmt"
	"strings"
)

// CompleteStory is the autocomplete of the story option: the stories'
// names.
const CompleteStory Complete = "story"

// WithStoryOption is a copy of t in which every command that answers from
// a story takes the story option; /help lists the same commands whatever
// the story, so it does not.
func (t *Table) WithStoryOption() *Table {
	c := &Table{specs: make([]Spec, len(t.specs)), byName: t.byName, stories: true}
	for i, sp := range t.specs {
		sp.Options = append([]Option(nil), sp.Options...)
		switch sp.Name {
		case "help":
		case reloadCommand:
			sp.Options = append(sp.Options, Option{Name: StoryOption, Description: "The story to reload, or all (default: this channel's)", Complete: CompleteStory})
		default:
			sp.Options = append(sp.Options, Option{Name: StoryOption, Description: "Ask another story than this channel's", Complete: CompleteStory})
		}
		c.specs[i] = sp
	}
	c.specs[c.byName["help"]].Handler = c.help
	return c
}

// stamp names the story an answer comes from when there are several, and
// lists the stories in /about, /sources and /help, so that a reader knows
// what else the bot briefs on and how to ask it.
func (s *Service) stamp(a *Answer, st *story, command string) {
	if !s.several() {
		return
	}
	a.Story = st.name
	switch command {
	case "about":
		for _, o := range s.stories {
			a.Items = append(a.Items, Item{Section: "Stories", Label: o.name, Text: s.describe(o, st)})
		}
	case "help":
		a.Lead += fmt.Sprintf(" This bot briefs on %d stories (%s); here it answers from %s, and every command but /help takes story: to ask another.",
			len(s.stories), strings.Join(s.names(), ", "), st.name)
	case "sources":
		a.Lead = fmt.Sprintf("Story %s: %s Other stories: %s (ask them with story:).", st.name, a.Lead, strings.Join(s.others(st), ", "))
	}
}

// describe is one line of /about's list of stories.
func (s *Service) describe(o, here *story) string {
	text := asOfText(o)
	if st := o.status(); st.Version != "" {
		text = fmt.Sprintf("%s, %s, fact base version %s", plural(st.Articles, "article"), text, st.Version)
	}
	if o == s.stories[0] {
		text += "; the default story"
	}
	if o == here {
		text += "; this answer's story"
	}
	return text
}

func asOfText(o *story) string {
	b := o.base()
	switch {
	case b == nil:
		return "not loaded: its facts folder has errors"
	case !b.AsOf().IsZero():
		return "as of " + b.AsOf().Human()
	}
	return "no dated article"
}

func (s *Service) others(here *story) []string {
	var out []string
	for _, o := range s.stories {
		if o != here {
			out = append(out, o.name)
		}
	}
	return out
}

// completeStories offers the stories whose name starts with typed, then
// those that contain it, in the order the service lists them.
func (s *Service) completeStories(typed string, limit int, reload bool) []Choice {
	q := strings.ToLower(strings.TrimSpace(typed))
	var first, then []Choice
	add := func(name, label string) {
		switch {
		case strings.HasPrefix(name, q):
			first = append(first, Choice{Name: label, Value: name})
		case strings.Contains(name, q):
			then = append(then, Choice{Name: label, Value: name})
		}
	}
	for _, o := range s.stories {
		st := o.status()
		add(o.name, fmt.Sprintf("%s — %s, %s", o.name, plural(st.Articles, "article"), asOfText(o)))
	}
	if reload {
		add(AllStories, AllStories+" — every story")
	}
	out := append(first, then...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
