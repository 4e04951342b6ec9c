package main

import (
	"bytes"
	"context"
	"encoding/json"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/seeds"
)

func runT(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(stdin), &out, &errb)
	if err != nil {
		code = exitCode(err)
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), code
}

// askJSON asks q of the fact folder dir through the command line and
// decodes the JSON answer.
func askJSON(t *testing.T, dir, q string) map[string]any {
	t.Helper()
	out, errs, code := runT(t, "", "ask", "--facts", dir, "--format", "json", q)
	if code != 0 {
		t.Fatalf("ask %q: exit %d: %s", q, code, errs)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("ask %q: %v", q, err)
	}
	return v
}

func TestCLI(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		inOut    string // must appear on stdout
		inStderr string // must appear on stderr
	}{
		{"who", []string{"ask", "/who Witkoff"}, "", 0, "Witkoff", ""},
		{"flags after query", []string{"ask", "/help", "--format", "json"}, "", 0, `"command":"help"`, ""},
		{"no command", nil, "", 2, "", "usage:"},
		{"unknown command", []string{"frobnicate"}, "", 2, "", `unknown command "frobnicate"`},
		{"unknown slash command", []string{"ask", "/frob"}, "", 2, "", "unknown command /frob"},
		{"empty query", []string{"ask", "  "}, "", 2, "", "no query given"},
		{"huge query", []string{"ask", strings.Repeat("x", 10000)}, "", 2, "", "query too long"},
		{"bad format", []string{"ask", "--format", "xml", "/help"}, "", 2, "", "want text or json"},
		{"missing facts dir", []string{"ask", "--facts", "/nonexistent/dir", "/help"}, "", 1, "", "facts folder"},
		{"stdin", []string{"ask", "--format", "json", "-"}, "/who Healey\n\n/frob\nsources\n", 2, `"command":"sources"`, "1 queries failed"},
		{"check seeds", []string{"check"}, "", 0, "ok: 5 articles", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runT(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			if !strings.Contains(out, tt.inOut) {
				t.Errorf("stdout %q lacks %q", out, tt.inOut)
			}
			if !strings.Contains(errs, tt.inStderr) {
				t.Errorf("stderr %q lacks %q", errs, tt.inStderr)
			}
		})
	}
}

func TestAskStdinOneLineEach(t *testing.T) {
	out, _, _ := runT(t, "/who Healey\n/frob\nsources\n", "ask", "--format", "json", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Errorf("line is not JSON: %v: %s", err, l)
		}
	}
}

func TestCheckReportsErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Some article text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "facts.yaml"), []byte("people:\n  - id: x\n    name: X\n    colour: red\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runT(t, "", "check", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{dir + "/facts.yaml:4: unknown field \"colour\"", dir + "/facts.yaml:2: person x: no citations", "warning: " + dir + "/a.txt: no metadata"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s%s", want, out, errs)
		}
	}
}

// TestNoStoryInCode keeps the story in data: no name, source id or date of
// the seed story may appear in the comments or string literals of Go code
// outside tests. (Identifiers are left alone: a Go name such as os.Signal
// may share its spelling with a name in a story.)
func TestNoStoryInCode(t *testing.T) {
	b, _, err := facts.Load(seeds.FS(), seeds.Dir)
	if err != nil {
		t.Fatal(err)
	}
	var banned []string
	for _, p := range b.People() {
		if p.Extracted {
			continue
		}
		for _, n := range p.Names() {
			if len(n) >= 4 {
				banned = append(banned, n)
			}
		}
	}
	for _, d := range b.Docs() {
		banned = append(banned, d.ID, d.Published.String())
	}
	for _, e := range b.Events() {
		if !e.Extracted {
			banned = append(banned, e.Date.String())
		}
	}
	err = filepath.WalkDir(".", func(path string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		var sc scanner.Scanner
		sc.Init(fset.AddFile(path, -1, len(src)), src, nil, scanner.ScanComments)
		for {
			pos, tok, lit := sc.Scan()
			if tok == token.EOF {
				break
			}
			if tok != token.COMMENT && tok != token.STRING && tok != token.CHAR {
				continue
			}
			for _, s := range banned {
				if strings.Contains(lit, s) {
					t.Errorf("%s: %q from the seed story; the story belongs in seeds/*.yaml", fset.Position(pos), s)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
