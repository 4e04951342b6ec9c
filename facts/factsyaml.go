package facts

import (
	"fmt"
	"regexp"

	"github.com/briefbot/briefbot/facts/names"

	"go.yaml.in/yaml/v3"
)

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// readFacts reads facts.yaml into b, reporting every problem.
func (l *loader) readFacts(data []byte, b *Base) {
	f := yfile{name: l.path(FactsFile), r: l.r}
	root := f.parse(data)
	if root == nil {
		return
	}
	top := f.fields(root, "the top level", "people", "events", "figures", "points", "quotes")
	l.readPeople(f, top["people"], b)
	l.readEvents(f, top["events"], b)
	l.readFigures(f, top["figures"], b)
	l.readPoints(f, top["points"], b)
	l.readQuotes(f, top["quotes"], b)
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

// checkID validates an id and records it in seen.
func checkID(f yfile, seen map[string]int, kind, id string, line int) bool {
	if id == "" {
		return false
	}
	if !idRE.MatchString(id) {
		f.r.errorf(f.name, line, "%s id %q: use lowercase letters, digits, '-' and '_'", kind, id)
		return false
	}
	if prev, dup := seen[id]; dup {
		f.r.errorf(f.name, line, "duplicate %s id %q (first at line %d)", kind, id, prev)
		return false
	}
	seen[id] = line
	return true
}

func (l *loader) readPeople(f yfile, n *yaml.Node, b *Base) {
	ids := map[string]int{}
	type claim struct {
		id   string
		line int
	}
	aliases := map[string]claim{} // folded name -> who has it
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
				f.r.errorf(f.name, lines[i], "%s: alias %q is also a name of person %q (line %d)", what, a, prev.id, prev.line)
				continue
			}
			aliases[key] = claim{id, lines[i]}
			if i > 0 {
				p.Aliases = append(p.Aliases, a)
			}
		}
		if ok && name != "" {
			b.addPerson(p)
		}
	}
}

func (l *loader) readEvents(f yfile, n *yaml.Node, b *Base) {
	ids := map[string]int{}
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

func (l *loader) readFigures(f yfile, n *yaml.Node, b *Base) {
	ids := map[string]int{}
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
