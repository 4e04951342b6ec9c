package extract

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts/prose"
	"github.com/briefbot/briefbot/internal/corpus"
)

// Articles that name one another's people: the full name, role and
// surname of each come and go with one article, which a reload must see
// in every other article.
var crossArticles = map[string]string{
	"x-full":    "Fisheries row\n\nMargaret Thistlewood, the fisheries minister, said the quota was fair. “We listened,” she said.\n",
	"x-surname": "Quota talks\n\nThistlewood said on Tuesday the talks had gone well. “It is a start,” Thistlewood said.\n",
	"x-role":    "Harbour plan\n\nThe fisheries minister said the harbour would reopen. “Soon,” the fisheries minister said.\n",
	"x-variant": "Boats\n\nMr Thistlewod told reporters the fleet would grow. “Not yet,” he said.\n",
	"x-rival":   "Rivals\n\nPeter Thistlewood, a trawler owner, said the quota was unfair. “It hurts,” he said.\n",
}

// TestRerunEqualsFresh runs extraction over a changing set of articles,
// each run reusing the last one's passes, and checks every result against
// a run from nothing; and that an article nothing it looked up changed for
// was not read again.
func TestRerunEqualsFresh(t *testing.T) {
	texts := map[string]string{}
	folder := corpus.ScaledFolder(t, 150)
	for _, name := range corpus.ScaledArticles(folder) {
		texts[name] = string(folder[name].Data)
	}
	texts["x-surname"], texts["x-role"], texts["x-variant"] = crossArticles["x-surname"], crossArticles["x-role"], crossArticles["x-variant"]
	known := []Known{{ID: "healey", Names: []string{"John Healey"}, Role: "Defence Secretary"}}
	steps := []struct {
		what string
		edit func()
	}{
		{"full name added", func() { texts["x-full"] = crossArticles["x-full"] }},
		{"same surname added", func() { texts["x-rival"] = crossArticles["x-rival"] }},
		{"same surname removed", func() { delete(texts, "x-rival") }},
		{"role changed", func() {
			texts["x-full"] = strings.Replace(crossArticles["x-full"], "fisheries minister", "harbour master", 1)
		}},
		{"full name removed", func() { delete(texts, "x-full") }},
		{"nothing changed", func() {}},
		{"full name back", func() { texts["x-full"] = crossArticles["x-full"] }},
	}
	ids, _, ps := rerun(texts, known, nil, Passes{})
	prev := kept(texts, ids, ps)
	for _, st := range steps {
		st.edit()
		got, gotOut, gotPs := rerun(texts, known, prev, ps)
		_, want, _ := rerun(texts, known, nil, Passes{})
		for i, id := range got {
			if !reflect.DeepEqual(gotOut[i], want[i]) {
				t.Errorf("%s: %s differs from a fresh run:\nrerun: %s\nfresh: %s", st.what, id, people(gotOut[i]), people(want[i]))
			}
		}
		reread := 0
		for i, id := range got {
			if prev[id+"\x00"+texts[id]] != gotPs.Second[i] {
				reread++
			}
		}
		if reread > 8 {
			t.Errorf("%s: %d of %d articles read again", st.what, reread, len(got))
		}
		t.Logf("%s: %d of %d articles read again", st.what, reread, len(got))
		prev, ps = kept(texts, got, gotPs), gotPs
	}
}

// rerun runs extraction over texts in id order, an article whose exact
// text has a second pass in prev reusing it, and returns the ids with the
// results and the passes.
func rerun(texts map[string]string, known []Known, prev map[string]*Result, prevPasses Passes) ([]string, []Result, Passes) {
	ids := slices.Sorted(maps.Keys(texts))
	docs := make([]Doc, len(ids))
	for i, id := range ids {
		docs[i] = Doc{Text: texts[id], Sentences: prose.Split(texts[id])}
		if r := prev[id+"\x00"+texts[id]]; r != nil { // the same article, unchanged
			docs[i].Second, docs[i].SecondKey = r, prevPasses.SecondKey
		}
	}
	out, ps := RunAll(docs, known, 2, prevPasses)
	return ids, out, ps
}

// kept is each article's second pass by its id and text, for the next
// rerun to reuse.
func kept(texts map[string]string, ids []string, ps Passes) map[string]*Result {
	out := make(map[string]*Result, len(ids))
	for i, id := range ids {
		out[id+"\x00"+texts[id]] = ps.Second[i]
	}
	return out
}

// people lists a result's people, keys and mentions for a failure message.
func people(r Result) string {
	var b strings.Builder
	for _, p := range r.People {
		fmt.Fprintf(&b, "[%s|%s|%s|%d] ", p.Name, p.Role, p.Key, len(p.Mentions))
	}
	return b.String()
}

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

// TestSameGatheredKeepsKnownIndex reruns after an article's text changed
// without naming anyone new: the people the second pass knows are the
// previous run's, not gathered again, and every result is a fresh run's.
func TestSameGatheredKeepsKnownIndex(t *testing.T) {
	texts := maps.Clone(crossArticles)
	known := []Known{{ID: "healey", Names: []string{"John Healey"}, Role: "Defence Secretary"}}
	ids, _, ps := rerun(texts, known, nil, Passes{})
	prev := kept(texts, ids, ps)
	texts["x-role"] += "\nThe harbour will reopen in May.\n"
	_, got, gotPs := rerun(texts, known, prev, ps.Trim())
	if gotPs.second != ps.second || gotPs.SecondKey != ps.SecondKey {
		t.Errorf("an edit naming no one new gathered the people again")
	}
	_, want, _ := rerun(texts, known, nil, Passes{})
	for i, id := range ids {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s differs from a fresh run:\nrerun: %s\nfresh: %s", id, people(got[i]), people(want[i]))
		}
	}
	texts["x-full"] = strings.Replace(texts["x-full"], "fisheries minister", "harbour master", 1)
	if _, _, ps2 := rerun(texts, known, kept(texts, ids, gotPs), gotPs.Trim()); ps2.second == gotPs.second {
		t.Errorf("a changed role kept the people known before it")
	}
}
