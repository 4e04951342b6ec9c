package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/briefbot/briefbot/seeds"
)

// NoBBC is what a test or benchmark that needs the BBC corpus says when
// it skips.
const NoBBC = "the BBC corpus (../shared/corpora/bbc) is absent"

// Article is one file of the BBC corpus: its path below the corpus folder
// ("politics/001.txt") and its text as stored.
type Article struct {
	Name string
	Text string
}

// BBCArticles reads every article of the BBC corpus, in path order; ok is
// false when the corpus is absent (tests and benchmarks then skip).
func BBCArticles() ([]Article, bool, error) {
	dir, ok := BBCDir()
	if !ok {
		return nil, false, nil
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil {
		return nil, true, err
	}
	sort.Strings(paths)
	out := make([]Article, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, true, err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, Article{Name: filepath.ToSlash(rel), Text: string(data)})
	}
	return out, true, nil
}

// BBCTexts returns the text of every BBC article by its name, in name
// order, for tests and benchmarks; it skips tb when the corpus is absent.
func BBCTexts(tb testing.TB) (names, texts []string) {
	tb.Helper()
	arts, ok, err := BBCArticles()
	if err != nil {
		tb.Fatal(err)
	}
	if !ok {
		tb.Skip(NoBBC)
	}
	for _, a := range arts {
		names = append(names, a.Name)
		texts = append(texts, a.Text)
	}
	return names, texts
}

// BenchTexts is BBCTexts for a benchmark over the whole corpus: it also
// sets the bytes an op reads (the corpus) and starts the timer afresh.
func BenchTexts(b *testing.B) []string {
	b.Helper()
	_, texts := BBCTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	return texts
}

// SeedsPlusBBCFolder is SeedsPlusBBC for tests and benchmarks: it skips tb
// when the corpus is absent (or cannot be read) and logs how many articles
// the folder holds besides the seeds.
func SeedsPlusBBCFolder(tb testing.TB) fs.FS {
	tb.Helper()
	fsys, n, err := SeedsPlusBBC()
	if err != nil {
		tb.Skip(err)
	}
	tb.Logf("seeds + %d BBC articles", n)
	return fsys
}

// CopySeeds writes the embedded seed folder into dir, for tests that need
// a facts folder on disk to edit, watch or reload.
func CopySeeds(dir string) error {
	err := fs.WalkDir(seeds.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(seeds.FS(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644)
	})
	if err != nil {
		return fmt.Errorf("copying the embedded seeds to %s: %w", dir, err)
	}
	return nil
}
