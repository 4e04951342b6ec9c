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

// env is what a subcommand runs with: its arguments and the process's
// environment and streams, passed in so that tests can run any of them.
type env struct {
	args           []string
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer
}

// subcommand is one of briefbot's commands, each in a file of its own.
type subcommand struct {
	name string
	run  func(context.Context, env) error
}

// subcommands is briefbot's table of subcommands, in the usage's order.
func subcommands() []subcommand {
	return []subcommand{
		{"ask", func(ctx context.Context, e env) error { return runAsk(ctx, e.args, e.stdin, e.stdout, e.stderr) }},
		{"check", func(_ context.Context, e env) error { return runCheck(e.args, e.stdout, e.stderr) }},
		{"draft", func(_ context.Context, e env) error { return runDraft(e.args, e.stdout, e.stderr) }},
		{"run", func(ctx context.Context, e env) error { return runBot(ctx, e.args, e.getenv, e.stderr) }},
		{"register", func(_ context.Context, e env) error { return runRegister(e.args, e.getenv, e.stdout, e.stderr) }},
		{"help", func(_ context.Context, e env) error { fmt.Fprintln(e.stdout, usage); return nil }},
	}
}

// run is briefbot with its whole environment passed in, so tests can run it:
// six parameters, because the environment is six things (Mat Ryer's shape).
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return &exitError{code: 2, err: errors.New("no command given"), quiet: true}
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	for _, c := range subcommands() {
		if c.name == name {
			return c.run(ctx, env{args: args[1:], getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr})
		}
	}
	fmt.Fprintln(stderr, usage)
	return usageErrorf("unknown command %q", args[0])
}
