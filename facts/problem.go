package facts

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong (or worth a warning) in a facts folder, located by
// file and line so that a curator can go straight to it.
type Problem struct {
	File string // display path of the file, e.g. "seeds/facts.yaml"
	Line int    // 1-based line, or 0 when the problem concerns the whole file
	Msg  string
}

// String renders the problem as "file:line: msg" (or "file: msg" without a line).
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// LoadError is returned by Load when the folder has errors. It lists every
// error found, not only the first, so that one run of `briefbot check` shows
// the curator all there is to fix.
type LoadError struct {
	Problems []Problem
}

// Error joins every problem on its own line.
func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// report collects problems while a base is loaded.
type report struct {
	errs  []Problem
	warns []Problem
}

func (r *report) errorf(file string, line int, format string, args ...any) {
	r.errs = append(r.errs, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (r *report) warnf(file string, line int, format string, args ...any) {
	r.warns = append(r.warns, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
