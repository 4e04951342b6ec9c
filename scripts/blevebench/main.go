// Command blevebench compares briefbot's whole job with Bleve's on the same
// load: start a process, read a folder of news articles, answer a file of
// free-text queries, exit. It measures each process from the outside (wall
// time and peak RSS), so both sides pay for everything a user waits for.
//
// It is its own module so that Bleve never enters briefbot's dependencies;
// the root module's `go build ./...` does not descend into it.
//
// Usage:
//
//	blevebench bleve [--index scorch|memonly] [--batch N] DIR QUERIES
//	blevebench compare --briefbot BIN (--facts DIR | --corpus BBC --seeds SEEDS) --queries FILE [--runs 3] [--warmup 1]
//
// See README.md for what is measured and the numbers we got.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage:
  blevebench bleve [--index scorch|memonly] [--batch N] DIR QUERIES
      load every *.txt in DIR into an in-memory Bleve index, run each line of
      QUERIES as a match query with highlighting, print one JSON line per query
  blevebench compare --briefbot BIN (--facts DIR | --corpus BBC --seeds SEEDS) --queries FILE [--runs 3] [--warmup 1]
      run "BIN ask --facts DIR --format json -" and "blevebench bleve DIR FILE"
      alternately, and print median wall time, peak RSS and the ratio`

func main() {
	// A cancelled context kills the running child, and run returns normally
	// so that its deferred clean-up (the temporary facts folder) still runs.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "blevebench:", err)
		}
		os.Exit(2)
	}
}

// modeFlags is the flag set of a sub-mode: its usage and errors go to
// stderr, and a bad flag comes back to run as an error rather than exiting.
func modeFlags(mode string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(mode, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// run dispatches on the sub-mode.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return flag.ErrHelp
	}
	switch args[0] {
	case "bleve":
		return runBleve(args[1:], stdout, stderr)
	case "compare":
		return runCompare(ctx, args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return nil
	default:
		fmt.Fprintln(stderr, usage)
		return fmt.Errorf("unknown mode %q", args[0])
	}
}
