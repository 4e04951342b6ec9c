package search

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
)

// build indexes units in order.
func build(units ...string) *Index {
	bl := NewBuilder()
	for _, u := range units {
		bl.Add(u)
	}
	return bl.Build()
}

// ids returns the ids of hits, in order.
func ids(hits []Hit) []int {
	var out []int
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearchRanking(t *testing.T) {
	tests := []struct {
		name  string
		units []string
		query string
		limit int
		want  []int
	}{
		{"rare term beats common term",
			[]string{"troops troops met", "troops met today", "the peacekeepers met", "troops met again"},
			"peacekeepers troops", 0, []int{2, 0, 1, 3}},
		{"stemming matches all forms",
			[]string{"new sanctions on banks", "a sanction was lifted", "firms were sanctioned", "nothing here"},
			"sanctions", 0, []int{1, 2, 0}}, // unit 0 is longer
		{"more matched terms rank higher",
			[]string{"military aid", "military aid for Ukraine", "aid for Ukraine"},
			"military aid Ukraine", 0, []int{1, 0, 2}},
		{"shorter unit wins at equal tf",
			[]string{"a ceasefire was agreed after long and difficult talks in the capital", "ceasefire agreed"},
			"ceasefire", 0, []int{1, 0}},
		{"ties by lower id",
			[]string{"peace talks", "other", "peace talks", "peace talks"},
			"peace", 0, []int{0, 2, 3}},
		{"limit keeps the best",
			[]string{"x", "peace", "peace peace", "peace", "peace talks"},
			"peace", 2, []int{2, 1}},
		{"curly and straight apostrophes match",
			[]string{"Ukraine’s army", "Russia's army"},
			"Ukraine's", 0, []int{0}},
		{"case-insensitive",
			[]string{"NATO allies", "nato allies"},
			"Nato", 0, []int{0, 1}},
		{"repeated query word counts once",
			[]string{"deal", "deal deal"},
			"deal deal deal", 0, []int{1, 0}},
		{"unknown word ignored",
			[]string{"peace deal", "war"},
			"peace zzyzx", 0, []int{0}},
		{"stop words only", []string{"the talks", "it is"}, "the it is of", 0, nil},
		{"empty query", []string{"talks"}, "", 10, nil},
		{"no match", []string{"talks"}, "submarine", 10, nil},
		{"empty index", nil, "talks", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := build(tt.units...).Search(tt.query, tt.limit)
			if !reflect.DeepEqual(ids(got), tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("hits out of order: %v", got)
				}
			}
		})
	}
}

func TestSearchScore(t *testing.T) {
	// Two units of equal length, one holding the term: the score is
	// exactly BM25 with Lucene's idf.
	ix := build("alpha beta", "gamma delta")
	got := ix.Search("alpha", 1)
	idf := math.Log(1 + (2-1+0.5)/(1+0.5))
	want := idf * 1 * (1.2 + 1) / (1 + 1.2)
	if len(got) != 1 || math.Abs(got[0].Score-want) > 1e-6 {
		t.Fatalf("Search = %v, want score %v", got, want)
	}
}

func TestQueryStems(t *testing.T) {
	ix := build("Sanctions on Russia", "peacekeeping troops")
	tests := []struct {
		query string
		want  []string
	}{
		{"sanctions against Russia", []string{"sanction", "against", "russia"}},
		{"the sanction, the sanctioned", []string{"sanction"}},
		{"Peacekeepers’ unseen words", []string{"peacekeep", "unseen", "word"}},
		{"the of and", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := ix.QueryStems(tt.query); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("QueryStems(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestBuilderIDsAndLen(t *testing.T) {
	bl := NewBuilder()
	for i, u := range []string{"one", "", "the", "two three"} {
		if id := bl.Add(u); id != i {
			t.Errorf("Add(%q) = %d, want %d", u, id, i)
		}
	}
	ix := bl.Build()
	if ix.Len() != 4 {
		t.Errorf("Len = %d, want 4", ix.Len())
	}
	// The Builder stays usable and the first Index is unaffected.
	bl.Add("three four")
	if ix.Len() != 4 || len(ix.Search("four", 0)) != 0 {
		t.Errorf("Index changed after Builder.Add")
	}
	if got := ids(bl.Build().Search("three", 0)); !reflect.DeepEqual(got, []int{3, 4}) {
		t.Errorf("second Build search = %v, want [3 4]", got)
	}
}

func TestInvalidUTF8(t *testing.T) {
	units := []string{"\xff\xfe", "sanctions\xa3 on\xe2\x80 Russia", "\xe2\x80\xa6", "Mutu, a \xa315.8m signing"}
	ix := build(units...)
	for _, q := range []string{"\xff", "sanction\xff", "russia\xe2", "15.8m"} {
		ix.Search(q, 5)
		ix.QueryStems(q)
	}
	if got := ids(ix.Search("\xffsanctioned\xff", 5)); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("Search with invalid bytes = %v, want [1]", got)
	}
	if got := ids(ix.Search("15.8m", 5)); !reflect.DeepEqual(got, []int{3}) {
		t.Errorf("Search(15.8m) = %v, want [3]", got)
	}
}

func TestConcurrentSearch(t *testing.T) {
	units := make([]string, 0, 2000)
	words := []string{"peace", "talks", "troops", "sanctions", "ceasefire", "deal", "army", "summit"}
	for i := range 2000 {
		units = append(units, words[i%8]+" "+words[(i/8)%8]+" "+words[(i/64)%8])
	}
	ix := build(units...)
	queries := []string{"peace talks", "troops", "sanctions deal army", "summit ceasefire"}
	want := make([][]Hit, len(queries))
	for i, q := range queries {
		want[i] = ix.Search(q, 20)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				q := (g + i) % len(queries)
				if got := ix.Search(queries[q], 20); !reflect.DeepEqual(got, want[q]) {
					t.Errorf("concurrent Search(%q) differs", queries[q])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestCorpusFileWithInvalidUTF8(t *testing.T) {
	dir, ok := corpus.BBCDir()
	if !ok {
		t.Skip(corpus.NoBBC)
	}
	data, err := os.ReadFile(filepath.Join(dir, "sport", "199.txt"))
	if err != nil {
		t.Fatal(err)
	}
	bl := NewBuilder()
	for line := range strings.Lines(string(data)) {
		bl.Add(line)
	}
	ix := bl.Build()
	if hits := ix.Search("£15.8m signing", 1); len(hits) != 1 {
		t.Errorf("Search over a Latin-1 pound sign = %v, want one hit", hits)
	}
}
