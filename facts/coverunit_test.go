package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/internal/corpus"
	"github.com/briefbot/briefbot/seeds"
)

// TestCoverUnit checks that coverUnit, which reads a sentence's cover of
// the question from the search index's postings, equals Cover of the
// sentence's text, for every sentence of the seeds and questions made of
// their words (with stop words, repeats and misspellings among them).
func TestCoverUnit(t *testing.T) {
	b, _, err := Load(seeds.FS(), seeds.Dir)
	if err != nil {
		t.Fatal(err)
	}
	checkCoverUnit(t, b)
}

// TestCoverUnitAfterReload checks coverUnit on a base whose index was
// edited by reloads (units removed, their ids reused), not built afresh.
func TestCoverUnitAfterReload(t *testing.T) {
	folder := corpus.ScaledFolder(t, 30)
	articles := corpus.ScaledArticles(folder)
	var prev *Base
	for round := range 3 {
		if round > 0 {
			delete(folder, articles[round])
			victim := articles[10+round]
			folder[victim] = &fstest.MapFile{Data: append(append([]byte(nil), folder[victim].Data...),
				"\n\nThe minister said on Monday the talks on tariffs would go ahead.\n"...)}
		}
		b, _, err := LoadWith(folder, "folder", Options{Previous: prev, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		checkCoverUnit(t, b)
		prev = b
	}
}

// checkCoverUnit compares coverUnit with Cover on every sentence of b.
func checkCoverUnit(t *testing.T, b *Base) {
	t.Helper()
	var vocab []string
	for _, u := range b.units {
		if u.doc != nil {
			vocab = append(vocab, strings.Fields(u.doc.SentenceText(u.sent))...)
		}
	}
	r := rand.New(rand.NewPCG(8, 13))
	questions := []string{"", "the of and", "who is the chancellor?", "sanctons on Rusia", "Zelensky's ceasefire plan 2025"}
	for range 200 {
		ws := make([]string, 1+r.IntN(6))
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		questions = append(questions, strings.Join(ws, " "))
	}
	checked := 0
	for _, q := range questions {
		ts := b.Terms(q)
		for id, u := range b.units {
			if u.doc == nil {
				continue
			}
			if got, want := ts.coverUnit(id), ts.Cover(u.doc.SentenceText(u.sent)); got != want {
				t.Fatalf("%q, unit %d (%q): coverUnit %v, Cover %v", q, id, u.doc.SentenceText(u.sent), got, want)
			}
			if ts.Cover(u.doc.SentenceText(u.sent)) > 0 {
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d sentences held a question's word", checked)
	}
}
