package main

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
)

// newService loads every story of the config (each folder on every core:
// nothing is served yet) and serves them, each reloaded from its own
// folder. With several stories, one whose folder does not load is logged
// and served as unavailable (its channels are told so, and /reload tries
// it again), so that it does not keep the others from serving; a bot with
// one story, or none that loads, does not start.
func newService(cfg config, log *slog.Logger) (*commands.Service, error) {
	var list []commands.Story
	var errs []error
	for _, sc := range cfg.stories() {
		st, err := loadStory(sc, log)
		if err != nil {
			errs = append(errs, err)
			log.Error("a story did not load: it answers that it is unavailable until a reload loads it", "story", sc.Name, "err", err)
		}
		list = append(list, st)
	}
	if len(errs) == len(list) {
		return nil, errors.Join(errs...)
	}
	return commands.NewStories(list, cfg.routes())
}

// loadStory loads one story's folder, logging its warnings.
func loadStory(sc storyConfig, log *slog.Logger) (commands.Story, error) {
	dir := sc.Dir
	load := func(o facts.Options) (*facts.Base, []facts.Problem, error) { return loadFolder(dir, o) }
	base, warns, err := load(facts.Options{})
	if err != nil {
		err = fmt.Errorf("loading the fact base of story %s:\n%w", sc.Name, err)
		return commands.Story{Name: sc.Name, Load: load, Err: err}, err
	}
	for _, w := range warns {
		log.Warn("fact base", "story", sc.Name, "warning", w.String())
	}
	return commands.Story{Name: sc.Name, Base: base, Load: load}, nil
}
