package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/commands"
)

// runAsk is `briefbot ask`: answer one query, or one per line of standard
// input, from the embedded seeds, --facts, or the stories of --config
// (--story picks one), as text, JSON or the exact Discord response.
func runAsk(ctx context.Context, e env) error {
	fs := e.flags
	dir := fs.String("facts", "", "facts folder (default: the embedded seed base)")
	path := configFlag(fs)
	story := fs.String("story", "", "with --config: the story to ask (default: the config's default story)")
	format := fs.String("format", "text", "output format: text, json, or discord (the interaction response the bot sends)")
	rest, err := parseInterspersed(fs, e.args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "discord" {
		return usageErrorf("ask: --format %q: want text or json, or discord for the bot's reply", *format)
	}
	query := strings.Join(rest, " ")
	if strings.TrimSpace(query) == "" {
		return usageErrorf("ask: no query given, e.g. briefbot ask \"/help\"")
	}
	q := asking{story: *story, format: *format}
	if q.svc, err = askService(*dir, *path, *story); err != nil {
		return err
	}
	if query != "-" {
		out, err := q.answer(query)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, out)
		return nil
	}
	return q.lines(ctx, e.stdin, e.stdout)
}

// askService is what ask answers from: the stories of a config, or one
// folder (the embedded seeds when dir is "").
func askService(dir, path, story string) (*commands.Service, error) {
	switch {
	case path != "" && dir != "":
		return nil, usageErrorf("ask: --facts and --config both given: the config names the facts folders")
	case story != "" && path == "":
		return nil, usageErrorf("ask: --story needs --config, whose stories it names")
	case path == "":
		base, _, err := loadBase(dir)
		if err != nil {
			return nil, fmt.Errorf("loading the fact base:\n%w", err)
		}
		return commands.NewService(base, nil), nil
	}
	cfg, err := loadConfig(path)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	if story != "" {
		if _, err := cfg.story(story); err != nil {
			return nil, usageErrorf("ask: --story: %v", err)
		}
	}
	return newService(cfg, slog.New(slog.DiscardHandler))
}

// asking is one run of ask: the service, the story every query asks ("":
// the default one) and the output format.
type asking struct {
	svc           *commands.Service
	story, format string
}

// lines answers one query per input line, one answer per output line in
// JSON; a bad line gets an error object and the rest still run. Queries
// are answered on every core, as the bot answers its users at once, and
// printed in input order: with 200 queries on a large base, answering
// one at a time left a core idle for a sixth of the run.
func (q asking) lines(ctx context.Context, stdin io.Reader, stdout io.Writer) error {
	type answered struct {
		line, out string
		err       error
	}
	workers := runtime.GOMAXPROCS(0)
	pending := make(chan chan answered, workers) // in input order
	busy := make(chan struct{}, workers)
	var readErr error // set before pending is closed
	go func() {
		defer close(pending)
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			if readErr = ctx.Err(); readErr != nil {
				return
			}
			line := sc.Text()
			if strings.TrimSpace(line) == "" {
				continue
			}
			done := make(chan answered, 1)
			pending <- done
			busy <- struct{}{}
			go func() {
				defer func() { <-busy }()
				out, err := q.answer(line)
				done <- answered{line, out, err}
			}()
		}
		if err := sc.Err(); err != nil {
			readErr = fmt.Errorf("reading queries: %w", err)
		}
	}()
	failed := 0
	for done := range pending {
		a := <-done
		if a.err != nil {
			failed++
			a.out = errorLine(a.line, a.err, q.format)
		}
		fmt.Fprintln(stdout, a.out)
	}
	if readErr != nil {
		return readErr
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
func (q asking) answer(query string) (string, error) {
	table := q.svc.Table()
	req, err := table.Parse(query)
	if spec, _ := table.Lookup(req.Command); err == nil && spec.Admin {
		err = commands.OnlyOnDiscord(req.Command)
	}
	if err == nil {
		if q.story != "" && req.Opt(commands.StoryOption) == "" {
			req.Options[commands.StoryOption] = q.story
		}
		var a commands.Answer
		a, err = q.svc.Handle(req)
		if err == nil {
			switch q.format {
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
