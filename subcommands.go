package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// env is what a subcommand runs with: its arguments, a flag set of its
// own, and the process's environment and streams, passed in so that tests
// can run any of them.
type env struct {
	args           []string
	flags          *flag.FlagSet // named for the subcommand, writing to stderr
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
		{"ask", runAsk},
		{"check", runCheck},
		{"draft", runDraft},
		{"run", runBot},
		{"register", runRegister},
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
			return c.run(ctx, env{args: args[1:], flags: newFlags(c.name, stderr), getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr})
		}
	}
	fmt.Fprintln(stderr, usage)
	return usageErrorf("unknown command %q", args[0])
}
