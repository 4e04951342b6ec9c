package search

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestEditEqualsBuild checks that an index edited unit by unit ranks,
// weighs and corrects exactly as one built afresh from the same units in
// the same order, through several rounds of removals and additions.
func TestEditEqualsBuild(t *testing.T) {
	vocab := []string{"peace", "talks", "troops", "sanctions", "ceasefire", "deal", "army", "summit",
		"minister", "said", "the", "of", "election", "budget", "oil", "prices", "zebra", "quokka"}
	rng := rand.New(rand.NewPCG(7, 9))
	sentence := func() string {
		s := ""
		for range 3 + rng.IntN(9) {
			s += vocab[rng.IntN(len(vocab))] + " "
		}
		if rng.IntN(10) == 0 {
			s += fmt.Sprintf("word%d", rng.IntN(50))
		}
		return s
	}
	queries := []string{"peace talks", "said the minister", "quokka zebra deal", "word7", "word33 oil",
		"sanctons", "electon budget", "sumit", "armies"}
	var units []unit // in the caller's order
	ix := (&Index{}).Edit().Build(nil)
	for round := range 12 {
		ed := ix.Edit()
		var kept []unit
		for _, u := range units {
			if rng.IntN(4) == 0 {
				ed.Remove(u.id, u.text)
				continue
			}
			kept = append(kept, u)
		}
		units = kept
		for range 5 + rng.IntN(40) {
			at := rng.IntN(len(units) + 1)
			text := sentence()
			units = append(units[:at], append([]unit{{ed.Add(text), text}}, units[at:]...)...)
		}
		order := make([]int32, len(units))
		for i, u := range units {
			order[i] = u.id
		}
		ix = ed.Build(order)
		sameAsBuilt(t, round, ix, units, append(queries, vocab...))
	}
}

// unit is one unit of an edited index: its id and its text.
type unit struct {
	id   int32
	text string
}

// sameAsBuilt fails t unless ix, edited, searches as an index built
// afresh from units in their order does, for every query.
func sameAsBuilt(t *testing.T, round int, ix *Index, units []unit, queries []string) {
	t.Helper()
	fresh := NewBuilder()
	for _, u := range units {
		fresh.Add(u.text)
	}
	want := fresh.Build()
	place := map[int32]int{}
	for i, u := range units {
		place[u.id] = i
	}
	for _, q := range queries {
		got := ix.Search(q, 7)
		exp := want.Search(q, 7)
		for i := range got {
			got[i].ID = place[int32(got[i].ID)]
		}
		if !reflect.DeepEqual(got, exp) {
			t.Fatalf("round %d: Search(%q) = %v, want %v", round, q, got, exp)
		}
		if g, w := ix.Terms(q), want.Terms(q); !reflect.DeepEqual(g, w) {
			t.Fatalf("round %d: Terms(%q) = %+v, want %+v", round, q, g, w)
		}
	}
	if ix.Len() != want.Len() {
		t.Fatalf("round %d: Len = %d, want %d", round, ix.Len(), want.Len())
	}
}

// TestEditUnchangedSharesIndex checks that an edit which adds and removes
// nothing, built in the same order, is the index it started from, and
// that one which changes anything is not.
func TestEditUnchangedSharesIndex(t *testing.T) {
	bl := NewBuilder()
	for _, s := range []string{"the minister met", "talks went well", "the plan will go ahead"} {
		bl.Add(s)
	}
	ix := bl.Build()
	if got := ix.Edit().Build([]int32{0, 1, 2}); got != ix {
		t.Error("an empty edit built a new index")
	}
	if got := ix.Edit().Build([]int32{2, 1, 0}); got == ix {
		t.Error("an edit reordering the units shared the index")
	}
	ed := ix.Edit()
	ed.Add("one more")
	if got := ed.Build(nil); got == ix || got.Len() != 4 || ix.Len() != 3 {
		t.Errorf("an edit adding a unit: shared %v, lengths %d and %d", got == ix, got.Len(), ix.Len())
	}
	ed = ix.Edit()
	ed.Remove(1, "talks went well")
	if got := ed.Build([]int32{0, 2}); got == ix || got.Len() != 2 || ix.Len() != 3 {
		t.Errorf("an edit removing a unit: shared %v, lengths %d and %d", got == ix, got.Len(), ix.Len())
	}
}
