package tabletest

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what a check reports.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestCheckReports checks that a wrong output is reported, with the input
// quoted, and that right ones are not.
func TestCheckReports(t *testing.T) {
	r := &recorder{TB: t}
	Check(r, "fields", strings.Fields, []Pair[string, []string]{
		{"a b", []string{"a", "b"}},
		{"a\tb", []string{"a b"}},
		{" ", []string{}},
	})
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], `fields("a\tb")`) {
		t.Errorf("reports %q, want one, for \"a\\tb\"", r.errs)
	}
}

// TestErrsReports checks the two ways an error can be wrong: there, when
// none is wanted, and missing or saying something else, when one is.
func TestErrsReports(t *testing.T) {
	r := &recorder{TB: t}
	fail := func(s string) (int, error) {
		if s == "" {
			return 0, nil
		}
		return 0, fmt.Errorf("bad %s", s)
	}
	Errs(r, fail, []Pair[string, string]{
		{"", ""}, {"x", "bad x"}, // as wanted
		{"y", ""}, {"", "bad"}, {"z", "good"},
	})
	if len(r.errs) != 3 {
		t.Errorf("reports %q, want 3", r.errs)
	}
}
