// Command briefbot answers briefing questions about a news story from a
// curated, citation-verified fact base: on Discord, or from the command line.
//
//	briefbot ask [--facts DIR | --config FILE [--story NAME]] [--format text|json|discord] QUERY
//	briefbot check [--extracted] [DIR | --config FILE]
//	briefbot run [--config FILE]
//	briefbot register [--config FILE] [--dry-run]
//	briefbot draft [--facts DIR] [--published YYYY-MM-DD] ARTICLE.txt
package main

import (
	"context"
	"errors"
	"fmt"
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
  briefbot ask --config FILE [--story NAME] QUERY          ask one of the config's stories (default: its default one)
  briefbot check [--extracted] [DIR]                       validate a facts folder (default: the embedded one);
                                                           --extracted lists extracted items with their ids
  briefbot check --config FILE                             validate every story of a config
  briefbot draft [--facts DIR] [--published DATE] FILE     print curated facts drafted from one article (for facts.d/)
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
