// Package tabletest holds the loop of the commonest table test here: a
// function of one input, run on every row of a table and checked against
// the output the row wants. Tests in every package share it, so that a
// table says only what it checks.
package tabletest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Case is a row with a name, run as a subtest of that name. It and Pair
// are aliases of plain struct types, so that a table's rows may leave out
// the field names, as rows of a struct type of the test's own may.
type Case[In, Out any] = struct {
	Name string
	In   In
	Want Out
}

// Pair is a row whose input names it well enough.
type Pair[In, Out any] = struct {
	In   In
	Want Out
}

// Run runs f on the input of every case, each in a subtest of the case's
// name, and reports an output that is not deeply equal to the one wanted;
// what names f in the report.
func Run[In, Out any](t *testing.T, what string, f func(In) Out, cases []Case[In, Out]) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { Check(t, what, f, []Pair[In, Out]{{c.In, c.Want}}) })
	}
}

// Check is Run for rows without names: it runs f on every pair's input and
// reports, by the input, an output that is not deeply equal to the one
// wanted.
func Check[In, Out any](t testing.TB, what string, f func(In) Out, pairs []Pair[In, Out]) {
	t.Helper()
	for _, p := range pairs {
		if got := f(p.In); !reflect.DeepEqual(got, p.Want) {
			t.Errorf("%s(%s)\n got %s\nwant %s", what, show(p.In), show(got), show(p.Want))
		}
	}
}

// Errs is Check for the error of a function that reads or parses its
// input: a pair wants no error when Want is "", else an error whose text
// contains Want. The value read is not looked at.
func Errs[In, Out any](t testing.TB, f func(In) (Out, error), pairs []Pair[In, string]) {
	t.Helper()
	for _, p := range pairs {
		switch _, err := f(p.In); {
		case p.Want == "" && err != nil:
			t.Errorf("%s: %v", show(p.In), err)
		case p.Want != "" && (err == nil || !strings.Contains(err.Error(), p.Want)):
			t.Errorf("%s: %v, want an error saying %q", show(p.In), err, p.Want)
		}
	}
}

// show quotes text, so that white space and invalid UTF-8 can be seen,
// and writes anything else as Go would (a Kind as its number, not its
// String, which may be what is tested).
func show(v any) string {
	switch v.(type) {
	case string, []string:
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprintf("%#v", v)
}
