package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// article is one indexed document: a whole article, headline and body as
// two fields. Bleve reads the field names from the json tags.
type article struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// hit is what one query prints per match: enough that the search, the
// scoring and the highlighting all have to be done, and a reader can check
// the answers are sensible.
type hit struct {
	ID        string              `json:"id"`
	Score     float64             `json:"score"`
	Fragments map[string][]string `json:"fragments,omitempty"`
}

// defaultBatch is the indexing batch size: the best of a sweep from 25 to
// all-in-one on seeds + BBC, so Bleve is measured at its best. Each batch of
// an in-memory scorch index is one segment, never merged (the merger runs
// only for an index on disk), and a larger batch holds more analysed text at
// once: one batch of 2,230 articles peaked at about 390 MiB against 120-140
// MiB for 100-200, and 25 or 1,000 cost more time and memory too.
const defaultBatch = 100

// defaultSize is the number of hits a query returns, Bleve's own default.
const defaultSize = 10

// runBleve is the `bleve` mode: Bleve's side of the job, the counterpart of
// `briefbot ask --facts DIR --format json -`.
func runBleve(args []string, stdout, stderr io.Writer) error {
	fs := modeFlags("bleve", stderr)
	kind := fs.String("index", "scorch", "in-memory index: scorch (Bleve's default index type, BM25 scoring) or memonly (bleve.NewMemOnly: the older upsidedown index, which has no field statistics, so Bleve falls back to TF-IDF)")
	batchSize := fs.Int("batch", defaultBatch, "articles per indexing batch; 0 = all in one batch")
	size := fs.Int("size", defaultSize, "hits per query")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return fmt.Errorf("bleve: want DIR QUERIES, got %d arguments", fs.NArg())
	}
	dir, queriesPath := fs.Arg(0), fs.Arg(1)
	// Read the queries first, so that a missing file fails before the load.
	queries, err := readLines(queriesPath)
	if err != nil {
		return err
	}
	idx, err := newIndex(*kind)
	if err != nil {
		return err
	}
	defer idx.Close()
	if err := loadDir(idx, dir, *batchSize); err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	for _, q := range queries {
		res, err := search(idx, q, *size)
		if err != nil {
			return fmt.Errorf("query %q: %w", q, err)
		}
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
	return out.Flush()
}

// newIndex makes an empty in-memory index of articles.
func newIndex(kind string) (bleve.Index, error) {
	m := bleve.NewIndexMapping()
	// BM25 is what a search engine of today would use. Only scorch keeps
	// the field statistics it needs; on upsidedown the setting is accepted
	// and Bleve silently scores with TF-IDF.
	m.ScoringModel = index.BM25Scoring
	// English analysis (stop words, possessives, Porter stemming), since
	// briefbot stems too: "jobs" must find "job" on both sides.
	m.DefaultAnalyzer = en.AnalyzerName
	text := mapping.NewTextFieldMapping() // stored, with term vectors: highlighting needs both
	text.Analyzer = en.AnalyzerName
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("title", text)
	doc.AddFieldMappingsAt("body", text)
	m.DefaultMapping = doc
	switch kind {
	case "scorch":
		// An empty path makes scorch keep everything in memory; this is
		// what bleve.New would build, minus the disk.
		return bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	case "memonly":
		return bleve.NewMemOnly(m)
	default:
		return nil, fmt.Errorf("--index %q: want scorch or memonly", kind)
	}
}

// loadDir indexes every *.txt in dir, one document per article, its first
// line as the title, the rest as the body, under the file name as its id.
func loadDir(idx bleve.Index, dir string, batchSize int) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("no *.txt in %s", dir)
	}
	sort.Strings(names)
	b := idx.NewBatch()
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		title, body, _ := strings.Cut(toUTF8(raw), "\n")
		if err := b.Index(filepath.Base(name), article{Title: title, Body: body}); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if batchSize > 0 && b.Size() >= batchSize {
			if err := idx.Batch(b); err != nil {
				return err
			}
			b.Reset()
		}
	}
	if b.Size() > 0 {
		return idx.Batch(b)
	}
	return nil
}

// search runs q as a match query (analysed like the text, any term may
// match) over both fields and highlights the hits.
func search(idx bleve.Index, q string, size int) (any, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), size, 0, false)
	req.Highlight = bleve.NewHighlight()
	res, err := idx.Search(req)
	if err != nil {
		return nil, err
	}
	hits := make([]hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		hits = append(hits, hit{ID: h.ID, Score: h.Score, Fragments: h.Fragments})
	}
	return struct {
		Query string `json:"query"`
		Total uint64 `json:"total"`
		Hits  []hit  `json:"hits"`
	}{q, res.Total, hits}, nil
}

// toUTF8 returns raw as UTF-8, reading a byte that is not valid UTF-8 as
// Latin-1, so that both sides index the same text: briefbot reads such bytes
// as Windows-1252, and the one such byte in the BBC corpus (0xA3, "£", in
// sport/199.txt) is the same in both. Left alone it would reach Bleve's
// tokenizer as U+FFFD.
func toUTF8(raw []byte) string {
	if utf8.Valid(raw) {
		return string(raw)
	}
	var b strings.Builder
	b.Grow(len(raw) + 8)
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(rune(raw[i]))
			i++
			continue
		}
		b.Write(raw[i : i+n])
		i += n
	}
	return b.String()
}

// readLines returns the non-blank lines of a file; blank lines are skipped
// as `briefbot ask -` skips them, so both sides run the same queries.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			lines = append(lines, sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lines, nil
}
