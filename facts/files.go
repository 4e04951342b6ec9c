package facts

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// moreFacts lists facts.d/*.yaml, in name order, so that readFile reads
// them with the same care as the files at the top. A facts.d that is a
// link is refused like any link.
func (l *loader) moreFacts() []string {
	e, ok := l.entries[FactsDir]
	if !ok {
		return nil
	}
	switch {
	case e.Type()&fs.ModeSymlink != 0:
		l.r.errorf(l.path(FactsDir), 0, "is a symbolic link: only a real folder of *.yaml files is read, so that nothing outside the facts folder is")
		return nil
	case !e.IsDir():
		l.r.errorf(l.path(FactsDir), 0, "is not a folder: want a folder of *.yaml files")
		return nil
	}
	entries, err := fs.ReadDir(l.fsys, FactsDir)
	if err != nil {
		l.r.errorf(l.path(FactsDir), 0, "cannot read: %v", reason(err))
		return nil
	}
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".yaml") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		name := FactsDir + "/" + e.Name()
		l.entries[name] = e
		names = append(names, name)
	}
	return names
}

// readFile reads one file at the top of the folder or in facts.d. Only a regular file is
// read: a symbolic link is refused whatever it points to, because following
// it could read a file outside the folder (os.DirFS follows links), and a
// link inside the folder would only show one article twice; a directory, a
// named pipe (whose read would block a reload for ever) or a device is
// refused too, as is a file with more than one hard link, or one over
// MaxFileSize. A file missing from the folder gives an error wrapping
// fs.ErrNotExist; any other error is a sentence for the curator, to follow
// "file: ".
func (l *loader) readFile(name string) ([]byte, error) {
	data, _, err := l.readBytes(name, nil)
	if err == nil {
		l.content.add(name, sha256.Sum256(data))
	}
	return data, err
}

// readBytes is readFile without the record of what was read: it may run
// on several goroutines at once. It reads into buf when buf is large
// enough, and returns the file's information as it was opened.
func (l *loader) readBytes(name string, buf []byte) ([]byte, fs.FileInfo, error) {
	e, ok := l.entries[name]
	if !ok {
		return nil, nil, fs.ErrNotExist
	}
	if err := refusedType(e.Type()); err != nil {
		return nil, nil, err
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read: %v", reason(err))
	}
	defer f.Close()
	// The file may have changed since the folder was listed: what was
	// opened is checked again before it is read.
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read: %v", reason(err))
	}
	if err := refused(st); err != nil {
		return nil, nil, err
	}
	// A file still being written can grow past the limit while it is read.
	// Reading into a buffer of the file's size spares io.ReadAll's growing
	// and copying, which a reload would pay for every article.
	data, err := readAll(io.LimitReader(f, MaxFileSize+1), st.Size(), buf)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read: %v", reason(err))
	}
	if len(data) > MaxFileSize {
		return nil, nil, tooBig(-1)
	}
	return data, st, nil
}

// refusedType is why a folder entry of type t is not read, or nil.
func refusedType(t fs.FileMode) error {
	switch {
	case t&fs.ModeSymlink != 0:
		return errors.New("is a symbolic link: only regular files in the facts folder are read, so that nothing outside it is; put a copy of the file here instead")
	case t.IsDir():
		return errors.New("is a directory, not a file")
	case !t.IsRegular():
		return notRegular(t)
	}
	return nil
}

// refused is why the file st describes is not read, or nil.
func refused(st fs.FileInfo) error {
	if !st.Mode().IsRegular() {
		return notRegular(st.Mode())
	}
	// A hard link is a second name for a file that may live outside the
	// folder (ln /etc/passwd facts/x.txt): nothing tells the two apart, so
	// a file with more than one name is refused, as a symbolic link is.
	if n, ok := linkCount(st); ok && n > 1 {
		return fmt.Errorf("has %d hard links: a file with another name may be a file outside the folder, so only files with one name are read; put a copy of the file here instead", n)
	}
	if st.Size() > MaxFileSize {
		return tooBig(st.Size())
	}
	return nil
}

// notRegular names what a file that is not a regular file is.
func notRegular(m fs.FileMode) error {
	what := "a special file"
	switch {
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("is %s, not a regular file", what)
}

func tooBig(size int64) error {
	if size < 0 {
		return fmt.Errorf("is larger than the %s a file of the facts folder may hold", megabytes(MaxFileSize))
	}
	return fmt.Errorf("is %s, larger than the %s a file of the facts folder may hold", megabytes(size), megabytes(MaxFileSize))
}

// readAll reads r to its end into a buffer sized for size bytes, one more
// so that the end is seen without growing it: buf, when it has room.
func readAll(r io.Reader, size int64, buf []byte) ([]byte, error) {
	if n := int(min(max(size, 0), MaxFileSize) + 1); cap(buf) < n {
		buf = make([]byte, 0, n)
	}
	buf = buf[:0]
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}
