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
	type unit struct {
		id   int32
		text string
	}
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
		fresh := NewBuilder()
		for _, u := range units {
			fresh.Add(u.text)
		}
		want := fresh.Build()
		place := map[int32]int{}
		for i, u := range units {
			place[u.id] = i
		}
		queries := append([]string{"peace talks", "said the minister", "quokka zebra deal", "word7", "word33 oil",
			"sanctons", "electon budget", "sumit", "armies"}, vocab...)
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
}
