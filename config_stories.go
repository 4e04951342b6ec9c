package main

import (
	"fmt"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/briefbot/briefbot/commands"
)

// storyConfig is one entry of the config's stories: a story the bot
// briefs on, the facts folder it is read from, and where it answers.
type storyConfig struct {
	Name     string
	Dir      string   // "" = the embedded seeds
	Guilds   []string // servers whose channels it answers in (unless a channel is mapped elsewhere)
	Channels []string // channels it answers in
	Default  bool     // answers DMs and every place no story is mapped to
}

// stories are the stories the config serves: its stories list, or one
// story, commands.DefaultStory, read from facts.dir (the embedded seeds
// when that is empty too).
func (c config) stories() []storyConfig {
	if len(c.Stories) > 0 {
		return c.Stories
	}
	return []storyConfig{{Name: commands.DefaultStory, Dir: c.FactsDir, Default: true}}
}

// routes are where each story answers, for commands.NewStories.
func (c config) routes() commands.Routes {
	r := commands.Routes{Channels: map[string]string{}, Guilds: map[string]string{}}
	for _, st := range c.stories() {
		if st.Default {
			r.Default = st.Name
		}
		for _, id := range st.Channels {
			r.Channels[id] = st.Name
		}
		for _, id := range st.Guilds {
			r.Guilds[id] = st.Name
		}
	}
	return r
}

// story finds a story of the config by name.
func (c config) story(name string) (storyConfig, error) {
	var names []string
	for _, st := range c.stories() {
		if st.Name == name {
			return st, nil
		}
		names = append(names, st.Name)
	}
	return storyConfig{}, fmt.Errorf("no story %q in the config (stories: %v)", name, names)
}

// storyList reads the stories: list, each entry a mapping of name, dir,
// guild_ids, channel_ids and default, checking that names are good and
// unique, that at most one story is the default, and that no server or
// channel is given to two stories.
func (p *cfgParser) storyList(n *yaml.Node) []storyConfig {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "want a list of stories, each with a name and a dir")
		return nil
	}
	var out []storyConfig
	named := map[string]bool{}
	owner := map[string]int{} // a channel or server id → the entry that has it
	defaults := 0
	for i, item := range n.Content {
		var st storyConfig
		p.mapping(item, fmt.Sprintf("stories[%d]", i), map[string]func(*yaml.Node){
			"name": func(v *yaml.Node) {
				st.Name = p.str(v)
				if err := commands.CheckStoryName(st.Name); err != nil {
					p.errorf(v, "%v", err)
				} else if named[st.Name] {
					p.errorf(v, "a second story called %q: each story needs a name of its own", st.Name)
				}
				named[st.Name] = true
			},
			"dir":         func(v *yaml.Node) { st.Dir = p.str(v) },
			"guild_ids":   func(v *yaml.Node) { st.Guilds = p.owned(v, i, out, owner) },
			"channel_ids": func(v *yaml.Node) { st.Channels = p.owned(v, i, out, owner) },
			"default":     func(v *yaml.Node) { st.Default = p.boolean(v) },
		})
		if st.Name == "" && item.Kind == yaml.MappingNode {
			p.errorf(item, "stories[%d] has no name", i)
		}
		if st.Default {
			if defaults++; defaults == 2 {
				p.errorf(item, "a second default story: only one story answers where none is mapped")
			}
		}
		out = append(out, st)
	}
	return out
}

// owned reads the server or channel ids of entry i, refusing one that an
// earlier entry (of those in before) has already: each place answers from
// one story.
func (p *cfgParser) owned(n *yaml.Node, i int, before []storyConfig, owner map[string]int) []string {
	ids := p.snowflakes(n)
	for _, id := range ids {
		line := n // the id's own node: bad ids were left out of ids
		for _, c := range n.Content {
			if c.Value == id {
				line = c
				break
			}
		}
		if j, ok := owner[id]; ok && j != i {
			p.errorf(line, "%s is given to story %q already: a place answers from one story", id, before[j].Name)
		}
		owner[id] = i
	}
	return ids
}

// resolveStoryDirs takes each story's relative dir from the config file's
// folder, as facts.dir is.
func (c *config) resolveStoryDirs(path string) {
	for i, st := range c.Stories {
		if st.Dir != "" && !filepath.IsAbs(st.Dir) {
			c.Stories[i].Dir = filepath.Join(filepath.Dir(path), st.Dir)
		}
	}
}
