package commands

import (
	"errors"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// Reload rebuilds every story's base from its facts folder with workers
// articles read at once (0: one per core) and serves each that loads from
// then on; a story whose folder does not load keeps serving its old base,
// and the others are not affected. The answer (always private) names the
// version now served and what changed, or lists every error as file:line;
// the error wraps ErrReload when any folder did not load.
func (s *Service) Reload(workers int) (Answer, error) {
	if !s.several() {
		return s.reloadStory(s.stories[0], workers)
	}
	a := Answer{Command: reloadCommand, Found: true, Private: true, Items: []Item{}, Citations: []Citation{}, Sources: []Source{}}
	var failed []string
	var errs []error
	for _, st := range s.stories {
		one, err := s.reloadStory(st, workers)
		if err != nil {
			failed = append(failed, st.name)
			errs = append(errs, fmt.Errorf("story %s: %w", st.name, err))
		}
		a.Items = append(a.Items, Item{Section: "Story " + st.name, Label: one.Title, Text: one.Lead})
		for _, it := range one.Items {
			it.Section = "Story " + st.name + ": " + it.Section
			a.Items = append(a.Items, it)
		}
	}
	a.Title = fmt.Sprintf("%d stories reloaded", len(s.stories))
	a.Lead = "Every story now serves its new fact base."
	if len(failed) > 0 {
		a.Title = fmt.Sprintf("Reload failed for %d of %d stories", len(failed), len(s.stories))
		a.Lead = fmt.Sprintf("%s kept serving the previous fact base; the other stories reloaded.", strings.Join(failed, ", "))
	}
	return a, errors.Join(errs...)
}

// ReloadStory reloads one story, as Reload does every story: the folder
// watcher of that story calls it. An unknown name is an error.
func (s *Service) ReloadStory(name string, workers int) (Answer, error) {
	st := s.byName[name]
	if st == nil {
		return Answer{}, fmt.Errorf("no story %q", name)
	}
	return s.reloadStory(st, workers)
}

// reloadFor is /reload: the story its option names, every story for
// AllStories, else the story of the place it was asked in.
func (s *Service) reloadFor(req Request) (Answer, error) {
	s.mu.Lock()
	workers := s.workers
	s.mu.Unlock()
	if strings.EqualFold(strings.TrimSpace(req.Opt(StoryOption)), AllStories) {
		return s.Reload(workers)
	}
	st, err := s.storyFor(req)
	if err != nil {
		return Answer{}, err
	}
	return s.reloadStory(st, workers)
}

// reloadStory reloads one story: see Reload.
func (s *Service) reloadStory(st *story, workers int) (Answer, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	old := st.base() // nil while the story has not loaded yet
	before := st.status()
	a := Answer{Command: reloadCommand, Found: true, Private: true, Items: []Item{}, Citations: []Citation{}, Sources: []Source{}}
	if old != nil {
		a.AsOf = old.AsOf().String()
	}
	if s.several() {
		a.Story = st.name
	}
	was := Reloaded{Story: st.name, Version: before.Version, Previous: before.Version, Articles: before.Articles}
	if st.load == nil {
		err := errors.New("this bot serves a fact base it cannot reload")
		a.Title, a.Lead = "Reload not available", "This bot serves a fact base it cannot reload (an embedded one); restart it with a facts folder."
		was.Err = err
		s.tell(was)
		return a, fmt.Errorf("%w: %w", ErrReload, err)
	}
	// The old base lends the new one what unchanged articles cost to read.
	base, warns, err := st.load(facts.Options{Workers: workers, Previous: old})
	if err != nil {
		reloadFailed(&a, err, old != nil, before.Version)
		was.Warnings, was.Err = len(warns), err
		s.tell(was)
		return a, fmt.Errorf("%w: %w", ErrReload, err)
	}
	st.served.Store(newServed(base))
	changes := reloaded(&a, old, base, warns)
	s.tell(Reloaded{Story: st.name, Version: base.Version(), Previous: before.Version, Articles: len(base.Docs()), Warnings: len(warns), Changes: changes})
	return a, nil
}

// reloadFailed tells, in a, why a reload failed and what is served now:
// the previous version, or nothing when the story had not loaded yet.
func reloadFailed(a *Answer, err error, hadBase bool, version string) {
	a.Title = "Reload failed: still serving the previous fact base"
	var le *facts.LoadError
	if errors.As(err, &le) {
		a.Lead = fmt.Sprintf("%d errors; fix them and run /reload again.", len(le.Problems))
		for _, p := range le.Problems {
			a.Items = append(a.Items, Item{Section: "Errors", Text: p.String()})
		}
	} else {
		a.Lead = "The facts folder could not be read: " + err.Error()
	}
	if !hadBase {
		a.Title = "Reload failed: the story is still unavailable"
		a.Lead += " The story stays unavailable; the other stories are not affected."
	} else {
		a.Lead += fmt.Sprintf(" Still serving fact base version %s.", version)
	}
}

// reloaded tells, in a, what the new base serves and what changed from
// old (nil when the story had not loaded before), and returns the changes.
func reloaded(a *Answer, old, base *facts.Base, warns []facts.Problem) []facts.Change {
	a.Title = "Fact base reloaded"
	a.AsOf = base.AsOf().String()
	a.Lead = fmt.Sprintf("Now serving fact base version %s: %d articles, as of %s; %d warnings.", base.Version(), len(base.Docs()), a.AsOf, len(warns))
	var changes []facts.Change
	if old != nil {
		changes = facts.Diff(old, base)
	} else {
		a.Lead += " The story was unavailable until now."
	}
	for _, c := range changes {
		a.Items = append(a.Items, Item{Section: "What changed", Label: c.What,
			Text: fmt.Sprintf("%d added, %d removed; %d now, %d before", c.Added, c.Removed, c.After, c.Before)})
	}
	for _, w := range warns {
		a.Items = append(a.Items, Item{Section: "Warnings", Text: w.String()})
	}
	return changes
}
