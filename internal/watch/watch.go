// Package watch tells when the files of a folder have changed and then
// stopped changing, so that briefbot can reload its facts folder after a
// `git pull` or a copy, once, rather than at every file written.
//
// It is told of changes by the operating system through fsnotify (inotify
// on Linux), and also looks every Poll for itself, comparing each file's
// name, size and modification time: the operating system hears nothing of
// the changes another machine makes on a network volume (NFS, SMB), which
// is how replicas on several hosts share one facts folder.
package watch

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options say what to watch and what to do on a change.
type Options struct {
	Dir string
	// Sub names folders inside Dir watched as well (facts.d), whether
	// they exist at the start or appear later.
	Sub []string
	// Debounce is how long the folder must stay unchanged after a change
	// before OnChange is called: a `git pull` writes many files.
	Debounce time.Duration
	// Poll is how often to compare the folder with what it was; 0 never.
	Poll time.Duration
	// OnChange is called, on the watcher's goroutine, once the folder
	// changed and then stayed unchanged for Debounce. A change during the
	// call is seen after it, and calls it again.
	OnChange func()
	Logger   *slog.Logger
	// NoNotify leaves out the operating system's notices, to test polling.
	NoNotify bool
}

// Start watches o.Dir until ctx is done. Without the operating system's
// notices it polls alone, if it polls; the error says why the folder
// cannot be watched at all, and nothing runs then.
func Start(ctx context.Context, o Options) error {
	if o.OnChange == nil || o.Debounce <= 0 {
		return errors.New("watch: OnChange and a positive Debounce are required")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	w := &watcher{o: o}
	w.last = w.fingerprint()
	var events <-chan fsnotify.Event
	var errs <-chan error
	if !o.NoNotify {
		fw, err := notify(o.Dir, o.Sub)
		switch {
		case err != nil && o.Poll <= 0:
			return err
		case err != nil:
			o.Logger.Warn("no change notices from the operating system: polling only", "dir", o.Dir, "every", o.Poll, "err", err)
		default:
			events, errs, w.fw = fw.Events, fw.Errors, fw
		}
	}
	go w.run(ctx, events, errs)
	return nil
}

// notify asks the operating system for notices of changes in dir and in
// those of its sub-folders sub that exist now (one that appears later is
// added when its creation is seen).
func notify(dir string, sub []string) (*fsnotify.Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	if err := fw.Add(dir); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	for _, s := range sub {
		_ = fw.Add(filepath.Join(dir, s)) // absent for now: added when created
	}
	return fw, nil
}

type watcher struct {
	o      Options
	fw     *fsnotify.Watcher
	last   string // the folder's fingerprint when last reloaded
	polled string // and when a poll last found it changed
}

func (w *watcher) run(ctx context.Context, events <-chan fsnotify.Event, errs <-chan error) {
	if w.fw != nil {
		defer w.fw.Close()
	}
	// A stopped timer whose channel is drained: Reset arms it.
	debounce := time.NewTimer(time.Hour)
	debounce.Stop()
	var poll <-chan time.Time
	if w.o.Poll > 0 {
		t := time.NewTicker(w.o.Poll)
		defer t.Stop()
		poll = t.C
	}
	for {
		select {
		case <-ctx.Done():
			debounce.Stop()
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if relevant(ev) {
				w.follow(ev)
				debounce.Reset(w.o.Debounce)
			}
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			// An overflowed event queue loses changes: the poll (or the
			// next change) catches up; reloading now is the safe course.
			w.o.Logger.Warn("watching the facts folder", "dir", w.o.Dir, "err", err)
			debounce.Reset(w.o.Debounce)
		case <-poll:
			// A change since the last reload arms the debounce; one that
			// is still going on since the last poll arms it again. One
			// that has stopped lets it run out, however often it polls.
			if fp := w.fingerprint(); fp != w.last && fp != w.polled {
				debounce.Reset(w.o.Debounce)
				w.polled = fp
			}
		case <-debounce.C:
			// The fingerprint is taken before the reload reads the
			// folder: a change made during the reload differs from it,
			// and the next poll reloads again.
			w.last = w.fingerprint()
			w.o.OnChange()
		}
	}
}

// follow starts watching a watched sub-folder that has just been created.
func (w *watcher) follow(ev fsnotify.Event) {
	if w.fw == nil || !ev.Has(fsnotify.Create) {
		return
	}
	for _, s := range w.o.Sub {
		if filepath.Clean(ev.Name) == filepath.Join(w.o.Dir, s) {
			_ = w.fw.Add(ev.Name)
		}
	}
}

// fingerprint sums up the folder and its watched sub-folders.
func (w *watcher) fingerprint() string {
	fp := fingerprint(w.o.Dir)
	for _, s := range w.o.Sub {
		fp += " " + s + ":" + fingerprint(filepath.Join(w.o.Dir, s))
	}
	return fp
}

// relevant tells the changes that matter: a file created, written,
// removed or renamed, unless it is hidden (editors' swap files, .git).
// A change of permissions or times alone changes no content.
func relevant(ev fsnotify.Event) bool {
	if strings.HasPrefix(filepath.Base(ev.Name), ".") {
		return false
	}
	return ev.Has(fsnotify.Create) || ev.Has(fsnotify.Write) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
}

// fingerprint sums up the folder's top-level files as the loader sees them
// (hidden ones aside): a hash of each one's name, size, modification time
// and mode. A folder
// that cannot be read has its error as fingerprint, so that its coming
// back counts as a change.
func fingerprint(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "error: " + err.Error()
	}
	h := fnv.New64a()
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			fmt.Fprintf(h, "%s ?\n", e.Name())
			continue
		}
		fmt.Fprintf(h, "%s %d %d %s\n", e.Name(), info.Size(), info.ModTime().UnixNano(), info.Mode())
	}
	return fmt.Sprintf("%016x", h.Sum64())
}
