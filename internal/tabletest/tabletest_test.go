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

// TestMixes checks that Mixes yields n strings made of the parts only,
// with up to most-1 of them, and the same strings for the same seed.
func TestMixes(t *testing.T) {
	parts := []string{"a", "bc"}
	var first []string
	for s := range Mixes(7, parts, 4, 500) {
		rest := strings.ReplaceAll(s, "bc", "")
		if strings.Trim(rest, "a") != "" || len(rest)+strings.Count(s, "bc") > 3 {
			t.Fatalf("Mixes gave %q, not up to 3 of %q", s, parts)
		}
		first = append(first, s)
	}
	if len(first) != 500 {
		t.Fatalf("Mixes gave %d strings, want 500", len(first))
	}
	i := 0
	for s := range Mixes(7, parts, 4, 500) {
		if s != first[i] {
			t.Fatalf("string %d is %q, then %q, with the same seed", i, first[i], s)
		}
		i++
	}
}
