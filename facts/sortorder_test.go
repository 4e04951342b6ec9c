package facts

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

// TestSortsKeepTheirOrder: sortEvents and sortQuotes order a base's events
// and quotes, shuffled, as the sort.SliceStable calls they replaced did,
// ties included.
func TestSortsKeepTheirOrder(t *testing.T) {
	b := folderLoader(t, corpus.ScaledFolder(t, 60))(nil)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 3; round++ {
		evs := slices.Clone(b.Events())
		rng.Shuffle(len(evs), func(i, j int) { evs[i], evs[j] = evs[j], evs[i] })
		want := slices.Clone(evs)
		sort.SliceStable(want, func(i, j int) bool { return want[i].Date.Before(want[j].Date) })
		sortEvents(evs)
		if !slices.Equal(evs, want) {
			t.Errorf("round %d: events in another order", round)
		}
		qs := slices.Clone(b.Quotes())
		rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
		wantQ := slices.Clone(qs)
		sort.SliceStable(wantQ, func(i, j int) bool {
			qi, qj := wantQ[i], wantQ[j]
			if !qi.Date.Start().Equal(qj.Date.Start()) {
				return qi.Date.Before(qj.Date)
			}
			if qi.Cite.Doc != qj.Cite.Doc {
				return qi.Cite.Doc.ID < qj.Cite.Doc.ID
			}
			return qi.Cite.Start < qj.Cite.Start
		})
		sortQuotes(qs)
		if !slices.Equal(qs, wantQ) {
			t.Errorf("round %d: quotes in another order", round)
		}
	}
	if len(b.Events()) < 50 || len(b.Quotes()) < 50 {
		t.Errorf("%d events, %d quotes: too few to tell", len(b.Events()), len(b.Quotes()))
	}
}
