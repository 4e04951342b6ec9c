package bot

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/commands"
)

var (
	firstNames = []string{"Anna", "Ben", "Carla", "Dmitri", "Eve", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kofi", "Lena", "Marta", "Nils", "Olga", "Pavel"}
	lastNames  = []string{"Smith", "Jones", "Okafor", "Novak", "Garcia", "Kowalski", "Haddad", "Tanaka", "Muller", "Rossi", "Silva", "Petrov", "Larsen", "Nguyen", "Dubois", "Cohen"}
)

// syntheticService serves a valid fact base of people and articles, each
// person cited from one article, for benchmarks at scale.
func syntheticService(tb testing.TB, people, articles int) *commands.Service {
	tb.Helper()
	fsys := fstest.MapFS{}
	texts := make([]strings.Builder, articles)
	var yaml, srcs strings.Builder
	yaml.WriteString("people:\n")
	srcs.WriteString("sources:\n")
	for i := range articles {
		fmt.Fprintf(&texts[i], "Article number %d about the story\n\n", i)
		fmt.Fprintf(&srcs, "  - id: article_%d\n    outlet: Outlet %d\n    published: 2025-03-%02d\n    title: Article number %d about the story\n", i, i%40, 1+i%28, i)
	}
	for i := range people {
		name := fmt.Sprintf("%s %s%d", firstNames[i%len(firstNames)], lastNames[(i/len(firstNames))%len(lastNames)], i)
		a := i % articles
		sentence := fmt.Sprintf("%s said something on the record number %d.", name, i)
		texts[a].WriteString(sentence + "\n\n")
		fmt.Fprintf(&yaml, "  - id: p%d\n    name: %s\n    kind: person\n    citations:\n      - source: article_%d\n        quote: %q\n", i, name, a, sentence)
	}
	for i := range articles {
		fsys[fmt.Sprintf("article_%d.txt", i)] = &fstest.MapFile{Data: []byte(texts[i].String())}
	}
	fsys["facts.yaml"] = &fstest.MapFile{Data: []byte(yaml.String())}
	fsys["sources.yaml"] = &fstest.MapFile{Data: []byte(srcs.String())}
	return serviceOf(tb, fsLoader(fsys, "synthetic"))
}
