package strictyaml

import (
	"fmt"
	"strings"
	"testing"
)

func TestFile(t *testing.T) {
	tests := []struct {
		name, data string
		want       string // the problems, "line: message", joined by "; "
	}{
		{"good", "a: 1\nb: [x]\n", ""},
		{"unknown and repeated fields", "a: 1\nc: 2\na: 3\n", `2: unknown field "c" in the top level (known: a, b); 3: field "a" given twice in the top level`},
		{"malformed", "a: [1\n", "1: malformed YAML: did not find expected ',' or ']'"},
		{"second document", "a: 1\n---\nb: 2\n", `2: a second YAML document starts here: a file holds one document; remove this "---" line`},
		{"not UTF-8", "a: 1\nb: \xff\n", "2: byte offset 8: byte 0xFF is not valid UTF-8"},
		{"a list at the top", "- a\n", "1: want a mapping of sections at the top level, found a list"},
		{"a list wanted", "a: 1\nb: x\n", `2: b: want a list, found "x"`},
		{"empty", "# nothing\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			f := File{Report: func(line int, msg string) { got = append(got, fmt.Sprintf("%d: %s", line, msg)) }}
			if root := f.Parse([]byte(tt.data)); root != nil {
				m := f.Fields(root, "the top level", "a", "b")
				if b := m["b"]; b != nil {
					f.List(b, "b")
				}
			}
			if s := strings.Join(got, "; "); !strings.HasPrefix(s, tt.want) || (tt.want == "") != (s == "") {
				t.Errorf("problems = %q, want %q", s, tt.want)
			}
		})
	}
}
