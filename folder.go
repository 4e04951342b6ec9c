package main

import (
	"flag"
	"io"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/seeds"
)

// configFlag reads --config; without it, the defaults apply.
func configFlag(fs *flag.FlagSet) *string {
	return fs.String("config", "", "config file (see config.example.yaml); default: every option at its default")
}

// readConfig reads the config file, or gives the defaults without one.
func readConfig(path string) (config, error) {
	if path == "" {
		return defaultConfig(), nil
	}
	return loadConfig(path)
}

// newFlags is the flag set of a subcommand, whose usage and errors go to
// stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// configured parses the flags of a subcommand that takes no arguments and
// reads the config file its --config (path) names.
func configured(fs *flag.FlagSet, path *string, args []string) (config, error) {
	if err := fs.Parse(args); err != nil {
		return config{}, &exitError{code: 2, err: err, quiet: true}
	}
	if fs.NArg() > 0 {
		return config{}, usageErrorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	cfg, err := readConfig(*path)
	if err != nil {
		return config{}, &exitError{code: 2, err: err}
	}
	return cfg, nil
}

// parseInterspersed parses flags wherever they stand among the arguments, so
// `ask "/who X" --format json` works as well as `ask --format json "/who X"`.
// A bad flag is a usage error, already shown on stderr with the usage.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, &exitError{code: 2, err: err, quiet: true}
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// loadBase loads the facts folder dir, or the embedded seeds when dir is "".
func loadBase(dir string) (*facts.Base, []facts.Problem, error) {
	return loadFolder(dir, facts.Options{NoReload: true}) // the commands that call it exit after
}

// loadFolder is loadBase with load options (a reload while serving reads
// with fewer workers).
func loadFolder(dir string, o facts.Options) (*facts.Base, []facts.Problem, error) {
	if dir == "" {
		return facts.LoadWith(seeds.FS(), seeds.Dir, o)
	}
	return facts.LoadDir(dir, o)
}
