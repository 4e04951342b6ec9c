package facts

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// File names inside a facts folder.
const (
	SourcesFile = "sources.yaml"
	FactsFile   = "facts.yaml"
	// FactsDir holds more curated facts, one *.yaml file each (a draft of
	// one article, say): they load with facts.yaml as one set of facts.
	FactsDir = "facts.d"
)

// MaxFileSize is the most a file of a facts folder (an article,
// sources.yaml or facts.yaml) may hold, in bytes. A news article is tens of
// kilobytes; a file far past that is a mistake (a video, a database dump, a
// runaway log) and reading it would hold the whole of it in memory on every
// reload, so it is refused with an error instead.
const MaxFileSize = 10 << 20

// Load reads a facts folder: every *.txt in it is an article, sources.yaml
// gives their metadata and facts.yaml the curated facts. dir is how the folder
// is named in messages ("seeds", "/srv/facts"). It returns the warnings found
// and, when there is any error, no base and a *LoadError listing every error.
func Load(fsys fs.FS, dir string) (*Base, []Problem, error) {
	return LoadWith(fsys, dir, Options{})
}

// Options tune a load.
type Options struct {
	// NoExtraction serves the curated facts alone: no people, quotes,
	// dated events or figures are read from the text.
	NoExtraction bool
	// Workers is how many articles are read at once; 0 means one per core.
	// A reload while the bot serves uses fewer, so that queries keep a core.
	Workers int
	// Now stamps the base's LoadedAt; nil means the wall clock.
	Now func() time.Time
	// Previous is the base this load replaces, if any: an article whose
	// bytes are unchanged keeps what reading it cost (its sentences, the
	// dates, figures and first extraction pass found in it), so a reload
	// reads again only what changed. The result is the same as a full load.
	Previous *Base
	// NoReload says that no load will take this one's base as its
	// Previous (a command that loads, answers and exits): the base then
	// drops what only a reload reuses, each article's extraction passes,
	// dated sentences, figures and mentions, which is a quarter of the
	// memory it holds. Such a base given as Previous is read as nil.
	NoReload bool
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, dir string, opts Options) (*Base, []Problem, error) {
	if opts.Previous != nil && opts.Previous.noReload {
		opts.Previous = nil // it kept nothing to reuse
	}
	l := &loader{fsys: fsys, dir: dir, r: &report{}, folded: map[string]folded{}, opts: opts}
	b := l.load()
	if len(l.r.errs) > 0 {
		return nil, l.r.warns, &LoadError{Problems: l.r.errs}
	}
	b.warnings = l.r.warns
	return b, l.r.warns, nil
}

type loader struct {
	opts    Options
	content contentHash // every file read, for the base's version
	fsys    fs.FS
	dir     string
	r       *report
	entries map[string]fs.DirEntry // the top of the folder, by name
	docs    map[string]*Document
	folded  map[string]folded // per article, made on first citation into it
	// unread holds the ids of articles that are in the folder but could
	// not be read: that is reported once, not again at each citation.
	unread   map[string]bool
	suppress []suppression // extracted items the curator hid
}

func (l *loader) path(name string) string { return path.Join(l.dir, name) }

func (l *loader) load() *Base {
	// A file changed from now on has times from now on (stamp.go); taken
	// before the folder is listed, so before any file is read.
	b := &Base{workers: l.opts.Workers, readAt: time.Now(), dir: l.dir, noReload: l.opts.NoReload}
	if b.workers <= 0 {
		b.workers = runtime.GOMAXPROCS(0)
	}
	b.docs = l.readArticles(b.workers)
	if l.entries == nil {
		return nil // the folder could not be listed; that is the error
	}
	l.docs = make(map[string]*Document, len(b.docs))
	for _, d := range b.docs {
		l.docs[d.ID] = d
	}
	b.docByID = l.docs // the same map: twenty thousand entries are made once
	l.readSources()
	noMeta := fmt.Sprintf("no metadata in %s: title taken from the first line, date unknown", SourcesFile)
	n := 0
	for _, d := range b.docs {
		if !d.HasMeta {
			n++
		}
	}
	// Room for them at once: thousands of warnings, not grown and copied
	// again and again.
	l.r.warns = slices.Grow(l.r.warns, n)
	for _, d := range b.docs {
		if !d.HasMeta {
			d.Title = d.firstLine()
			l.r.warns = append(l.r.warns, Problem{File: d.File, Msg: noMeta}) // one message for thousands
		}
	}
	l.readAllFacts(b)
	if len(l.r.errs) > 0 {
		return nil
	}
	b.version = l.content.sum()
	b.loadedAt = l.opts.now()
	b.finish(!l.opts.NoExtraction, l.suppress, l.opts.Previous)
	for _, s := range b.unknownSuppress {
		l.r.errorf(s.at.file, s.at.line, "suppress: no extracted item %q (briefbot check --extracted lists their ids)", s.id)
	}
	if len(l.r.errs) > 0 {
		return nil
	}
	return b
}

// megabytes renders a size the way a file manager would, in MB of 2^20 bytes.
func megabytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// reason is what went wrong, without the path an fs.PathError repeats (the
// problem names the file already, as the curator knows it, while the path
// in the error is the file system's own, often absolute or just ".").
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func lineAt(raw []byte, off int) int {
	return 1 + strings.Count(string(raw[:off]), "\n")
}

func firstLine(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) > 200 { // counted first: nearly every title is shorter
		r := []rune(line)
		line = string(r[:199]) + "…"
	}
	return line
}

// readSources applies sources.yaml to the articles.
func (l *loader) readSources() {
	data, err := l.readFile(SourcesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	f := yfile{name: l.path(SourcesFile), r: l.r}
	if err != nil {
		l.r.errorf(f.name, 0, "%v", err)
		return
	}
	root := f.parse(data)
	if root == nil {
		return
	}
	top := f.fields(root, "the top level", "sources")
	seen := map[string]int{}
	for _, it := range f.list(top["sources"], "sources") {
		m := f.fields(it, "source", "id", "title", "outlet", "author", "published", "url")
		if m == nil {
			continue
		}
		id, line := f.str(m, "id", "source", true, it.Line)
		if id == "" {
			continue
		}
		if prev, dup := seen[id]; dup {
			f.r.errorf(f.name, line, "duplicate source id %q (first at line %d)", id, prev)
			continue
		}
		seen[id] = line
		d := l.docs[id]
		if d == nil {
			if !l.unread[id] {
				f.r.errorf(f.name, line, "article file %s.txt not found for source %q", id, id)
			}
			continue
		}
		d.HasMeta = true
		d.Title, _ = f.str(m, "title", "source "+id, false, line)
		d.Outlet, _ = f.str(m, "outlet", "source "+id, false, line)
		d.Author, _ = f.str(m, "author", "source "+id, false, line)
		d.URL, _ = f.str(m, "url", "source "+id, false, line)
		if d.Title == "" {
			d.Title = d.firstLine()
		}
		if s, sl := f.str(m, "published", "source "+id, false, line); s != "" {
			date, err := ParseDate(s)
			if err != nil {
				f.r.errorf(f.name, sl, "source %s: %v", id, err)
			}
			d.Published = date
		}
	}
}

// cite resolves one {source, quote} pair. Its six parameters are the two
// fields and the line of each, so that an error names the exact line of
// whichever field is wrong; a struct would only rename them.
func (l *loader) cite(f yfile, what, source string, sline int, quote string, qline int) (Citation, bool) {
	d := l.docs[source]
	if d == nil {
		if !l.unread[source] {
			f.r.errorf(f.name, sline, "%s: unknown source %q (no %s.txt in the folder)", what, source, source)
		}
		return Citation{}, false
	}
	if strings.TrimSpace(quote) == "" {
		f.r.errorf(f.name, qline, "%s: empty quote", what)
		return Citation{}, false
	}
	fd, ok := l.folded[source]
	if !ok {
		fd = fold(d.Text)
		l.folded[source] = fd
	}
	start, end, ok := fd.locate(quote)
	if !ok {
		f.r.errorf(f.name, qline, "%s: quote not found in %s: %q", what, d.File, quote)
		return Citation{}, false
	}
	return Citation{Doc: d, Start: start, End: end}, true
}

// sortEvents puts events in date order (Date.Before), keeping the order
// of events on the same date. Generic sorting, without sort.SliceStable's
// reflection: a reload sorts tens of thousands of events and quotes.
func sortEvents(evs []*Event) {
	slices.SortStableFunc(evs, func(a, b *Event) int { return a.Date.compare(b.Date) })
}

// sortQuotes puts quotes in order of their date's start, then article and
// place.
func sortQuotes(qs []*Quote) {
	slices.SortStableFunc(qs, func(qi, qj *Quote) int {
		if c := qi.Date.Start().Compare(qj.Date.Start()); c != 0 {
			return c
		}
		if qi.Cite.Doc != qj.Cite.Doc {
			return strings.Compare(qi.Cite.Doc.ID, qj.Cite.Doc.ID)
		}
		return cmp.Compare(qi.Cite.Start, qj.Cite.Start)
	})
}
