// Package strictyaml reads hand-written YAML strictly and reports every
// problem with its line, in one wording, for every file briefbot reads (the
// config and the facts folder): malformed YAML, a second document, bytes
// that are not UTF-8, unknown or repeated fields, a list or a mapping where
// the other was wanted.
package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// File checks one YAML file; each problem goes to Report with its line.
type File struct {
	Report func(line int, msg string)
}

func (f File) report(line int, format string, args ...any) {
	f.Report(line, fmt.Sprintf(format, args...))
}

// Parse reads data as one YAML document and returns its root mapping (nil when
// the file is empty or broken; the problem is reported, always with a line,
// since "file: malformed YAML" alone would leave a curator searching).
func (f File) Parse(data []byte) *yaml.Node {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if off, what := badChar(data); off >= 0 {
		f.report(LineAt(data, off), "byte offset %d: %s; save the file as UTF-8 text", off, what)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // comments only
		}
		f.report(yamlErrLine(err, data), "malformed YAML: %s", yamlErrMsg(err))
		return nil
	}
	// A second document (after a "---" line) would be silently dropped by
	// a plain yaml.Unmarshal, and with it everything the curator put there.
	// An empty one (a trailing "---") loses nothing.
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			f.report(yamlErrLine(err, data), "malformed YAML: %s", yamlErrMsg(err))
			return nil
		}
		if len(next.Content) > 0 {
			f.report(docStart(data, &next), "a second YAML document starts here: a file holds one document; remove this \"---\" line")
			return nil
		}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil // "---" alone, or "~": an empty document, like an empty file
	}
	if root.Kind != yaml.MappingNode {
		f.report(root.Line, "want a mapping of sections at the top level, found %s", KindName(root))
		return nil
	}
	return root
}

// docStart finds the "---" line that starts document doc, which go-yaml
// does not give: the last such line before the document's content (doc
// has some).
func docStart(data []byte, doc *yaml.Node) int {
	end := max(doc.Content[0].Line, 1)
	found, line := end, 1
	for i := 0; i < len(data) && line < end; line++ {
		if rest, ok := bytes.CutPrefix(data[i:], []byte("---")); ok && (len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || yamlBreak(rest) > 0) {
			found = line
		}
		for i < len(data) && yamlBreak(data[i:]) == 0 {
			i++
		}
		if i < len(data) {
			i += yamlBreak(data[i:])
		}
	}
	return found
}

// LineAt returns the line of byte off of data, counting line breaks as
// YAML does, and go-yaml in its line numbers: LF, CR, CR LF, and the
// Unicode next-line, line and paragraph separators.
func LineAt(data []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(data); {
		if n := yamlBreak(data[i:]); n > 0 {
			line++
			i += n
			continue
		}
		i++
	}
	return line
}

// yamlBreak returns the length of the line break that b starts with, or 0.
func yamlBreak(b []byte) int {
	switch {
	case len(b) == 0:
		return 0
	case b[0] == '\n':
		return 1
	case b[0] == '\r':
		if len(b) > 1 && b[1] == '\n' {
			return 2
		}
		return 1
	case bytes.HasPrefix(b, []byte("\u0085")):
		return 2
	case bytes.HasPrefix(b, []byte("\u2028")), bytes.HasPrefix(b, []byte("\u2029")):
		return 3
	}
	return 0
}

// badChar finds the first character the YAML reader refuses — a byte that
// is not UTF-8, or a control character — and describes it; -1 when there is
// none. go-yaml reports these without a line, so they are found here first.
// A file that starts with a UTF-16 byte order mark is left to go-yaml, which
// reads UTF-16.
func badChar(data []byte) (int, string) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return -1, ""
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return i, fmt.Sprintf("byte 0x%02X is not valid UTF-8", data[i])
		case !yamlChar(r):
			return i, fmt.Sprintf("control character %U is not allowed in YAML", r)
		}
		i += n
	}
	return -1, ""
}

// yamlChar reports whether YAML allows r in a file (YAML 1.1, c-printable,
// as go-yaml's reader checks it).
func yamlChar(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85,
		r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

var (
	yamlLineRE   = regexp.MustCompile(`^yaml: line (\d+): `)
	yamlAnchorRE = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// yamlErrLine finds the line of a go-yaml error. go-yaml writes "line N: "
// except when the problem is on the first line (it leaves out a line of 0,
// counting from 0), and for a few errors it raises with no position at all,
// of which an unknown alias is the one a hand-written file meets.
func yamlErrLine(err error, data []byte) int {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
			return n
		}
	}
	if m := yamlAnchorRE.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			return LineAt(data, i)
		}
	}
	return 1
}

func yamlErrMsg(err error) string {
	msg := yamlLineRE.ReplaceAllString(err.Error(), "")
	return strings.TrimPrefix(strings.ReplaceAll(msg, "\n", " "), "yaml: ")
}

func KindName(n *yaml.Node) string {
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

// Fields checks that n is a mapping whose keys are all in allowed and appear
// once, and returns the values by key.
func (f File) Fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		f.report(n.Line, "%s: want a mapping, found %s", what, KindName(n))
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
			f.report(k.Line, "unknown field %q in %s (known: %s)", k.Value, what, strings.Join(allowed, ", "))
		case out[k.Value] != nil:
			f.report(k.Line, "field %q given twice in %s", k.Value, what)
		default:
			out[k.Value] = v
		}
	}
	return out
}

// List returns the items of a sequence node (nil node: no items).
func (f File) List(n *yaml.Node, what string) []*yaml.Node {
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.report(n.Line, "%s: want a list, found %s", what, KindName(n))
		return nil
	}
	return n.Content
}
