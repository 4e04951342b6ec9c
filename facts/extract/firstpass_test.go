package extract

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/internal/corpus"
)

// TestFirstPassGathersAsFullRun checks that the first pass, which leaves
// quotes out, gives the second everything a full run would: the same
// known entries from every article of the seeds and the BBC corpus.
func TestFirstPassGathersAsFullRun(t *testing.T) {
	fsys, _, err := corpus.Scaled(2225)
	if err != nil {
		t.Skip(err)
	}
	var names []string
	for name := range fsys.(fstest.MapFS) {
		if strings.HasSuffix(name, ".txt") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	known := []Known{{ID: "healey", Names: []string{"John Healey"}, Role: "Defence Secretary"}, {ID: "starmer", Names: []string{"Keir Starmer"}, Role: "Prime Minister"}}
	ix := newKnownIndex(known)
	var full, part []*Result
	for _, name := range names {
		text := string(fsys.(fstest.MapFS)[name].Data)
		d := Doc{Text: text, Sentences: prose.Split(text)}
		a, b := run(d, ix, nil), findPeople(d, ix, nil)
		full, part = append(full, &a), append(part, &b)
	}
	ga, gb := gather(full), gather(part)
	if !reflect.DeepEqual(ga, gb) {
		t.Fatalf("gather differs: %d vs %d", len(ga), len(gb))
	}
}
