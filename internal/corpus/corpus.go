// Package corpus builds larger fact bases for benchmarks and scale tests:
// the embedded seeds plus the BBC news corpus kept in ../shared/corpora/bbc
// beside the repository, when it is there.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/briefbot/briefbot/seeds"
)

// BBCDir finds the BBC corpus by walking up from the working directory to
// the module root and looking beside it; ok is false when it is absent.
func BBCDir() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			bbc := filepath.Join(dir, "..", "shared", "corpora", "bbc")
			st, err := os.Stat(bbc)
			return bbc, err == nil && st.IsDir()
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// SeedsPlusBBC returns a facts folder, in memory, holding the seeds and every
// BBC article (as bbc-<section>-<n>.txt, with no metadata). It fails when
// the corpus is absent.
func SeedsPlusBBC() (fs.FS, int, error) {
	bbc, ok := BBCDir()
	if !ok {
		return nil, 0, errors.New("the BBC corpus (../shared/corpora/bbc) is absent")
	}
	out := fstest.MapFS{}
	err := fs.WalkDir(seeds.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(seeds.FS(), p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("copying seeds: %w", err)
	}
	n := 0
	err = filepath.WalkDir(bbc, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		rel, _ := filepath.Rel(bbc, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out["bbc-"+strings.ReplaceAll(rel, string(filepath.Separator), "-")] = &fstest.MapFile{Data: data}
		n++
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("reading the BBC corpus: %w", err)
	}
	return out, n, nil
}
