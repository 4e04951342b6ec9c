package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// writeFiles creates files (name → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestToUTF8ReadsStrayBytesAsLatin1(t *testing.T) {
	if got := toUTF8([]byte("a \xa315.8m signing")); got != "a £15.8m signing" {
		t.Errorf("toUTF8 = %q", got)
	}
	if got := toUTF8([]byte("already “UTF-8” £")); got != "already “UTF-8” £" {
		t.Errorf("valid text changed: %q", got)
	}
}

// The bleve mode answers every query with highlighted hits, whatever the
// batch size (several batches make several segments), and scores by BM25.
func TestBleveMode(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bbc-business-001.txt": "US insurer Marsh cuts 2,500 jobs\n\nSome 2,500 jobs are to go at US insurance broker Marsh.",
		"bbc-sport-002.txt":    "Federer wins in Melbourne\n\nRoger Federer won the Australian Open final.",
		"bbc-sport-199.txt":    "Mutu\n\nA \xa315.8m signing.",
		"sources.yaml":         "not indexed: only *.txt are articles",
	})
	queries := filepath.Join(t.TempDir(), "q.txt")
	writeFiles(t, filepath.Dir(queries), map[string]string{"q.txt": "how many jobs will go at Marsh?\n\nFederer\n£15.8m\n"})
	for _, batch := range []string{"1", "0"} {
		var out, errOut bytes.Buffer
		if err := runBleve([]string{"--batch", batch, dir, queries}, &out, &errOut); err != nil {
			t.Fatalf("batch %s: %v\n%s", batch, err, errOut.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != 3 { // the blank line is skipped, as briefbot skips it
			t.Fatalf("batch %s: %d lines, want 3:\n%s", batch, len(lines), out.String())
		}
		for i, want := range []string{"bbc-business-001.txt", "bbc-sport-002.txt", "bbc-sport-199.txt"} {
			var res struct {
				Hits []hit `json:"hits"`
			}
			if err := json.Unmarshal([]byte(lines[i]), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].ID != want {
				t.Errorf("batch %s, query %d: hits %+v, want %s first", batch, i, res.Hits, want)
				continue
			}
			if !strings.Contains(lines[i], `\u003cmark\u003e`) {
				t.Errorf("batch %s, query %d: no highlighted fragment: %s", batch, i, lines[i])
			}
		}
	}
}

// BM25 needs scorch's field statistics: on scorch the score says so, and
// on NewMemOnly's upsidedown index Bleve falls back to TF-IDF. If a Bleve
// upgrade changes either, the README's description must change too.
func TestScoringModel(t *testing.T) {
	for kind, want := range map[string]string{"scorch": "bm25", "memonly": "tf-idf"} {
		idx, err := newIndex(kind)
		if err != nil {
			t.Fatal(err)
		}
		if err := idx.Index("a", article{Title: "Jobs", Body: "Some jobs will go."}); err != nil {
			t.Fatal(err)
		}
		req := bleve.NewSearchRequest(bleve.NewMatchQuery("jobs"))
		req.Explain = true
		res, err := idx.Search(req)
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("%s: %v, %d hits", kind, err, len(res.Hits))
		}
		expl, _ := json.Marshal(res.Hits[0].Expl)
		if !strings.Contains(string(expl), "as per "+want+" model") {
			t.Errorf("%s: explanation does not name %s: %s", kind, want, expl)
		}
		idx.Close()
	}
}

func TestBuildFacts(t *testing.T) {
	seeds, corpus, out := t.TempDir(), t.TempDir(), t.TempDir()
	writeFiles(t, seeds, map[string]string{"000_a.txt": "seed", "sources.yaml": "s", "facts.yaml": "f", "seeds.go": "package seeds"})
	writeFiles(t, corpus, map[string]string{"business/001.txt": "b", "tech/114.txt": "t", "README.TXT": "not an article"})
	n, err := buildFacts(out, seeds, corpus)
	if err != nil || n != 2 {
		t.Fatalf("buildFacts = %d, %v; want 2 articles", n, err)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"000_a.txt", "bbc-business-001.txt", "bbc-tech-114.txt", "facts.yaml", "sources.yaml"}
	if !slices.Equal(names, want) {
		t.Errorf("facts folder holds %v, want %v", names, want)
	}
}

func TestMedianAndCounters(t *testing.T) {
	if m := median([]time.Duration{3, 1, 2}); m != 2 {
		t.Errorf("median = %v", m)
	}
	if m := median([]int64{5}); m != 5 {
		t.Errorf("median of one = %v", m)
	}
	var c lineCounter
	c.Write([]byte("a\nb\n"))
	c.Write([]byte("c\n"))
	if c != 3 {
		t.Errorf("lineCounter = %d", c)
	}
	var tb tailBuffer
	tb.Write(bytes.Repeat([]byte("x"), tailMax))
	tb.Write([]byte("the end"))
	if len(tb.String()) != tailMax || !strings.HasSuffix(tb.String(), "the end") {
		t.Errorf("tailBuffer kept %d bytes", len(tb.String()))
	}
}
