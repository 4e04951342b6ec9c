package facts

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"

	"github.com/briefbot/briefbot/facts/names"

	"go.yaml.in/yaml/v3"
)

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// readFacts reads facts.yaml into b, reporting every problem.
// readAllFacts reads facts.yaml and every facts.d/*.yaml as one set of
// curated facts: kind by kind across the files (every person before any
// event, which may name people of any file), with ids unique across them
// all.
func (l *loader) readAllFacts(b *Base) {
	var files []factsFile
	if data, err := l.readFile(FactsFile); err == nil {
		files = append(files, l.parseFacts(FactsFile, data))
	} else if !errors.Is(err, fs.ErrNotExist) {
		l.r.errorf(l.path(FactsFile), 0, "%v", err)
	}
	for _, name := range l.moreFacts() {
		if data, err := l.readFile(name); err == nil {
			files = append(files, l.parseFacts(name, data))
		} else {
			l.r.errorf(l.path(name), 0, "%v", err)
		}
	}
	if len(files) == 0 {
		l.r.warnf(l.path(FactsFile), 0, "no curated facts: only the articles are served")
		return
	}
	ids := &idsSeen{}
	for _, ff := range files {
		l.readPeople(ff.f, ff.top["people"], b, ids)
	}
	for _, ff := range files {
		l.readEvents(ff.f, ff.top["events"], b, ids)
	}
	for _, ff := range files {
		l.readFigures(ff.f, ff.top["figures"], b, ids)
	}
	for _, ff := range files {
		l.readPoints(ff.f, ff.top["points"], b)
	}
	for _, ff := range files {
		l.readQuotes(ff.f, ff.top["quotes"], b)
		l.readSuppress(ff)
	}
}

// citations reads a claim's "citations" list; a claim needs at least one.
func (l *loader) citations(f yfile, m map[string]*yaml.Node, what string, line int) []Citation {
	items := f.list(m["citations"], what+" citations")
	if len(items) == 0 {
		f.r.errorf(f.name, line, "%s: no citations (every claim needs at least one {source, quote})", what)
		return nil
	}
	var out []Citation
	for _, it := range items {
		cm := f.fields(it, what+" citation", "source", "quote")
		if cm == nil {
			continue
		}
		src, sl := f.str(cm, "source", what+" citation", true, it.Line)
		q, ql := f.str(cm, "quote", what+" citation", false, it.Line)
		if src == "" {
			continue
		}
		if c, ok := l.cite(f, what, src, sl, q, ql); ok {
			out = append(out, c)
		}
	}
	return out
}

// factsFile is one parsed file of curated facts: its sections by name.
type factsFile struct {
	f   yfile
	top map[string]*yaml.Node
}

// parseFacts parses one file of curated facts (name relative to the folder).
func (l *loader) parseFacts(name string, data []byte) factsFile {
	f := yfile{name: l.path(name), r: l.r}
	ff := factsFile{f: f}
	if root := f.parse(data); root != nil {
		ff.top = f.fields(root, "the top level", "people", "events", "figures", "points", "quotes", "suppress")
	}
	return ff
}

// place is where something was first given: a file and a line.
type place struct {
	file string
	line int
}

// idsSeen records the ids and names given so far, across every file of
// curated facts, so that each is unique in the whole set.
type idsSeen struct {
	ids     map[string]place // kind + " " + id
	aliases map[string]claim // name key -> who has it
}

// claim is a name given to a person, and where.
type claim struct {
	id string
	at place
}

// where names a place for a message about f: its line, or its file and
// line when it is in another file.
func (p place) from(f yfile) string {
	if p.file == f.name {
		return fmt.Sprintf("line %d", p.line)
	}
	return fmt.Sprintf("%s:%d", p.file, p.line)
}

// checkID validates an id and records it as given.
func checkID(f yfile, seen *idsSeen, kind, id string, line int) bool {
	if id == "" {
		return false
	}
	if !idRE.MatchString(id) {
		f.r.errorf(f.name, line, "%s id %q: use lowercase letters, digits, '-' and '_'", kind, id)
		return false
	}
	if seen.ids == nil {
		seen.ids = map[string]place{}
	}
	if prev, dup := seen.ids[kind+" "+id]; dup {
		f.r.errorf(f.name, line, "duplicate %s id %q (first at %s)", kind, id, prev.from(f))
		return false
	}
	seen.ids[kind+" "+id] = place{f.name, line}
	return true
}

func (l *loader) readPeople(f yfile, n *yaml.Node, b *Base, ids *idsSeen) {
	if ids.aliases == nil {
		ids.aliases = map[string]claim{}
	}
	aliases := ids.aliases
	for _, it := range f.list(n, "people") {
		m := f.fields(it, "person", "id", "name", "kind", "aliases", "role", "description", "citations")
		if m == nil {
			continue
		}
		id, idLine := f.str(m, "id", "person", true, it.Line)
		what := "person " + id
		name, nameLine := f.str(m, "name", what, true, it.Line)
		kind, kindLine := f.str(m, "kind", what, false, it.Line)
		switch kind {
		case "":
			kind = "person"
		case "person", "organisation":
		default:
			f.r.errorf(f.name, kindLine, "%s: kind %q: want person or organisation", what, kind)
		}
		p := &Person{ID: id, Name: name, Kind: kind}
		p.Role, _ = f.str(m, "role", what, false, it.Line)
		p.Description, _ = f.str(m, "description", what, false, it.Line)
		al, alLines := f.strs(m, "aliases", what)
		p.Citations = l.citations(f, m, what, it.Line)
		ok := checkID(f, ids, "person", id, idLine)
		all := append([]string{name}, al...)
		lines := append([]int{nameLine}, alLines...)
		own := map[string]bool{}
		for i, a := range all {
			if a == "" {
				continue
			}
			key := names.Key(a)
			if own[key] {
				continue
			}
			own[key] = true
			if prev, taken := aliases[key]; taken && prev.id != id {
				f.r.errorf(f.name, lines[i], "%s: alias %q is also a name of person %q (%s)", what, a, prev.id, prev.at.from(f))
				continue
			}
			aliases[key] = claim{id, place{f.name, lines[i]}}
			if i > 0 {
				p.Aliases = append(p.Aliases, a)
			}
		}
		if ok && name != "" {
			b.addPerson(p)
		}
	}
}

func (l *loader) readEvents(f yfile, n *yaml.Node, b *Base, ids *idsSeen) {
	for _, it := range f.list(n, "events") {
		m := f.fields(it, "event", "id", "date", "text", "people", "citations")
		if m == nil {
			continue
		}
		id, idLine := f.str(m, "id", "event", true, it.Line)
		what := "event " + id
		e := &Event{ID: id}
		ds, dl := f.str(m, "date", what, true, it.Line)
		if ds != "" {
			d, err := ParseDate(ds)
			if err != nil {
				f.r.errorf(f.name, dl, "%s: %v", what, err)
			}
			e.Date = d
		}
		e.Text, _ = f.str(m, "text", what, true, it.Line)
		var pl []int
		e.People, pl = f.strs(m, "people", what)
		for i, pid := range e.People {
			if b.Person(pid) == nil {
				f.r.errorf(f.name, pl[i], "%s: unknown person %q", what, pid)
			}
		}
		e.Citations = l.citations(f, m, what, it.Line)
		if checkID(f, ids, "event", id, idLine) {
			b.events = append(b.events, e)
		}
	}
}

func (l *loader) readFigures(f yfile, n *yaml.Node, b *Base, ids *idsSeen) {
	for _, it := range f.list(n, "figures") {
		m := f.fields(it, "figure", "id", "value", "unit", "about", "topic", "citations")
		if m == nil {
			continue
		}
		id, idLine := f.str(m, "id", "figure", true, it.Line)
		what := "figure " + id
		g := &Figure{ID: id}
		g.Value, _ = f.str(m, "value", what, true, it.Line)
		g.Unit, _ = f.str(m, "unit", what, false, it.Line)
		g.About, _ = f.str(m, "about", what, false, it.Line)
		g.Topic, _ = f.str(m, "topic", what, false, it.Line)
		g.Citations = l.citations(f, m, what, it.Line)
		if checkID(f, ids, "figure", id, idLine) {
			b.figures = append(b.figures, g)
		}
	}
}

func (l *loader) readPoints(f yfile, n *yaml.Node, b *Base) {
	for i, it := range f.list(n, "points") {
		what := fmt.Sprintf("point %d", i+1)
		m := f.fields(it, what, "text", "citations")
		if m == nil {
			continue
		}
		p := &Point{}
		p.Text, _ = f.str(m, "text", what, true, it.Line)
		p.Citations = l.citations(f, m, what, it.Line)
		b.points = append(b.points, p)
	}
}

func (l *loader) readQuotes(f yfile, n *yaml.Node, b *Base) {
	for i, it := range f.list(n, "quotes") {
		what := fmt.Sprintf("quote %d", i+1)
		m := f.fields(it, what, "speaker", "source", "quote", "about", "date")
		if m == nil {
			continue
		}
		speaker, spl := f.str(m, "speaker", what, true, it.Line)
		if speaker != "" && b.Person(speaker) == nil {
			f.r.errorf(f.name, spl, "%s: unknown speaker %q (not an id in people)", what, speaker)
		}
		src, sl := f.str(m, "source", what, true, it.Line)
		text, ql := f.str(m, "quote", what, false, it.Line)
		q := &Quote{Speaker: speaker}
		q.About, _ = f.str(m, "about", what, false, it.Line)
		if ds, dl := f.str(m, "date", what, false, it.Line); ds != "" {
			d, err := ParseDate(ds)
			if err != nil {
				f.r.errorf(f.name, dl, "%s: %v", what, err)
			}
			q.Date = d
		}
		if src == "" {
			continue
		}
		c, ok := l.cite(f, what, src, sl, text, ql)
		if !ok {
			continue
		}
		q.Cite = c
		if q.Date.IsZero() {
			q.Date = c.Doc.Published
		}
		b.quotes = append(b.quotes, q)
	}
}
