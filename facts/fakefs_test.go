package facts

import (
	"errors"
	"io/fs"
	"sync"
	"testing/fstest"
	"time"
)

// The file systems the bad-edit tests load through: one that records what
// a load touched, and ones that refuse a file or make it grow.

// spyFS records every name opened in a file system and the bytes read
// from each, to show what a load touched.
type spyFS struct {
	fsys   fs.FS
	mu     sync.Mutex
	opened map[string]bool
	read   map[string]int
}

func newSpy(fsys fs.FS) *spyFS {
	return &spyFS{fsys: fsys, opened: map[string]bool{}, read: map[string]int{}}
}

func (s *spyFS) Open(name string) (fs.File, error) {
	s.mu.Lock()
	s.opened[name] = true
	s.mu.Unlock()
	f, err := s.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return &spyFile{File: f, name: name, s: s}, nil
}

type spyFile struct {
	fs.File
	name string
	s    *spyFS
}

func (f *spyFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.s.mu.Lock()
	f.s.read[f.name] += n
	f.s.mu.Unlock()
	return n, err
}

// ReadDir passes a directory listing through (the loader lists the folder).
func (f *spyFile) ReadDir(n int) ([]fs.DirEntry, error) {
	d, ok := f.File.(fs.ReadDirFile)
	if !ok {
		return nil, errors.New("not a directory")
	}
	return d.ReadDir(n)
}

// refuseFS refuses to open one name, as a file system does for a file the
// process may not read.
type refuseFS struct {
	fs.FS
	name string
}

func (r refuseFS) Open(name string) (fs.File, error) {
	if name == r.name {
		return nil, &fs.PathError{Op: "open", Path: "/srv/facts/" + name, Err: fs.ErrPermission}
	}
	return r.FS.Open(name)
}

// growingFS holds one file that says it is small but whose content goes on
// and on, like a log still being written.
type growingFS struct {
	fstest.MapFS
	name string
}

func (g growingFS) Open(name string) (fs.File, error) {
	if name == g.name {
		return growingFile{}, nil
	}
	return g.MapFS.Open(name)
}

type growingFile struct{}

func (growingFile) Stat() (fs.FileInfo, error) { return smallInfo{}, nil }
func (growingFile) Close() error               { return nil }
func (growingFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

type smallInfo struct{}

func (smallInfo) Name() string       { return "grows.txt" }
func (smallInfo) Size() int64        { return 10 }
func (smallInfo) Mode() fs.FileMode  { return 0o644 }
func (smallInfo) ModTime() time.Time { return time.Time{} }
func (smallInfo) IsDir() bool        { return false }
func (smallInfo) Sys() any           { return nil }
