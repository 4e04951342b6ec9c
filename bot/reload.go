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

// storyAttrs are the log attributes that say what the bot serves: the
// articles and version of its fact base, or of each story's.
func (b *Bot) storyAttrs() []any {
	stories := b.svc.Stories()
	if len(stories) == 1 {
		return []any{"articles", stories[0].Articles, "version", stories[0].Version}
	}
	var attrs []any
	for _, st := range stories {
		attrs = append(attrs, slog.Group("story_"+st.Name, "articles", st.Articles, "version", st.Version))
	}
	return attrs
}

// ReloadStory reloads one story's fact base, as Reload does every story's:
// the watcher of that story's folder comes here.
func (b *Bot) ReloadStory(name string) (commands.Answer, bool) {
	a, err := b.svc.ReloadStory(name, reloadWorkers())
	return a, err == nil
}

// reloaded logs and counts a reload of the service, whoever asked for it
// (/reload, a DM, Reload); the service calls it once a reload is done.
func (b *Bot) reloaded(r commands.Reloaded) {
	// Even a failed reload may change what /about says of a story.
	b.replies.invalidate()
	if r.Err != nil {
		b.log.Warn("reload failed", "story", r.Story, "err", r.Err, "version", r.Version)
		b.metrics.reloaded(false)
		return
	}
	attrs := []any{"story", r.Story, "version", r.Version, "previous", r.Previous, "articles", r.Articles, "warnings", r.Warnings}
	for _, c := range r.Changes {
		attrs = append(attrs, slog.Group(c.What, "added", c.Added, "removed", c.Removed))
	}
	b.log.Info("reloaded", attrs...)
	b.metrics.reloaded(true)
}
