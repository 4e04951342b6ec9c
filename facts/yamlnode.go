package facts

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yfile walks one YAML file by hand rather than decoding into structs, because
// a curator needs every problem at once with its own line, and struct decoding
// stops at the first unknown field or reports errors without the item's line.
type yfile struct {
	name string
	r    *report
}

// parse reads data as one YAML document and returns its root mapping (nil when
// the file is empty or broken; the problem is reported).
func (f yfile) parse(data []byte) *yaml.Node {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		f.r.errorf(f.name, yamlErrLine(err), "malformed YAML: %s", yamlErrMsg(err))
		return nil
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		f.r.errorf(f.name, root.Line, "want a mapping of sections at the top level, found %s", kindName(root))
		return nil
	}
	return root
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): `)

func yamlErrLine(err error) int {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return 0
	}
	m := yamlLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

func yamlErrMsg(err error) string {
	return yamlLineRE.ReplaceAllString(err.Error(), "")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// fields checks that n is a mapping whose keys are all in allowed and appear
// once, and returns the values by key.
func (f yfile) fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		f.r.errorf(f.name, n.Line, "%s: want a mapping, found %s", what, kindName(n))
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		known := false
		for _, a := range allowed {
			if k.Value == a {
				known = true
				break
			}
		}
		switch {
		case !known:
			f.r.errorf(f.name, k.Line, "unknown field %q in %s (known: %s)", k.Value, what, strings.Join(allowed, ", "))
		case out[k.Value] != nil:
			f.r.errorf(f.name, k.Line, "field %q given twice in %s", k.Value, what)
		default:
			out[k.Value] = v
		}
	}
	return out
}

// list returns the items of a sequence node (nil node: no items).
func (f yfile) list(n *yaml.Node, what string) []*yaml.Node {
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.r.errorf(f.name, n.Line, "%s: want a list, found %s", what, kindName(n))
		return nil
	}
	return n.Content
}

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
		f.r.errorf(f.name, n.Line, "%s: %q wants text, found %s", what, key, kindName(n))
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
			f.r.errorf(f.name, it.Line, "%s: %q items want text, found %s", what, key, kindName(it))
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
