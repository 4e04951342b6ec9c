package facts

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/briefbot/briefbot/internal/strictyaml"
)

// yfile walks one YAML file by hand rather than decoding into structs, because
// a curator needs every problem at once with its own line, and struct decoding
// stops at the first unknown field or reports errors without the item's line.
// The strict reading itself is strictyaml's, shared with the config.
type yfile struct {
	name string
	r    *report
}

func (f yfile) strict() strictyaml.File {
	return strictyaml.File{Report: func(line int, msg string) { f.r.errorf(f.name, line, "%s", msg) }}
}

// parse reads data as one YAML document and returns its root mapping (nil
// when the file is empty or broken; every problem is reported with a line).
func (f yfile) parse(data []byte) *yaml.Node { return f.strict().Parse(data) }

// fields checks that n is a mapping whose keys are all in allowed and appear
// once, and returns the values by key.
func (f yfile) fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	return f.strict().Fields(n, what, allowed...)
}

// list returns the items of a sequence node (nil node: no items).
func (f yfile) list(n *yaml.Node, what string) []*yaml.Node { return f.strict().List(n, what) }

// str returns a scalar's text; a missing node gives "" and, when required, an error.
func (f yfile) str(m map[string]*yaml.Node, key, what string, required bool, line int) (string, int) {
	n := m[key]
	if n == nil {
		if required {
			f.r.errorf(f.name, line, "%s: missing %q", what, key)
		}
		return "", line
	}
	if n.Kind != yaml.ScalarNode {
		f.r.errorf(f.name, n.Line, "%s: %q wants text, found %s", what, key, strictyaml.KindName(n))
		return "", n.Line
	}
	v := strings.TrimSpace(n.Value)
	if v == "" && required {
		f.r.errorf(f.name, n.Line, "%s: empty %q", what, key)
	}
	return v, n.Line
}

// strs returns a list of scalars (a single scalar counts as a list of one).
func (f yfile) strs(m map[string]*yaml.Node, key, what string) ([]string, []int) {
	n := m[key]
	if n == nil {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			return nil, nil
		}
		return []string{strings.TrimSpace(n.Value)}, []int{n.Line}
	}
	var vals []string
	var lines []int
	for _, it := range f.list(n, what+" "+key) {
		if it.Kind != yaml.ScalarNode {
			f.r.errorf(f.name, it.Line, "%s: %q items want text, found %s", what, key, strictyaml.KindName(it))
			continue
		}
		v := strings.TrimSpace(it.Value)
		if v == "" {
			f.r.errorf(f.name, it.Line, "%s: empty item in %q", what, key)
			continue
		}
		vals = append(vals, v)
		lines = append(lines, it.Line)
	}
	return vals, lines
}
