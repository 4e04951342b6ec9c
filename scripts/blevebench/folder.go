package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// factsFolder returns the folder both sides load: --facts as given, or a
// temporary folder built from --seeds and --corpus, which cleanup removes.
func factsFolder(o compareOptions, stderr io.Writer) (dir string, cleanup func() error, err error) {
	if o.factsDir != "" {
		return o.factsDir, func() error { return nil }, nil
	}
	tmp, err := os.MkdirTemp("", "blevebench-facts-")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() error { return os.RemoveAll(tmp) }
	n, err := buildFacts(tmp, o.seedsDir, o.corpusDir)
	if err != nil {
		_ = cleanup() // the build error is the one to report
		return "", nil, err
	}
	fmt.Fprintf(stderr, "blevebench: facts folder %s: the seeds + %d BBC articles (removed at exit)\n", tmp, n)
	return tmp, cleanup, nil
}

// buildFacts fills dir with briefbot's seeds (the articles, sources.yaml and
// facts.yaml, not seeds.go) and every BBC article as bbc-<section>-<n>.txt,
// the names the repository's own benchmarks give them. The BBC articles have
// no metadata entry; briefbot loads such files all the same. It returns the
// number of BBC articles copied.
func buildFacts(dir, seeds, corpus string) (int, error) {
	seedFiles, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil {
		return 0, err
	}
	if len(seedFiles) == 0 {
		return 0, fmt.Errorf("--seeds %s: no *.txt", seeds)
	}
	seedFiles = append(seedFiles, filepath.Join(seeds, "sources.yaml"), filepath.Join(seeds, "facts.yaml"))
	for _, f := range seedFiles {
		if err := copyFile(f, filepath.Join(dir, filepath.Base(f))); err != nil {
			return 0, err
		}
	}
	articles, err := filepath.Glob(filepath.Join(corpus, "*", "*.txt"))
	if err != nil {
		return 0, err
	}
	if len(articles) == 0 {
		return 0, fmt.Errorf("--corpus %s: no <section>/<n>.txt", corpus)
	}
	for _, f := range articles {
		name := "bbc-" + filepath.Base(filepath.Dir(f)) + "-" + filepath.Base(f)
		if err := copyFile(f, filepath.Join(dir, name)); err != nil {
			return 0, err
		}
	}
	return len(articles), nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
