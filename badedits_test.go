package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckBadEdits runs `briefbot check` (and so loadBase, which the bot's
// reload uses too) on folders a curator broke, through the real file
// system: each gives exit 1 and an error naming the file, and nothing of a
// file outside the folder shows. facts/badedits_test.go covers each bad
// edit in detail; this checks the wiring, and that a folder reached through
// a link of its own (a common way to swap a deployed folder) still loads.
func TestCheckBadEdits(t *testing.T) {
	const secret = "SECRET-OUTSIDE-THE-FOLDER"
	tests := []struct {
		name string
		edit func(t *testing.T, dir, outside string) string // returns the folder to check
		code int
		want string
	}{
		{"good folder", func(t *testing.T, dir, _ string) string { return dir }, 0, "ok: 1 articles"},
		{"folder reached through a link", func(t *testing.T, dir, outside string) string {
			l := filepath.Join(outside, "current")
			symlinkOrSkip(t, dir, l)
			return l
		}, 0, "ok: 1 articles"},
		{"article linked from outside", func(t *testing.T, dir, outside string) string {
			symlinkOrSkip(t, filepath.Join(outside, "secret.txt"), filepath.Join(dir, "leak.txt"))
			return dir
		}, 1, "/facts/leak.txt: is a symbolic link"},
		{"relative link up and out", func(t *testing.T, dir, _ string) string {
			symlinkOrSkip(t, "../outside/secret.txt", filepath.Join(dir, "leak.txt"))
			return dir
		}, 1, "/facts/leak.txt: is a symbolic link"},
		{"100 MB article", func(t *testing.T, dir, _ string) string {
			writeFile(t, filepath.Join(dir, "big.txt"), "")
			if err := os.Truncate(filepath.Join(dir, "big.txt"), 100<<20); err != nil {
				t.Fatal(err)
			}
			return dir
		}, 1, "/facts/big.txt: is 100 MB, larger than the 10 MB"},
		{"truncated sources.yaml", func(t *testing.T, dir, _ string) string {
			writeFile(t, filepath.Join(dir, "sources.yaml"), "sources:\n  - id: a1\n    title: \"Sto")
			return dir
		}, 1, "/facts/sources.yaml:3: malformed YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, outside := brokenFolder(t, secret)
			folder := tt.edit(t, dir, outside)
			out, errs, code := runT(t, "", "check", folder)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("check: exit %d, want %d; stdout:\n%s\nwant it to contain %q", code, tt.code, out, tt.want)
			}
			if strings.Contains(out+errs, secret) {
				t.Errorf("check shows a file outside the folder:\n%s%s", out, errs)
			}
		})
	}
}

// brokenFolder makes a facts folder of one article and, beside it, a
// folder outside it holding a file that says secret, for a test to break
// the first with links and files into the second.
func brokenFolder(t *testing.T, secret string) (dir, outside string) {
	t.Helper()
	root := t.TempDir()
	dir, outside = filepath.Join(root, "facts"), filepath.Join(root, "outside")
	for _, d := range []string{dir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "a1.txt"), "Headline\n\nJane Roe said: “We will build the bridge.”\n")
	writeFile(t, filepath.Join(dir, "sources.yaml"), "sources:\n  - id: a1\n    title: Story\n    published: 2024-05-02\n")
	writeFile(t, filepath.Join(outside, "secret.txt"), "Headline\n\n"+secret+" said: “Hello.”\n")
	return dir, outside
}

// symlinkOrSkip links name to target, or skips t where links cannot be made.
func symlinkOrSkip(t *testing.T, target, name string) {
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
