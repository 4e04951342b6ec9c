package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

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
