package commands

import (
	"errors"
	"sync"

	"github.com/briefbot/briefbot/facts"
)

// Loader reads the facts folder into a new base.
type Loader func(facts.Options) (*facts.Base, []facts.Problem, error)

// Service is what a front end (Discord, the command line) talks to: it
// owns the fact bases being served, one per story, answers requests and
// autocomplete from the story each request is for, and reloads them. Each
// base is swapped whole and atomically, so queries never wait for a
// reload and never see half of one, and a story's reload touches no other.
type Service struct {
	table   *Table
	stories []*story // the default story first
	byName  map[string]*story
	routes  Routes
	mu      sync.Mutex // guards workers and report
	// Set by OnReload: how many articles /reload reads at once, and who
	// hears of each reload.
	workers int
	report  func(Reloaded)
}

// served is the base with what is derived from it once for autocomplete.
type served struct {
	base    *facts.Base
	sources []sourceKey
}

// NewService serves base as the one story, DefaultStory, and reloads it
// with load (nil: /reload refuses). Its table's /reload runs
// Service.Reload, with the workers set by OnReload, and answers with the
// report even when the reload fails; the error then wraps ErrReload, so
// that a front end can tell a failed reload from a done one without
// reading the report.
func NewService(base *facts.Base, load Loader) *Service {
	s, err := NewStories([]Story{{Name: DefaultStory, Base: base, Load: load}}, Routes{})
	if err != nil {
		panic(err) // only a nil base fails, and that is the caller's bug
	}
	return s
}

// NewStories serves several stories, each with its base and loader, and
// answers each request from the story routes give its place (see Place),
// or the one its story option names. With more than one story, every
// command takes that option and every answer names its story.
func NewStories(list []Story, routes Routes) (*Service, error) {
	stories, byName, err := newStories(list, routes)
	if err != nil {
		return nil, err
	}
	s := &Service{table: NewTable(), stories: stories, byName: byName, routes: routes}
	if s.several() {
		s.table = s.table.WithStoryOption()
	}
	s.table.specs[s.table.byName[reloadCommand]].Handler = func(_ *facts.Base, req Request) (Answer, error) {
		return s.reloadFor(req)
	}
	return s, nil
}

// reloadCommand is the admin command the service itself carries out.
const reloadCommand = "reload"

// Reloaded is what one reload did, as the report set by OnReload hears it.
type Reloaded struct {
	Story              string         // the story reloaded
	Version, Previous  string         // the fact base version served after the reload, and before
	Articles, Warnings int            // in the base served after it; warnings of this load
	Changes            []facts.Change // kind by kind; nil when the folder did not load
	Err                error          // why the folder did not load; nil when it did
}

// OnReload sets how every later reload runs, whoever asks for it: /reload
// through Handle reads workers articles at once (0: one per core), and
// each reload, that one or a call to Reload, tells report (when not nil)
// what it did, one reload at a time. A front end calls it once before it
// serves, so that it sizes, logs and counts every reload in one place.
func (s *Service) OnReload(workers int, report func(Reloaded)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.workers, s.report = workers, report
}

// tell passes r to the report set by OnReload; the caller holds the
// story's mu, so that its reports come one at a time.
func (s *Service) tell(r Reloaded) {
	s.mu.Lock()
	report := s.report
	s.mu.Unlock()
	if report != nil {
		report(r)
	}
}

// Table is the service's command table.
func (s *Service) Table() *Table { return s.table }

// Base is the fact base the default story serves now.
func (s *Service) Base() *facts.Base { return s.stories[0].base() }

// Handle answers a request from the base its story serves now (see
// NewStories). A /reload that fails still answers, with its report, and an
// error wrapping ErrReload.
func (s *Service) Handle(req Request) (Answer, error) {
	if req.Command == reloadCommand {
		// The reload handler picks its story itself: its story option
		// also takes AllStories.
		return s.table.Handle(s.Base(), req)
	}
	st, b, err := s.baseFor(req)
	if err != nil {
		return Answer{}, err
	}
	a, err := s.table.Handle(b, req)
	if err == nil {
		s.stamp(&a, st, req.Command)
	}
	return a, err
}

// ErrReload is wrapped by Reload's error when the folder did not load.
var ErrReload = errors.New("reload failed")
