package facts

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// The fact base under bad edits: a curator's folder caught half-written,
// with an article deleted that is still cited, with links or folders where
// files should be, a huge file or one the bot may not read. Each must give
// a clear error naming the file (and the line, for YAML), no base (so the
// bot keeps serving the old one: tested in bot/), and must read nothing
// outside the folder.

// secret is what the files outside the facts folder hold; it must never
// show in anything a load returns.
const secret = "SECRET-OUTSIDE-THE-FOLDER"

const secondArticle = "Another story\n\nThe bridge opened in May.\n"

// goodFolder writes a folder that loads, with two articles so that one can
// go and the folder still holds an article.
func goodFolder(t *testing.T) (dir, outside string) {
	t.Helper()
	root := t.TempDir()
	dir, outside = filepath.Join(root, "facts"), filepath.Join(root, "outside")
	for _, d := range []string{dir, outside, filepath.Join(outside, "sub")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, dir, "a1.txt", article)
	write(t, dir, "a2.txt", secondArticle)
	write(t, dir, SourcesFile, goodSources+"  - id: a2\n    title: Second\n")
	write(t, dir, FactsFile, goodFacts)
	write(t, outside, "secret.txt", "Headline\n\n"+secret+" said: “Jane Roe, the mayor.”\n")
	write(t, outside, "secret.yaml", "sources:\n  - id: a1\n    title: "+secret+"\n")
	write(t, filepath.Join(outside, "sub"), "inner.txt", secret+"\n")
	return dir, outside
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Remove(link); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// badEdit is a bad edit of a good folder and the errors its load must give.
type badEdit struct {
	name  string
	root  bool // the case needs file permissions to hold (not when running as root)
	edit  func(t *testing.T, dir, outside string)
	want  []string // each must be one of the errors, in full
	wantN int      // how many errors there are
}

// linkEdit puts a symbolic link named link in the folder, to target: a
// path in the folder outside when outsideTarget, else target as written.
// The load must refuse it, as it refuses every link.
func linkEdit(name, link, target string, outsideTarget bool) badEdit {
	return badEdit{name: name,
		edit: func(t *testing.T, dir, outside string) {
			to := target
			if outsideTarget {
				to = filepath.Join(outside, target)
			}
			symlink(t, to, filepath.Join(dir, link))
		},
		want:  []string{"facts/" + link + ": is a symbolic link: only regular files in the facts folder are read, so that nothing outside it is; put a copy of the file here instead"},
		wantN: 1}
}

// TestBadEditsHalfWritten: files caught half-written, and an article
// deleted that is still cited.
func TestBadEditsHalfWritten(t *testing.T) {
	half := strings.Index(goodFacts, "the mayor\"") // inside a quoted string
	checkBadEdits(t, []badEdit{
		{name: "facts.yaml half-written, cut inside a quoted string",
			edit: func(t *testing.T, dir, _ string) { write(t, dir, FactsFile, goodFacts[:half]) },
			want: []string{`facts/facts.yaml:8: malformed YAML: found unexpected end of stream`}, wantN: 1},
		{name: "facts.yaml half-written, cut at the end of a line",
			edit: func(t *testing.T, dir, _ string) {
				write(t, dir, FactsFile, goodFacts[:strings.Index(goodFacts, "    citations:\n      - {source")])
			},
			want: []string{`facts/facts.yaml:10: event council: no citations (every claim needs at least one {source, quote})`}, wantN: 1},
		{name: "sources.yaml half-written",
			edit: func(t *testing.T, dir, _ string) {
				write(t, dir, SourcesFile, "sources:\n  - id: a1\n    title: \"Test st")
			},
			want: []string{`facts/sources.yaml:3: malformed YAML: found unexpected end of stream`}, wantN: 1},
		{name: "article half-written, the cited sentence not there yet",
			edit: func(t *testing.T, dir, _ string) {
				write(t, dir, "a1.txt", article[:strings.Index(article, "The council")])
			},
			want: []string{`facts/facts.yaml:14: event council: quote not found in facts/a1.txt: "The council met in March."`}, wantN: 1},
		{name: "article deleted but still cited",
			edit: func(t *testing.T, dir, _ string) { rm(t, filepath.Join(dir, "a1.txt")) },
			want: []string{
				`facts/sources.yaml:2: article file a1.txt not found for source "a1"`,
				`facts/facts.yaml:7: person roe: unknown source "a1" (no a1.txt in the folder)`,
				`facts/facts.yaml:14: event council: unknown source "a1" (no a1.txt in the folder)`,
			}, wantN: 3},
	})
}

// TestBadEditsLinks: links, symbolic or hard, where files should be; every
// one is refused, so that nothing outside the folder is read.
func TestBadEditsLinks(t *testing.T) {
	checkBadEdits(t, []badEdit{
		linkEdit("article that is a symbolic link out of the folder", "leak.txt", "secret.txt", true),
		linkEdit("article that is a relative link up and out", "a1.txt", "../outside/secret.txt", false),
		linkEdit("sources.yaml that is a symbolic link out of the folder", SourcesFile, "secret.yaml", true),
		linkEdit("a *.txt link to a folder outside", "more.txt", "sub", true),
		linkEdit("a link inside the folder (refused too: every link is)", "copy.txt", "a1.txt", false),
		{name: "article that is a hard link to a file outside the folder",
			edit: func(t *testing.T, dir, outside string) {
				if err := os.Link(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "leak.txt")); err != nil {
					t.Skipf("hard links: %v", err)
				}
			},
			want: []string{`facts/leak.txt: has 2 hard links: a file with another name may be a file outside the folder, so only files with one name are read; put a copy of the file here instead`}, wantN: 1},
	})
}

// TestBadEditsWrongFiles: folders where files should be, files over the
// size limit, and files or a folder the bot may not read.
func TestBadEditsWrongFiles(t *testing.T) {
	checkBadEdits(t, []badEdit{
		{name: "a *.txt that is a directory",
			edit: func(t *testing.T, dir, _ string) { mkdir(t, filepath.Join(dir, "drafts.txt")) },
			want: []string{`facts/drafts.txt: is a directory, not a file`}, wantN: 1},
		{name: "facts.yaml that is a directory",
			edit: func(t *testing.T, dir, _ string) {
				rm(t, filepath.Join(dir, FactsFile))
				mkdir(t, filepath.Join(dir, FactsFile))
			},
			want: []string{`facts/facts.yaml: is a directory, not a file`}, wantN: 1},
		{name: "a 100 MB article (sparse: cheap to make, and never read)",
			edit: func(t *testing.T, dir, _ string) {
				write(t, dir, "big.txt", "")
				if err := os.Truncate(filepath.Join(dir, "big.txt"), 100<<20); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{`facts/big.txt: is 100 MB, larger than the 10 MB a file of the facts folder may hold`}, wantN: 1},
		{name: "a facts.yaml just over the limit",
			edit: func(t *testing.T, dir, _ string) {
				if err := os.Truncate(filepath.Join(dir, FactsFile), MaxFileSize+1); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{`facts/facts.yaml: is 10.0 MB, larger than the 10 MB a file of the facts folder may hold`}, wantN: 1},
		{name: "an article the bot may not read", root: true,
			edit: func(t *testing.T, dir, _ string) { chmod(t, filepath.Join(dir, "a2.txt"), 0) },
			want: []string{`facts/a2.txt: cannot read: permission denied`}, wantN: 1},
		{name: "a facts.yaml the bot may not read", root: true,
			edit: func(t *testing.T, dir, _ string) { chmod(t, filepath.Join(dir, FactsFile), 0) },
			want: []string{`facts/facts.yaml: cannot read: permission denied`}, wantN: 1},
		{name: "a folder the bot may not list", root: true,
			edit: func(t *testing.T, dir, _ string) { chmod(t, dir, 0o311) },
			want: []string{`facts: cannot read the facts folder: permission denied`}, wantN: 1},
	})
}

// checkBadEdits makes each bad edit in a real folder and loads it through
// os.DirFS, the file system that follows symbolic links, so that the
// loader's own checks are what keeps the load inside the folder.
func checkBadEdits(t *testing.T, tests []badEdit) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.root && os.Geteuid() == 0 {
				// Root reads whatever the permissions say, so the edit
				// would not be bad; TestLoadUnreadable covers the
				// error with a file system that refuses.
				t.Skip("running as root, which reads files whatever their permissions")
			}
			dir, outside := goodFolder(t)
			tt.edit(t, dir, outside)
			spy := newSpy(os.DirFS(dir))
			b, warns, err := Load(spy, "facts")
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("Load err = %v, want a *LoadError", err)
			}
			if b != nil {
				t.Error("a base was returned with errors: the broken folder would be served")
			}
			got := map[string]bool{}
			for _, p := range le.Problems {
				got[p.String()] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("errors:\n%s\nwant one that is\n%s", le, w)
				}
			}
			if len(le.Problems) != tt.wantN {
				t.Errorf("%d errors, want %d:\n%s", len(le.Problems), tt.wantN, le)
			}
			if all := le.Error() + problemsText(warns); strings.Contains(all, secret) {
				t.Errorf("what the load returned shows a file outside the folder:\n%s", all)
			}
			checkStayedInside(t, dir, spy)
		})
	}
}

// checkStayedInside checks that a load opened no link (which os.DirFS
// would follow, possibly out of the folder) and read nothing of a file
// over the size limit.
func checkStayedInside(t *testing.T, dir string, spy *spyFS) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return // an unlistable folder: nothing in it was opened either
	}
	for _, e := range entries {
		name := e.Name()
		if e.Type()&fs.ModeSymlink != 0 && spy.opened[name] {
			t.Errorf("the load opened the link %s", name)
		}
		if info, err := e.Info(); err == nil && info.Size() > MaxFileSize && spy.read[name] > 0 {
			t.Errorf("the load read %d bytes of %s, which is over the limit", spy.read[name], name)
		}
	}
}

func problemsText(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func rm(t *testing.T, name string) {
	t.Helper()
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, name string) {
	t.Helper()
	if err := os.Mkdir(name, 0o755); err != nil {
		t.Fatal(err)
	}
}

// chmod changes a mode for the test and restores it after, so that the
// temporary folder can be removed.
func chmod(t *testing.T, name string, mode fs.FileMode) {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(name, info.Mode().Perm()) })
}

// TestBadEditsHarmless checks what must not be an error: the lock file an
// editor keeps next to a file it has open (Emacs's ".#a1.txt" is a link to
// nowhere), and a sub-folder that is not named like an article.
func TestBadEditsHarmless(t *testing.T) {
	dir, _ := goodFolder(t)
	symlink(t, "curator@host.1234:1700000000", filepath.Join(dir, ".#a1.txt"))
	mkdir(t, filepath.Join(dir, "drafts"))
	write(t, filepath.Join(dir, "drafts"), "next.txt", "Not yet an article\n")
	spy := newSpy(os.DirFS(dir))
	b, _, err := Load(spy, "facts")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(b.Docs()) != 2 {
		t.Errorf("%d articles, want a1 and a2", len(b.Docs()))
	}
	checkStayedInside(t, dir, spy)
}

// TestBadEditsEveryCut cuts facts.yaml and sources.yaml at every byte, as
// a reload could catch a file being saved, and checks every load against
// checkLoad: a base, or errors with file:line and no base.
func TestBadEditsEveryCut(t *testing.T) {
	for _, name := range []string{FactsFile, SourcesFile} {
		full := map[string]string{FactsFile: goodFacts, SourcesFile: goodSources}[name]
		for n := 0; n <= len(full); n++ {
			files := map[string][]byte{"a1.txt": []byte(article), FactsFile: []byte(goodFacts), SourcesFile: []byte(goodSources)}
			files[name] = []byte(full[:n])
			checkLoad(t, files)
		}
	}
}

// TestLoadUnreadable gives each file that cannot be read with a file system
// made for it, so that the cases run anywhere, as root too.
func TestLoadUnreadable(t *testing.T) {
	good := func() fstest.MapFS {
		return folder(map[string]string{"a1.txt": article, "sources.yaml": goodSources, "facts.yaml": goodFacts})
	}
	pipe := good()
	pipe["feed.txt"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	dev := good()
	dev["tty.txt"] = &fstest.MapFile{Mode: fs.ModeDevice | fs.ModeCharDevice}
	grows := good()
	grows["grows.txt"] = &fstest.MapFile{Data: []byte("0123456789")}
	tests := []struct {
		name string
		fsys fs.FS
		want string
	}{
		{"permission denied", refuseFS{good(), "a1.txt"}, `dir/a1.txt: cannot read: permission denied`},
		{"permission denied on facts.yaml", refuseFS{good(), FactsFile}, `dir/facts.yaml: cannot read: permission denied`},
		{"permission denied on the folder", refuseFS{good(), "."}, `dir: cannot read the facts folder: permission denied`},
		{"a named pipe, whose read would block the reload", pipe, `dir/feed.txt: is a named pipe, not a regular file`},
		{"a device", dev, `dir/tty.txt: is a device, not a regular file`},
		{"a file that grows past the limit while it is read", growingFS{grows, "grows.txt"}, `dir/grows.txt: is larger than the 10 MB a file of the facts folder may hold`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, err := Load(tt.fsys, "dir")
			var le *LoadError
			if !errors.As(err, &le) || b != nil {
				t.Fatalf("Load = %v, %v; want no base and a *LoadError", b != nil, err)
			}
			if len(le.Problems) != 1 || le.Problems[0].String() != tt.want {
				t.Errorf("errors:\n%s\nwant only\n%s", le, tt.want)
			}
		})
	}
}
