package bot

import (
	"log/slog"
	"runtime"

	"github.com/briefbot/briefbot/commands"
)

// reloadWorkers is how many articles a reload reads at once: one core
// fewer than the process has, so that the queries served meanwhile keep one.
func reloadWorkers() int { return max(1, runtime.GOMAXPROCS(0)-1) }

// Reload rebuilds the fact base from the facts folder, as /reload does
// (SIGHUP and the folder watcher come here), and reports whether it
// loaded; when it did not, the old base keeps serving. The service runs
// one reload at a time, so two at once give two consistent reports. The
// answer (always private) names the fact base version now served and says
// what changed, or lists every error as file:line.
func (b *Bot) Reload() (commands.Answer, bool) {
	a, err := b.svc.Reload(reloadWorkers())
	return a, err == nil
}

// reloaded logs and counts a reload of the service, whoever asked for it
// (/reload, a DM, Reload); the service calls it once a reload is done.
func (b *Bot) reloaded(r commands.Reloaded) {
	if r.Err != nil {
		b.log.Warn("reload failed", "err", r.Err, "version", r.Version)
		b.metrics.reloaded(false)
		return
	}
	attrs := []any{"version", r.Version, "previous", r.Previous, "articles", r.Articles, "warnings", r.Warnings}
	for _, c := range r.Changes {
		attrs = append(attrs, slog.Group(c.What, "added", c.Added, "removed", c.Removed))
	}
	b.log.Info("reloaded", attrs...)
	b.metrics.reloaded(true)
}
