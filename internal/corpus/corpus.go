// Package corpus builds larger fact bases for benchmarks and scale tests:
// the embedded seeds plus the BBC news corpus kept in ../shared/corpora/bbc
// beside the repository, when it is there.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
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
		return nil, 0, errors.New(NoBBC)
	}
	out, err := seedFolder()
	if err != nil {
		return nil, 0, err
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

// Scaled returns a facts folder of the seeds plus about n articles made from
// the BBC corpus: the originals first, then copies under new ids with their
// paragraphs shuffled (the headline stays first), so that a larger base has
// the vocabulary and shape of real news rather than random words. The
// shuffle is seeded, so every run builds the same folder. When the corpus
// is absent it builds a stand-in from generated sentences and says so in
// the returned note.
func Scaled(n int) (fs.FS, string, error) {
	src, _, err := SeedsPlusBBC()
	note := fmt.Sprintf("seeds + %d articles from the BBC corpus", n)
	if err != nil {
		src, note = standIn(), fmt.Sprintf("seeds + %d GENERATED articles (the BBC corpus is absent)", n)
	}
	base, ok := src.(fstest.MapFS)
	if !ok {
		return nil, "", errors.New("corpus: unexpected folder type")
	}
	var originals []string
	for name := range base {
		if original(name) {
			originals = append(originals, name)
		}
	}
	sort.Strings(originals)
	out := fstest.MapFS{}
	for name, f := range base {
		if !original(name) {
			out[name] = f
		}
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	for i := 0; i < n; i++ {
		orig := originals[i%len(originals)]
		data := base[orig].Data
		name := orig
		if i >= len(originals) {
			name = fmt.Sprintf("copy%03d-%s", i/len(originals), orig)
			data = shuffleParagraphs(data, rng)
		}
		out[name] = &fstest.MapFile{Data: data}
	}
	return out, note, nil
}

// original tells the corpus's articles and their stand-ins, which Scaled
// copies, from the seeds.
func original(name string) bool {
	return strings.HasPrefix(name, "bbc-") || strings.HasPrefix(name, "gen-")
}

// shuffleParagraphs keeps the first line (the headline) and shuffles the
// paragraphs after it.
func shuffleParagraphs(data []byte, rng *rand.Rand) []byte {
	lines := strings.Split(string(data), "\n")
	if len(lines) < 3 {
		return data
	}
	body := lines[1:]
	rng.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	return []byte(lines[0] + "\n" + strings.Join(body, "\n"))
}

// standIn is a corpus of 2,225 generated articles for machines without the
// BBC corpus: sentences with names, quotes, dates and figures, enough to
// exercise every stage of a load.
func standIn() fstest.MapFS {
	out, err := seedFolder()
	if err != nil {
		panic(err) // the seeds are embedded in the binary: they are always there
	}
	rng := rand.New(rand.NewPCG(7, 7))
	first := []string{"Anna", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "James"}
	last := []string{"Smith", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Garcia", "Novak", "Reyes", "Khan", "Walsh"}
	roles := []string{"council leader", "chief executive", "union spokesman", "club manager", "health minister"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	for i := 0; i < 2225; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Report number %d on the local economy\n\n", i)
		for p := 0; p < 12; p++ {
			name := first[rng.IntN(len(first))] + " " + last[rng.IntN(len(last))]
			fmt.Fprintf(&b, "%s %s said on %s that %d jobs could go by 2030.\n\n", strings.ToUpper(roles[rng.IntN(len(roles))][:1])+roles[rng.IntN(len(roles))][1:], name, days[rng.IntN(len(days))], 10+rng.IntN(500))
			fmt.Fprintf(&b, "\"We will not accept cuts of up to %d%% in the budget,\" %s said.\n\n", 5+rng.IntN(40), name)
		}
		out[fmt.Sprintf("gen-%04d.txt", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return out
}

// seedFolder copies the embedded seeds into an in-memory folder.
func seedFolder() (fstest.MapFS, error) {
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
		return nil, fmt.Errorf("copying the embedded seeds: %w", err)
	}
	return out, nil
}
