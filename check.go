package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/briefbot/briefbot/facts"
)

// runCheck is `briefbot check`: load a facts folder, or with --config
// every story's, and print every problem as file:line, or what each holds;
// with --extracted, also every extracted item with the id a facts file's
// suppress: list hides it by.
func runCheck(_ context.Context, e env) error {
	fs := e.flags
	extracted := fs.Bool("extracted", false, "also list every extracted item with its id (for suppress:)")
	path := configFlag(fs)
	rest, err := parseInterspersed(fs, e.args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return usageErrorf("check: one folder at most, got %d", len(rest))
	}
	if *path == "" {
		dir := ""
		if len(rest) == 1 {
			dir = rest[0]
		}
		return checkFolder(dir, *extracted, e.stdout)
	}
	if len(rest) == 1 {
		return usageErrorf("check: a folder and --config both given: the config names the facts folders")
	}
	cfg, err := loadConfig(*path)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	var failed []error
	for _, st := range cfg.stories() {
		fmt.Fprintf(e.stdout, "story %s (%s):\n", st.Name, cmp.Or(st.Dir, "the embedded seeds"))
		if err := checkFolder(st.Dir, *extracted, e.stdout); err != nil {
			failed = append(failed, fmt.Errorf("story %s: %w", st.Name, err))
		}
	}
	if err := errors.Join(failed...); err != nil {
		return &exitError{code: 1, err: err}
	}
	return nil
}

// checkFolder checks one facts folder (the embedded seeds for "").
func checkFolder(dir string, extracted bool, stdout io.Writer) error {
	base, warns, err := loadBase(dir)
	for _, w := range warns {
		fmt.Fprintln(stdout, "warning:", w)
	}
	var le *facts.LoadError
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Fprintln(stdout, p)
		}
		return &exitError{code: 1, err: fmt.Errorf("%d errors, %d warnings", len(le.Problems), len(warns))}
	}
	if err != nil {
		return err
	}
	if extracted {
		listExtracted(base, stdout)
	}
	fmt.Fprintf(stdout, "ok: %s\n", base.Counts())
	return nil
}

// listExtracted prints each extracted item on a line: its kind, its id
// (what suppress: takes) and what it says.
func listExtracted(b *facts.Base, w io.Writer) {
	for _, p := range b.People() {
		if p.Extracted {
			fmt.Fprintf(w, "person\t%s\t%s (%s)\n", p.ID, p.Name, p.Role)
		}
	}
	for _, e := range b.Events() {
		if e.Extracted {
			fmt.Fprintf(w, "event\t%s\t%s · %s\n", e.ID, e.Date, e.Text)
		}
	}
	for _, f := range b.Figures() {
		if f.Extracted {
			fmt.Fprintf(w, "figure\t%s\t%s %s\n", f.ID, f.Value, f.Unit)
		}
	}
	for _, q := range b.Quotes() {
		if q.Extracted {
			fmt.Fprintf(w, "quote\t%s\t%s: %s\n", q.ID, q.Speaker, q.Cite.Quote())
		}
	}
}
