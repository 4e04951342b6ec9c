package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// runDraft prints a facts.yaml fragment extracted from one article.
func runDraft(_ context.Context, e env) error {
	fs := e.flags
	dir := fs.String("facts", "", "facts folder whose people the draft refers to (default: the embedded seed base)")
	pub := fs.String("published", "", "the article's publication date, YYYY-MM-DD, to resolve \"on Monday\" and the like")
	rest, err := parseInterspersed(fs, e.args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErrorf("draft: give one article file, e.g. briefbot draft new-article.txt")
	}
	raw, err := os.ReadFile(rest[0])
	if err != nil {
		return fmt.Errorf("draft: %w", err)
	}
	base, _, err := loadBase(*dir)
	if err != nil {
		return fmt.Errorf("loading the fact base:\n%w", err)
	}
	id := strings.TrimSuffix(filepath.Base(rest[0]), ".txt")
	var published time.Time
	switch {
	case *pub != "":
		d, err := facts.ParseDate(*pub)
		if err != nil || d.Granularity() != facts.Day {
			return usageErrorf("draft: --published %q: want YYYY-MM-DD", *pub)
		}
		published = d.Start()
	case base.Doc(id) != nil && !base.Doc(id).Published.IsZero():
		published = base.Doc(id).Published.Start()
	}
	_, err = e.stdout.Write(facts.Draft(base, id, raw, published))
	return err
}
