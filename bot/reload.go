package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
)

// change counts what a reload did to one kind of fact.
type change struct {
	what           string
	before, after  int
	added, removed int
}

// diffBases compares two bases kind by kind, each fact by its identity
// (id, or speaker and words for a quote), so an edited fact counts as one
// removed and one added only when its identity changed.
func diffBases(old, cur *facts.Base) []change {
	return []change{
		diffKeys("articles", keys(old.Docs(), func(d *facts.Document) string { return d.ID }), keys(cur.Docs(), func(d *facts.Document) string { return d.ID })),
		diffKeys("people", keys(old.People(), personKey), keys(cur.People(), personKey)),
		diffKeys("events", keys(old.Events(), eventKey), keys(cur.Events(), eventKey)),
		diffKeys("quotes", keys(old.Quotes(), quoteKey), keys(cur.Quotes(), quoteKey)),
		diffKeys("figures", keys(old.Figures(), figureKey), keys(cur.Figures(), figureKey)),
	}
}

func personKey(p *facts.Person) string { return p.ID }
func eventKey(e *facts.Event) string {
	if e.ID != "" {
		return e.ID
	}
	return e.Date.String() + "\x00" + e.Text
}
func quoteKey(q *facts.Quote) string { return q.Speaker + "\x00" + fold(q.Cite.Quote()) }
func figureKey(f *facts.Figure) string {
	if f.ID != "" {
		return f.ID
	}
	return f.Value + "\x00" + f.About
}

func keys[T any](xs []T, key func(T) string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[key(x)] = true
	}
	return m
}

func diffKeys(what string, old, cur map[string]bool) change {
	c := change{what: what, before: len(old), after: len(cur)}
	for k := range cur {
		if !old[k] {
			c.added++
		}
	}
	for k := range old {
		if !cur[k] {
			c.removed++
		}
	}
	return c
}

// reloadWorkers is how many articles a reload reads at once: one core
// fewer than the process has, so that the queries served meanwhile keep one.
func reloadWorkers() int { return max(1, runtime.GOMAXPROCS(0)-1) }

// Reload rebuilds the fact base from the facts folder and, when it loads,
// swaps it in for every later query; when it does not, the old base keeps
// serving. Reloads are serialised (/reload, SIGHUP and the folder watcher
// all come here), so two reloads at once give two consistent reports. The
// answer (always private) names the fact base version now served and says
// what changed, or lists every error as file:line.
func (b *Bot) Reload() (commands.Answer, bool) {
	b.reloadMu.Lock()
	defer b.reloadMu.Unlock()
	old := b.current().base
	base, warns, err := b.opts.Load(facts.Options{Workers: reloadWorkers()})
	a := commands.Answer{Command: "reload", Found: true, Private: true, Items: []commands.Item{}, AsOf: old.AsOf().String()}
	if err != nil {
		var le *facts.LoadError
		a.Title = "Reload failed: still serving the previous fact base"
		if errors.As(err, &le) {
			a.Lead = fmt.Sprintf("%d errors; fix them and run /reload again.", len(le.Problems))
			for _, p := range le.Problems {
				a.Items = append(a.Items, commands.Item{Section: "Errors", Text: p.String()})
			}
		} else {
			a.Lead = "The facts folder could not be read: " + err.Error()
		}
		a.Lead += fmt.Sprintf(" Still serving fact base version %s.", old.Version())
		b.log.Warn("reload failed", "err", err, "version", old.Version())
		b.metrics.reloaded(false)
		return a, false
	}
	b.base.Store(newServed(base))
	changes := diffBases(old, base)
	a.Title = "Fact base reloaded"
	a.AsOf = base.AsOf().String()
	a.Lead = fmt.Sprintf("Now serving fact base version %s: %d articles, as of %s; %d warnings.", base.Version(), len(base.Docs()), a.AsOf, len(warns))
	attrs := []any{"version", base.Version(), "previous", old.Version(), "articles", len(base.Docs()), "warnings", len(warns)}
	for _, c := range changes {
		a.Items = append(a.Items, commands.Item{Section: "What changed", Label: c.what,
			Text: fmt.Sprintf("%d added, %d removed; %d now, %d before", c.added, c.removed, c.after, c.before)})
		attrs = append(attrs, slog.Group(c.what, "added", c.added, "removed", c.removed))
	}
	for _, w := range warns {
		a.Items = append(a.Items, commands.Item{Section: "Warnings", Text: w.String()})
	}
	b.log.Info("reloaded", attrs...)
	b.metrics.reloaded(true)
	return a, true
}
