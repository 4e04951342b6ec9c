package commands

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// about reports what this replica serves: the program's version, and the
// fact base's version (a hash of its files), size, load time and as-of
// date, so replicas behind a load balancer can be compared at a glance.
func about(b *facts.Base, req Request) (Answer, error) {
	a, _ := newAnswer(b, req)
	a.Title = "About this briefbot"
	add := func(label, text string) { a.Items = append(a.Items, Item{Label: label, Text: text}) }
	add("program", buildVersion())
	add("fact base version", b.Version())
	add("articles", fmt.Sprint(len(b.Docs())))
	if !b.LoadedAt().IsZero() {
		add("loaded at", b.LoadedAt().UTC().Format(time.RFC3339))
	}
	if !b.AsOf().IsZero() {
		add("as of", b.AsOf().Human())
	}
	return *a, nil
}

// buildVersion names the running binary: its module version and, when it
// was built from a git checkout, the commit.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if len(s.Value) > 12 {
				v += " " + s.Value[:12]
			} else {
				v += " " + s.Value
			}
		case "vcs.modified":
			if s.Value == "true" {
				v += " (modified)"
			}
		}
	}
	return v
}
