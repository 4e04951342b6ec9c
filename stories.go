package main

import (
	"fmt"
	"log/slog"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
)

// newService loads every story of the config (each folder on every core:
// nothing is served yet) and serves them, each reloaded from its own
// folder. A story that does not load stops the start: a bot that began
// without one of its stories would answer its channels from another.
func newService(cfg config, log *slog.Logger) (*commands.Service, error) {
	var list []commands.Story
	for _, sc := range cfg.stories() {
		st, err := loadStory(sc, log)
		if err != nil {
			return nil, err
		}
		list = append(list, st)
	}
	return commands.NewStories(list, cfg.routes())
}

// loadStory loads one story's folder, logging its warnings.
func loadStory(sc storyConfig, log *slog.Logger) (commands.Story, error) {
	dir := sc.Dir
	load := func(o facts.Options) (*facts.Base, []facts.Problem, error) { return loadFolder(dir, o) }
	base, warns, err := load(facts.Options{})
	if err != nil {
		return commands.Story{}, fmt.Errorf("loading the fact base of story %s:\n%w", sc.Name, err)
	}
	for _, w := range warns {
		log.Warn("fact base", "story", sc.Name, "warning", w.String())
	}
	return commands.Story{Name: sc.Name, Base: base, Load: load}, nil
}
