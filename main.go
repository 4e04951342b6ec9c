// Command briefbot answers briefing questions about a news story from a
// curated, citation-verified fact base: on Discord, or from the command line.
//
//	briefbot ask [--facts DIR] [--format text|json|discord] QUERY
//	briefbot check [DIR]
//	briefbot run [--config FILE]
//	briefbot register [--config FILE] [--dry-run]
//	briefbot draft [--facts DIR] [--published YYYY-MM-DD] ARTICLE.txt
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ee *exitError
		if !errors.As(err, &ee) || !ee.quiet {
			fmt.Fprintln(os.Stderr, "briefbot:", err)
		}
		os.Exit(exitCode(err))
	}
}

const usage = `usage:
  briefbot ask [--facts DIR] [--format text|json|discord] QUERY   answer one query ("/who Smith" or "who is smith?")
  briefbot ask [--facts DIR] [--format text|json|discord] -       answer one query per line of standard input
  briefbot check [DIR]                                     validate a facts folder (default: the embedded one)
  briefbot draft [--facts DIR] [--published DATE] FILE     print a facts.yaml fragment extracted from one article
  briefbot run [--config FILE]                             serve on Discord (token from $DISCORD_TOKEN)
  briefbot register [--config FILE] [--dry-run]            register the slash commands, or print their JSON
  briefbot help                                            this text`

// exitError carries the exit status of a failed run: 2 for a usage error
// or a bad query, 1 for everything else.
type exitError struct {
	code  int
	err   error
	quiet bool // already reported on stderr
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

// run is briefbot with its whole environment passed in, so tests can run it:
// six parameters, because the environment is six things (Mat Ryer's shape).
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return &exitError{code: 2, err: errors.New("no command given"), quiet: true}
	}
	switch args[0] {
	case "ask":
		return runAsk(ctx, args[1:], stdin, stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "run":
		return runBot(ctx, args[1:], getenv, stderr)
	case "register":
		return runRegister(args[1:], getenv, stdout, stderr)
	case "draft":
		return runDraft(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	fmt.Fprintln(stderr, usage)
	return usageErrorf("unknown command %q", args[0])
}
