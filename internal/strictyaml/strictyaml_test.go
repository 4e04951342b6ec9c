package strictyaml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/tabletest"
)

// problems reads data as a file of the fields a and b, b a list, and
// returns the problems reported, "line: message", joined by "; ".
func problems(data string) string {
	var got []string
	f := File{Report: func(line int, msg string) { got = append(got, fmt.Sprintf("%d: %s", line, msg)) }}
	if root := f.Parse([]byte(data)); root != nil {
		m := f.Fields(root, "the top level", "a", "b")
		if b := m["b"]; b != nil {
			f.List(b, "b")
		}
	}
	return strings.Join(got, "; ")
}

func TestFile(t *testing.T) {
	tabletest.Run(t, "problems", problems, []tabletest.Case[string, string]{
		{"good", "a: 1\nb: [x]\n", ""},
		{"unknown and repeated fields", "a: 1\nc: 2\na: 3\n", `2: unknown field "c" in the top level (known: a, b); 3: field "a" given twice in the top level`},
		{"malformed", "a: [1\n", "1: malformed YAML: did not find expected ',' or ']'"},
		{"second document", "a: 1\n---\nb: 2\n", `2: a second YAML document starts here: a file holds one document; remove this "---" line`},
		{"not UTF-8", "a: 1\nb: \xff\n", "2: byte offset 8: byte 0xFF is not valid UTF-8; save the file as UTF-8 text"},
		{"a list at the top", "- a\n", "1: want a mapping of sections at the top level, found a list"},
		{"a list wanted", "a: 1\nb: x\n", `2: b: want a list, found "x"`},
		{"empty", "# nothing\n", ""},
	})
}
