package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/facts"
)

// runAsk is `briefbot ask`: answer one query, or one per line of standard
// input, from the embedded seeds or --facts, as text, JSON or the exact
// Discord response.
func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("facts", "", "facts folder (default: the embedded seed base)")
	format := fs.String("format", "text", "output format: text, json, or discord (the interaction response the bot sends)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return &exitError{code: 2, err: err, quiet: true}
	}
	if *format != "text" && *format != "json" && *format != "discord" {
		return usageErrorf("ask: --format %q: want text or json, or discord for the bot's reply", *format)
	}
	query := strings.Join(rest, " ")
	if strings.TrimSpace(query) == "" {
		return usageErrorf("ask: no query given, e.g. briefbot ask \"/help\"")
	}
	base, _, err := loadBase(*dir)
	if err != nil {
		return fmt.Errorf("loading the fact base:\n%w", err)
	}
	table := commands.NewTable()
	if query != "-" {
		out, err := answer(table, base, query, *format)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, out)
		return nil
	}
	return askLines(ctx, table, base, stdin, stdout, *format)
}

// askLines answers one query per input line, one answer per output line in
// JSON; a bad line gets an error object and the rest still run. Like run,
// it takes its streams as parameters (six in all) so tests can drive it.
func askLines(ctx context.Context, table *commands.Table, base *facts.Base, stdin io.Reader, stdout io.Writer, format string) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	failed := 0
	for sc.Scan() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		out, err := answer(table, base, line, format)
		if err != nil {
			failed++
			out = errorLine(line, err, format)
		}
		fmt.Fprintln(stdout, out)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading queries: %w", err)
	}
	if failed > 0 {
		return &exitError{code: 2, err: fmt.Errorf("%d queries failed", failed)}
	}
	return nil
}

func errorLine(query string, err error, format string) string {
	if format == "text" {
		return "error: " + err.Error()
	}
	b, _ := commands.JSONError(query, err)
	return string(b)
}

// answer runs one query; a problem with the query itself is a usage error.
func answer(table *commands.Table, base *facts.Base, query, format string) (string, error) {
	req, err := table.Parse(query)
	if err == nil {
		var a commands.Answer
		a, err = table.Handle(base, req)
		if err == nil {
			switch format {
			case "json":
				b, err := commands.JSON(a)
				return string(b), err
			case "discord":
				b, err := bot.ResponseJSON(table, req, a, false)
				return string(b), err
			}
			return strings.TrimRight(commands.Text(a), "\n"), nil
		}
	}
	if commands.IsUserError(err) {
		return "", &exitError{code: 2, err: err}
	}
	return "", err
}
