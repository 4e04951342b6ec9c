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
}

// served is the base with what is derived from it once for autocomplete.
type served struct {
	base    *facts.Base
	sources []sourceKey
}

// NewService serves base and reloads with load (nil: /reload refuses).
// Its table's /reload runs Service.Reload.
func NewService(base *facts.Base, load Loader) *Service {
	s := &Service{table: NewTable(), load: load}
	s.served.Store(newServed(base))
	s.table.specs[s.table.byName["reload"]].Handler = func(*facts.Base, Request) (Answer, error) {
		a, _ := s.Reload(0)
		return a, nil
	}
	return s
}

// Table is the service's command table.
func (s *Service) Table() *Table { return s.table }

// Base is the fact base served now.
func (s *Service) Base() *facts.Base { return s.served.Load().base }

// Handle answers a request from the base served now.
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
		return a, fmt.Errorf("%w: this bot serves a fact base it cannot reload", ErrReload)
	}
	base, warns, err := s.load(facts.Options{Workers: workers})
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
		return a, fmt.Errorf("%w: %w", ErrReload, err)
	}
	s.served.Store(newServed(base))
	a.Title = "Fact base reloaded"
	a.AsOf = base.AsOf().String()
	a.Lead = fmt.Sprintf("Now serving fact base version %s: %d articles, as of %s; %d warnings.", base.Version(), len(base.Docs()), a.AsOf, len(warns))
	for _, c := range facts.Diff(old, base) {
		a.Items = append(a.Items, Item{Section: "What changed", Label: c.What,
			Text: fmt.Sprintf("%d added, %d removed; %d now, %d before", c.Added, c.Removed, c.After, c.Before)})
	}
	for _, w := range warns {
		a.Items = append(a.Items, Item{Section: "Warnings", Text: w.String()})
	}
	return a, nil
}
