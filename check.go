package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/briefbot/briefbot/facts"
)

// runCheck is `briefbot check`: load a facts folder and print every
// problem as file:line, or what it holds.
func runCheck(args []string, stdout, stderr io.Writer) error {
	if len(args) > 1 {
		return usageErrorf("check: one folder at most, got %d", len(args))
	}
	dir := ""
	if len(args) == 1 {
		dir = args[0]
	}
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
	fmt.Fprintf(stdout, "ok: %s\n", base.Counts())
	return nil
}
