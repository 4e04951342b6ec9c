package bot

import (
	"io/fs"
	"os"
	"testing"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
	"github.com/briefbot/briefbot/seeds"
)

// The one file of the package that names facts: tests get their fact
// bases from it, inside services, and every other file talks to commands
// only, as the bot does.

// fsLoader reads the facts folder fsys, named dir in problems.
func fsLoader(fsys fs.FS, dir string) commands.Loader {
	return func(o facts.Options) (*facts.Base, []facts.Problem, error) {
		return facts.LoadWith(fsys, dir, o)
	}
}

// dirLoader reads the facts folder dir on disk.
func dirLoader(dir string) commands.Loader { return fsLoader(os.DirFS(dir), dir) }

// serviceOf serves the base load reads now, and reloads with load.
func serviceOf(tb testing.TB, load commands.Loader) *commands.Service {
	tb.Helper()
	base, _, err := load(facts.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return commands.NewService(base, load)
}

// seedService serves the embedded seeds.
func seedService(tb testing.TB) *commands.Service {
	tb.Helper()
	return serviceOf(tb, fsLoader(seeds.FS(), seeds.Dir))
}

// observed is load with enter called before each load and leave after it,
// with the base it made (nil when it failed): for tests that watch loads
// overlap or follow the bases they make.
func observed(load commands.Loader, enter func(), leave func(base any)) commands.Loader {
	return func(o facts.Options) (*facts.Base, []facts.Problem, error) {
		enter()
		b, warns, err := load(o)
		if err != nil {
			leave(nil)
		} else {
			leave(b)
		}
		return b, warns, err
	}
}

// Channels of the stories service: the harness's own channel answers from
// the default story, the seeds.
const (
	harbourChannel = "710000000000000011"
	budgetChannel  = "710000000000000012"
)

// storiesService serves three stories: the seeds (the default) and the two
// small test stories, in their channels.
func storiesService(tb testing.TB) *commands.Service {
	tb.Helper()
	list := []commands.Story{{Name: "seeds", Base: seedService(tb).Base(), Load: fsLoader(seeds.FS(), seeds.Dir)}}
	for _, name := range corpus.StoryNames() {
		fsys, err := corpus.Story(name)
		if err != nil {
			tb.Fatal(err)
		}
		load := fsLoader(fsys, name)
		base, _, err := load(facts.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		list = append(list, commands.Story{Name: name, Base: base, Load: load})
	}
	svc, err := commands.NewStories(list, commands.Routes{Channels: map[string]string{harbourChannel: "harbour", budgetChannel: "budget"}})
	if err != nil {
		tb.Fatal(err)
	}
	return svc
}
