package commands

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/briefbot/briefbot/facts"
)

// Loader reads the facts folder into a new base.
type Loader func(facts.Options) (*facts.Base, []facts.Problem, error)

// Service is what a front end (Discord, the command line) talks to: it
// owns the fact base being served, answers requests and autocomplete from
// it, and reloads it. The base is swapped whole and atomically, so
// queries never wait for a reload and never see half of one.
type Service struct {
	table  *Table
	load   Loader
	served atomic.Pointer[served]
	mu     sync.Mutex // one reload at a time, so that each report is consistent
	// Set by OnReload, guarded by mu: how many articles /reload reads at
	// once, and who hears of each reload.
	workers int
	report  func(Reloaded)
}

// served is the base with what is derived from it once for autocomplete.
type served struct {
	base    *facts.Base
	sources []sourceKey
}

// NewService serves base and reloads with load (nil: /reload refuses).
// Its table's /reload runs Service.Reload, with the workers set by
// OnReload, and answers with the report even when the reload fails; the
// error then wraps ErrReload, so that a front end can tell a failed reload
// from a done one without reading the report.
func NewService(base *facts.Base, load Loader) *Service {
	s := &Service{table: NewTable(), load: load}
	s.served.Store(newServed(base))
	s.table.specs[s.table.byName["reload"]].Handler = func(*facts.Base, Request) (Answer, error) {
		s.mu.Lock()
		workers := s.workers
		s.mu.Unlock()
		return s.Reload(workers)
	}
	return s
}

// Reloaded is what one reload did, as the report set by OnReload hears it.
type Reloaded struct {
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

// tell passes r to the report set by OnReload; the caller holds mu.
func (s *Service) tell(r Reloaded) {
	if s.report != nil {
		s.report(r)
	}
}

// Table is the service's command table.
func (s *Service) Table() *Table { return s.table }

// Base is the fact base served now.
func (s *Service) Base() *facts.Base { return s.served.Load().base }

// Handle answers a request from the base served now. A /reload that
// fails still answers, with its report, and an error wrapping ErrReload.
func (s *Service) Handle(req Request) (Answer, error) {
	return s.table.Handle(s.Base(), req)
}

// ErrReload is wrapped by Reload's error when the folder did not load.
var ErrReload = errors.New("reload failed")

// Reload rebuilds the base from the facts folder with workers articles
// read at once (0: one per core) and, when it loads, serves it from then
// on; when it does not, the old base keeps serving. The answer (always
// private) names the version now served and what changed, or lists every
// error as file:line; the error wraps ErrReload when the folder did not
// load.
func (s *Service) Reload(workers int) (Answer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.Base()
	a := Answer{Command: "reload", Found: true, Private: true, Items: []Item{}, Citations: []Citation{}, Sources: []Source{}, AsOf: old.AsOf().String()}
	if s.load == nil {
		err := errors.New("this bot serves a fact base it cannot reload")
		a.Title, a.Lead = "Reload not available", "This bot serves a fact base it cannot reload (an embedded one); restart it with a facts folder."
		s.tell(Reloaded{Version: old.Version(), Previous: old.Version(), Articles: len(old.Docs()), Err: err})
		return a, fmt.Errorf("%w: %w", ErrReload, err)
	}
	// The old base lends the new one what unchanged articles cost to read.
	base, warns, err := s.load(facts.Options{Workers: workers, Previous: old})
	if err != nil {
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
		a.Lead += fmt.Sprintf(" Still serving fact base version %s.", old.Version())
		s.tell(Reloaded{Version: old.Version(), Previous: old.Version(), Articles: len(old.Docs()), Warnings: len(warns), Err: err})
		return a, fmt.Errorf("%w: %w", ErrReload, err)
	}
	s.served.Store(newServed(base))
	a.Title = "Fact base reloaded"
	a.AsOf = base.AsOf().String()
	a.Lead = fmt.Sprintf("Now serving fact base version %s: %d articles, as of %s; %d warnings.", base.Version(), len(base.Docs()), a.AsOf, len(warns))
	changes := facts.Diff(old, base)
	for _, c := range changes {
		a.Items = append(a.Items, Item{Section: "What changed", Label: c.What,
			Text: fmt.Sprintf("%d added, %d removed; %d now, %d before", c.Added, c.Removed, c.After, c.Before)})
	}
	for _, w := range warns {
		a.Items = append(a.Items, Item{Section: "Warnings", Text: w.String()})
	}
	s.tell(Reloaded{Version: base.Version(), Previous: old.Version(), Articles: len(base.Docs()), Warnings: len(warns), Changes: changes})
	return a, nil
}
