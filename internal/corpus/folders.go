package corpus

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// FixedNow is the clock (facts.Options.Now) of tests that compare two
// loads of the same folder whole: when a base was loaded is part of it.
func FixedNow() time.Time { return time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC) }

// ScaledFolder is Scaled(n) as a folder of the caller's own, to add to,
// change and remove from, as reload tests do; it fails tb on an error.
func ScaledFolder(tb testing.TB, n int) fstest.MapFS {
	tb.Helper()
	whole, _, err := Scaled(n)
	if err != nil {
		tb.Fatal(err)
	}
	return maps.Clone(whole.(fstest.MapFS))
}

// HoldBack takes the first n of the scaled-in articles of folder (by name;
// the seeds stay) out of it and returns them, to be added back later, with
// the sorted names of every scaled-in article, for a test to change or
// remove some.
func HoldBack(folder fstest.MapFS, n int) (held fstest.MapFS, articles []string) {
	articles = ScaledArticles(folder)
	held = fstest.MapFS{}
	for _, name := range articles[:n] {
		held[name] = folder[name]
		delete(folder, name)
	}
	return held, articles
}

// ScaledArticles returns the sorted names of the articles of folder that
// Scaled added (not the seeds).
func ScaledArticles(folder fstest.MapFS) []string {
	var articles []string
	for name := range folder {
		if scaledIn(name) {
			articles = append(articles, name)
		}
	}
	slices.Sort(articles)
	return articles
}

// scaledIn tells the articles Scaled adds (the corpus's, the stand-ins and
// their copies) from the seeds.
func scaledIn(name string) bool {
	return original(name) || strings.HasPrefix(name, "copy")
}
