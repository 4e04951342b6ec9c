package facts

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/facts/prose"
)

// File names inside a facts folder.
const (
	SourcesFile = "sources.yaml"
	FactsFile   = "facts.yaml"
)

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
}

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, dir string, opts Options) (*Base, []Problem, error) {
	l := &loader{fsys: fsys, dir: dir, r: &report{}, folded: map[string]folded{}, opts: opts}
	b := l.load()
	if len(l.r.errs) > 0 {
		return nil, l.r.warns, &LoadError{Problems: l.r.errs}
	}
	b.warnings = l.r.warns
	return b, l.r.warns, nil
}

type loader struct {
	opts   Options
	fsys   fs.FS
	dir    string
	r      *report
	docs   map[string]*Document
	folded map[string]folded // per article, made on first citation into it
}

func (l *loader) path(name string) string { return path.Join(l.dir, name) }

func (l *loader) load() *Base {
	b := &Base{}
	b.docs = l.readArticles()
	l.docs = make(map[string]*Document, len(b.docs))
	for _, d := range b.docs {
		l.docs[d.ID] = d
	}
	l.readSources()
	for _, d := range b.docs {
		if !d.HasMeta {
			d.Title = firstLine(d.Text)
			l.r.warnf(d.File, 0, "no metadata in %s: title taken from the first line, date unknown", SourcesFile)
		}
	}
	if data, err := fs.ReadFile(l.fsys, FactsFile); err == nil {
		l.readFacts(data, b)
	} else if errors.Is(err, fs.ErrNotExist) {
		l.r.warnf(l.path(FactsFile), 0, "no curated facts: only the articles are served")
	} else {
		l.r.errorf(l.path(FactsFile), 0, "cannot read: %v", err)
	}
	if len(l.r.errs) > 0 {
		return nil
	}
	b.finish(!l.opts.NoExtraction)
	return b
}

// readArticles reads every *.txt at the top of the folder, in name order.
func (l *loader) readArticles() []*Document {
	entries, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		l.r.errorf(l.dir, 0, "cannot read the facts folder: %v", err)
		return nil
	}
	var docs []*Document
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		file := l.path(e.Name())
		raw, err := fs.ReadFile(l.fsys, e.Name())
		if err != nil {
			l.r.errorf(file, 0, "cannot read: %v", err)
			continue
		}
		text, bad := decodeText(raw)
		if bad >= 0 {
			l.r.warnf(file, lineAt(raw, bad), "byte offset %d is not valid UTF-8: invalid bytes read as Windows-1252", bad)
		}
		docs = append(docs, &Document{
			ID:        strings.TrimSuffix(e.Name(), ".txt"),
			File:      file,
			Text:      text,
			Sentences: prose.Split(text),
		})
	}
	if len(docs) == 0 && len(l.r.errs) == 0 {
		l.r.errorf(l.dir, 0, "no articles: the folder holds no *.txt file")
	}
	return docs
}

func lineAt(raw []byte, off int) int {
	return 1 + strings.Count(string(raw[:off]), "\n")
}

func firstLine(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	line = strings.TrimSpace(line)
	if r := []rune(line); len(r) > 200 {
		line = string(r[:199]) + "…"
	}
	return line
}

// readSources applies sources.yaml to the articles.
func (l *loader) readSources() {
	data, err := fs.ReadFile(l.fsys, SourcesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	f := yfile{name: l.path(SourcesFile), r: l.r}
	if err != nil {
		l.r.errorf(f.name, 0, "cannot read: %v", err)
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
			f.r.errorf(f.name, line, "article file %s.txt not found for source %q", id, id)
			continue
		}
		d.HasMeta = true
		d.Title, _ = f.str(m, "title", "source "+id, false, line)
		d.Outlet, _ = f.str(m, "outlet", "source "+id, false, line)
		d.Author, _ = f.str(m, "author", "source "+id, false, line)
		d.URL, _ = f.str(m, "url", "source "+id, false, line)
		if d.Title == "" {
			d.Title = firstLine(d.Text)
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

// cite resolves one {source, quote} pair.
func (l *loader) cite(f yfile, what, source string, sline int, quote string, qline int) (Citation, bool) {
	d := l.docs[source]
	if d == nil {
		f.r.errorf(f.name, sline, "%s: unknown source %q (no %s.txt in the folder)", what, source, source)
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

func sortEvents(evs []*Event) {
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Date.Before(evs[j].Date) })
}
