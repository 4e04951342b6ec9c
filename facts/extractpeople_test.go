package facts

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/internal/corpus"
)

// TestPeopleSameOnAnyWorkers loads one folder with one worker and with
// several: the people are built from runs of articles read at once, one
// per worker, and merged, and must come out as reading every article in
// turn makes them: the same ids, roles in the same order (a role given
// again in another case adds nothing), mentions and first citations, and
// the same quotes. The added articles name one person in articles far
// apart, so in different runs.
func TestPeopleSameOnAnyWorkers(t *testing.T) {
	folder := corpus.ScaledFolder(t, 40)
	for i, text := range []string{
		"Harbour plan\n\nJane Ashworth said on Monday the plan would go ahead. “It will,” she said.\n",
		"Harbour vote\n\nJane Ashworth, the harbour minister, said the vote was close.\n",
		"Harbour money\n\nJane Ashworth, the Harbour Minister, said money was found. “Enough,” Ashworth said.\n",
		"Harbour chief\n\nJane Ashworth, chief executive of the port, said the work was done.\n",
	} {
		name := fmt.Sprintf("%c-ashworth-%d.txt", "adnz"[i], i)
		folder[name] = &fstest.MapFile{Data: []byte(text)}
	}
	load := func(workers int) *Base {
		b, _, err := LoadWith(folder, "folder", Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	one := load(1)
	for _, workers := range []int{2, 3, 7} {
		b := load(workers)
		for _, what := range []struct {
			name      string
			got, want []string
		}{
			{"people", summary(b.People()), summary(one.People())},
			{"quotes", summary(b.Quotes()), summary(one.Quotes())},
		} {
			if !reflect.DeepEqual(what.got, what.want) {
				t.Errorf("%d workers: %s differ from one worker's:\n%v\n%v", workers, what.name, what.got, what.want)
			}
		}
	}
	p, _, ok := one.FindPerson("Jane Ashworth")
	if !ok || p.Role == "" || len(p.Roles) == 0 || len(p.Mentions) < 4 {
		t.Fatalf("Jane Ashworth: %+v, found %v: not the person of several runs the test needs", p, ok)
	}
}
