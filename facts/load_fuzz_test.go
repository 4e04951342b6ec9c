package facts

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"go.yaml.in/yaml/v3"
)

// FuzzLoad feeds arbitrary facts.yaml and sources.yaml bytes, next to a
// fixed article, to Load, and checks the loader's contract with a curator
// (see checkLoad): either a base whose every curated citation is a verbatim
// span of its article matching a quote the YAML gives, or no base and a
// *LoadError whose every problem is located as `file:line` in the file it
// concerns. A panic, a hang, a problem without a file or pointing past the
// end of its file, or a base built from a broken folder all fail.
func FuzzLoad(f *testing.F) {
	seeds := [][2]string{
		{goodFacts, goodSources},
		{"", ""},
		{"people:\n  - id: roe\n    name: Jane: Roe\n", goodSources},
		{goodFacts[:len(goodFacts)/2], goodSources[:len(goodSources)/2]},
		{goodFacts + "---\npeople: []\n", goodSources + "...\n"},
		{goodFacts + "quotes:\n  - speaker: roe\n    source: a1\n    quote: We will build the bridge.\n    date: 2024-04\n", goodSources},
		{"points:\n  - text: x\n    citations: [{source: a1, quote: \"“We will build\"}]\n", "sources: []\n"},
		{"people: &p\n  - id: a\n    name: A\n    citations: *p\n", "sources:\n  - *x\n"},
		{"figures:\n  - {id: f1, value: '1', citations: [{source: zz, quote: ''}]}\n", "sources:\n  - id: a1\n    published: 2024-W53\n"},
		{"events:\n- id: E\n  date: 2024-02-30\n  text: t\n  people: [nobody]\n  citations: [{source: a1, quote: council}]\n", "\xff\xfe\x00s"},
		{"people:\n  - id: a\n    name: \"Roe\"\n    aliases: Roe\n    citations: [{source: a1, quote: \"Jane  Roe,\\nthe mayor\"}]\n", "sources:\n\t- id: a1\n"},
	}
	for _, s := range seeds {
		f.Add([]byte(s[0]), []byte(s[1]))
	}
	f.Fuzz(func(t *testing.T, factsData, sourcesData []byte) {
		files := map[string][]byte{"a1.txt": []byte(article), FactsFile: factsData, SourcesFile: sourcesData}
		// A reload must end: a runaway input (the loader is linear in
		// what it reads, and fuzz inputs are small) crashes the worker,
		// which makes the fuzzer keep it.
		timer := time.AfterFunc(5*time.Second, func() { panic("Load took over 5 s") })
		defer timer.Stop()
		checkLoad(t, files)
	})
}

// checkLoad loads a folder of files (as "dir") and checks what Load
// promises whatever the files hold:
//
//   - a base exactly when there is no error, and then a *LoadError listing
//     at least one problem (a broken folder is never served);
//   - every problem, error or warning, names the folder or one of its files
//     as "dir/name", and its message is one line, since `briefbot check` and
//     /reload print one problem a line;
//   - every error in a YAML file has a line in that file (1 to its number of
//     lines), the `file:line` a curator goes to: the loader walks the YAML
//     by hand for this, and the YAML library's own errors are given a line
//     too; a warning's line is 0 (the whole file) or in the file;
//   - in a base, every curated citation is a non-empty span of an article
//     of the base and, folded as the loader folds quotes, is one of the
//     quotes the YAML gives: what is shown is verbatim and is what the
//     curator cited;
//   - loading again gives the same problems in the same order, so that
//     `check` output can be compared between runs.
func checkLoad(t *testing.T, files map[string][]byte) (*Base, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	b, warns, err := Load(fsys, "dir")
	var le *LoadError
	switch {
	case err == nil && b == nil:
		t.Fatal("Load returned neither a base nor an error")
	case err != nil && b != nil:
		t.Fatalf("Load returned a base and an error: %v", err)
	case err != nil && !errors.As(err, &le):
		t.Fatalf("Load error %T is not a *LoadError: %v", err, err)
	case le != nil && len(le.Problems) == 0:
		t.Fatal("Load returned a *LoadError without problems")
	}
	lines := map[string]int{"dir": 0}
	for name, data := range files {
		lines["dir/"+name] = countLines(data, strings.HasSuffix(name, ".yaml"))
	}
	check := func(kind string, p Problem) {
		n, ok := lines[p.File]
		switch {
		case !ok:
			t.Fatalf("%s %q: file %q is not the folder or one of its files", kind, p, p.File)
		case p.Msg == "" || strings.ContainsAny(p.Msg, "\r\n"):
			t.Fatalf("%s %q: message empty or not one line", kind, p)
		case p.Line < 0 || p.Line > n:
			t.Fatalf("%s %q: line %d outside the file's %d lines", kind, p, p.Line, n)
		case kind == "error" && p.Line == 0 && strings.HasSuffix(p.File, ".yaml"):
			t.Fatalf("error %q in a YAML file has no line", p)
		}
	}
	for _, w := range warns {
		check("warning", w)
	}
	if le != nil {
		for _, p := range le.Problems {
			check("error", p)
		}
	}
	if b != nil {
		checkCitations(t, b, yamlQuotes(files[FactsFile]))
	}
	b2, warns2, err2 := Load(fsys, "dir")
	if fmt.Sprint(err2, warns2) != fmt.Sprint(err, warns) || (b2 == nil) != (b == nil) {
		t.Fatalf("a second load differs:\n%v %v\nthen\n%v %v", err, warns, err2, warns2)
	}
	return b, err
}

// countLines counts the lines of a file as an editor would: a line break
// ends a line, and whatever follows the last one is one more. In YAML, CR
// alone, CR LF and the Unicode line separators break lines too, and the
// YAML library numbers lines so; elsewhere only LF does.
func countLines(data []byte, yamlBreaks bool) int {
	s := string(data)
	if yamlBreaks {
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
	}
	return strings.Count(s, "\n") + 1
}

// checkCitations checks that every curated citation of b is a non-empty span
// of one of b's articles whose folded text is one of quotes.
func checkCitations(t *testing.T, b *Base, quotes map[string]bool) {
	t.Helper()
	docs := map[*Document]bool{}
	for _, d := range b.Docs() {
		docs[d] = true
	}
	cite := func(what string, c Citation) {
		if c.Doc == nil || !docs[c.Doc] {
			t.Fatalf("%s: citation of an article not in the base", what)
		}
		if c.Start < 0 || c.Start >= c.End || c.End > len(c.Doc.Text) {
			t.Fatalf("%s: citation [%d,%d) outside %s (%d bytes) or empty", what, c.Start, c.End, c.Doc.ID, len(c.Doc.Text))
		}
		if q := foldQuote(c.Quote()); !quotes[q] {
			t.Fatalf("%s: cited text %q is none of the quotes of %s", what, c.Quote(), FactsFile)
		}
	}
	curated := func(what string, extracted bool, cs []Citation) {
		if !extracted {
			for _, c := range cs {
				cite(what, c)
			}
		}
	}
	for _, p := range b.People() {
		curated("person "+p.ID, p.Extracted, p.Citations)
	}
	for _, e := range b.Events() {
		curated("event "+e.ID, e.Extracted, e.Citations)
	}
	for _, g := range b.Figures() {
		curated("figure "+g.ID, g.Extracted, g.Citations)
	}
	for i, p := range b.Points() {
		curated(fmt.Sprintf("point %d", i+1), false, p.Citations)
	}
	for i, q := range b.Quotes() {
		curated(fmt.Sprintf("quote %d", i+1), q.Extracted, []Citation{q.Cite})
	}
}

// yamlQuotes returns, folded, the text of every "quote" key of a YAML file,
// wherever it stands; nil when the file does not parse.
func yamlQuotes(data []byte) map[string]bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil
	}
	out := map[string]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k, v := n.Content[i], n.Content[i+1]; k.Value == "quote" && v.Kind == yaml.ScalarNode {
					out[foldQuote(strings.TrimSpace(v.Value))] = true
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	return out
}
