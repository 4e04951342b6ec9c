package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
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

// parseCompare reads and checks the compare mode's flags.
func parseCompare(args []string, stderr io.Writer) (compareOptions, error) {
	var o compareOptions
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
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

// measure runs s once as a child process and returns its wall time (start
// to exit, so process start, load, queries and exit all count), its CPU
// time and its peak resident set, in KiB, from the kernel's rusage of that
// child. The child must exit 0 and print one line per query, or the run is
// an error: a number for a job that was not done is worse than none.
func measure(ctx context.Context, s *side, queries int) (sample, error) {
	cmd := exec.CommandContext(ctx, s.args[0], s.args[1:]...)
	if s.stdin != "" {
		f, err := os.Open(s.stdin)
		if err != nil {
			return sample{}, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	// Count lines rather than keep the output: the parent's memory is not
	// measured, but there is no need to hold megabytes of JSON either.
	var lines lineCounter
	var errBuf tailBuffer
	cmd.Stdout, cmd.Stderr = &lines, &errBuf
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ctx.Err() != nil {
		return sample{}, fmt.Errorf("%s: %w", s.name, ctx.Err())
	}
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w\n%s", s.name, err, errBuf.String())
	}
	if int(lines) != queries {
		return sample{}, fmt.Errorf("%s: %d output lines for %d queries", s.name, lines, queries)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, errors.New("peak RSS: no rusage on this platform (the benchmark needs Linux)")
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return sample{wall: wall, cpu: cpu, rss: int64(ru.Maxrss)}, nil
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

// lineCounter is an io.Writer that counts newlines.
type lineCounter int

func (c *lineCounter) Write(p []byte) (int, error) {
	*c += lineCounter(bytes.Count(p, []byte{'\n'}))
	return len(p), nil
}

// tailBuffer keeps the last few KiB written to it: enough of a child's
// standard error to say why it failed.
type tailBuffer struct{ b []byte }

const tailMax = 4 << 10

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > tailMax {
		t.b = t.b[len(t.b)-tailMax:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return string(t.b) }

// loadAvg returns the one-minute load average, or "?" off Linux.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b) + " ?")[0]
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
