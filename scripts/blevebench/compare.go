package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// side is one of the two programs compared: how to start it and what it
// measured, run by run.
type side struct {
	name  string
	args  []string // argv, program first
	stdin string   // file fed on standard input, or ""
	walls []time.Duration
	cpus  []time.Duration // user + system CPU time: above wall, the run used more than one core
	rss   []int64         // peak RSS of each run, KiB (Linux's ru_maxrss unit)
}

// sample is what one run of a side measured.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // KiB
}

// compareOptions are the compare mode's flags.
type compareOptions struct {
	bin, factsDir, corpusDir, seedsDir, queries, kind string
	runs, warmup, batch                               int
}

// runCompare is the `compare` mode.
func runCompare(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	o, err := parseCompare(args, stderr)
	if err != nil {
		return err
	}
	briefbot, err := exec.LookPath(o.bin)
	if err != nil {
		return fmt.Errorf("compare: --briefbot: %w", err)
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("compare: finding this program to run its bleve mode: %w", err)
	}
	want, err := readLines(o.queries)
	if err != nil {
		return err
	}
	dir, cleanup, err := factsFolder(o, stderr)
	if err != nil {
		return err
	}
	// The named result lets a failed clean-up be reported, unless an
	// earlier error already is.
	defer func() {
		if cerr := cleanup(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	sides := []*side{
		{name: "briefbot", args: []string{briefbot, "ask", "--facts", dir, "--format", "json", "-"}, stdin: o.queries},
		{name: "bleve", args: []string{self, "bleve", "--index", o.kind, "--batch", fmt.Sprint(o.batch), dir, o.queries}},
	}
	for _, s := range sides {
		fmt.Fprintf(stderr, "blevebench: %s: %s\n", s.name, shellLine(s))
	}
	loadBefore := loadAvg()
	// Alternate the two so that whatever else the machine does (a thermal
	// limit, a neighbour, the page cache) falls on both alike.
	for i := 0; i < o.warmup+o.runs; i++ {
		for _, s := range sides {
			m, err := measure(ctx, s, len(want))
			if err != nil {
				return err
			}
			if i >= o.warmup {
				s.walls, s.cpus, s.rss = append(s.walls, m.wall), append(s.cpus, m.cpu), append(s.rss, m.rss)
			}
		}
	}
	articles, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	printTable(stdout, header(o, len(want), len(articles), loadBefore), sides[0], sides[1])
	return nil
}

// parseCompare reads and checks the compare mode's flags.
func parseCompare(args []string, stderr io.Writer) (compareOptions, error) {
	var o compareOptions
	fs := modeFlags("compare", stderr)
	fs.StringVar(&o.bin, "briefbot", "", "briefbot binary (build it with: go build -o /tmp/briefbot . in the repository)")
	fs.StringVar(&o.factsDir, "facts", "", "facts folder both sides load (or give --corpus and --seeds)")
	fs.StringVar(&o.corpusDir, "corpus", "", "BBC corpus (<section>/<n>.txt); with --seeds, the facts folder is built in a temporary folder")
	fs.StringVar(&o.seedsDir, "seeds", "", "briefbot's seeds folder (*.txt, sources.yaml, facts.yaml), with --corpus")
	fs.StringVar(&o.queries, "queries", "", "queries, one per line")
	fs.IntVar(&o.runs, "runs", 3, "measured runs of each side, alternating")
	fs.IntVar(&o.warmup, "warmup", 1, "unmeasured runs of each side first, so both find the files in the page cache")
	fs.StringVar(&o.kind, "index", "scorch", "Bleve's in-memory index: scorch or memonly (see the bleve mode)")
	fs.IntVar(&o.batch, "batch", defaultBatch, "Bleve's indexing batch size (see the bleve mode)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("compare: unexpected argument %q", fs.Arg(0))
	case o.bin == "" || o.queries == "":
		return o, errors.New("compare: --briefbot and --queries are required")
	case (o.factsDir == "") == (o.corpusDir == "" || o.seedsDir == ""):
		return o, errors.New("compare: give either --facts DIR or both --corpus and --seeds")
	case o.runs < 1 || o.warmup < 0:
		return o, errors.New("compare: --runs must be at least 1 and --warmup not negative")
	case o.kind != "scorch" && o.kind != "memonly":
		return o, fmt.Errorf("compare: --index %q: want scorch or memonly", o.kind)
	}
	return o, nil
}

// header says what was compared, and on how busy a machine. The load
// average is there because a busy machine, not either program, is the usual
// reason for a surprising number.
func header(o compareOptions, queries, articles int, loadBefore string) string {
	batches := fmt.Sprintf("batches of %d", o.batch)
	if o.batch <= 0 {
		batches = "one batch"
	}
	scoring := "BM25"
	if o.kind == "memonly" {
		scoring = "TF-IDF" // see newIndex
	}
	return fmt.Sprintf("%d queries (%s), %d *.txt in the facts folder; %d alternating runs each after %d warm-up; %d CPUs, load average %s before, %s after\n"+
		"Bleve %s: in-memory %s index, one document per article, %s, %s scoring, match query + highlighting, %d hits a query",
		queries, o.queries, articles, o.runs, o.warmup, runtime.NumCPU(), loadBefore, loadAvg(), bleveVersion(), o.kind, batches, scoring, defaultSize)
}

// printTable prints the medians, every run, and the ratio Bleve/briefbot.
func printTable(w io.Writer, header string, bb, bl *side) {
	fmt.Fprintln(w, header)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\twall, median\tCPU, median\tpeak RSS, median\twall, each run\tpeak RSS, each run")
	for _, s := range []*side{bb, bl} {
		var walls, rss []string
		for i := range s.walls {
			walls = append(walls, fmt.Sprintf("%.3f", s.walls[i].Seconds()))
			rss = append(rss, fmt.Sprintf("%.1f", mib(s.rss[i])))
		}
		fmt.Fprintf(tw, "%s\t%.3f s\t%.3f s\t%.1f MiB\t%s s\t%s MiB\n", s.name, median(s.walls).Seconds(),
			median(s.cpus).Seconds(), mib(median(s.rss)), strings.Join(walls, " "), strings.Join(rss, " "))
	}
	fmt.Fprintf(tw, "bleve/briefbot\t%.2f×\t%.2f×\t%.2f×\n", median(bl.walls).Seconds()/median(bb.walls).Seconds(),
		median(bl.cpus).Seconds()/median(bb.cpus).Seconds(), float64(median(bl.rss))/float64(median(bb.rss)))
	tw.Flush()
}

// median returns the middle value (the upper middle for an even count).
func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func mib(kib int64) float64 { return float64(kib) / 1024 }

// shellLine shows the command a side runs, for the record.
func shellLine(s *side) string {
	line := strings.Join(s.args, " ")
	if s.stdin != "" {
		line += " < " + s.stdin
	}
	return line
}

// bleveVersion returns the Bleve module version this program was built
// with, from its build information.
func bleveVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/blevesearch/bleve/v2" {
				return d.Version
			}
		}
	}
	return "v2"
}
