package facts

import (
	"crypto/sha256"
	"io/fs"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/internal/pool"
	"github.com/briefbot/briefbot/facts/prose"
)

// articleRead is one *.txt as read, before it becomes a Document.
type articleRead struct {
	name  string
	err   error
	sum   [sha256.Size]byte
	prior *Document // the previous load's, when the bytes are the same
	stamp fileStamp // as the file was read, or as trusted unread
	text  string
	sents []prose.Sentence
	bad   int // offset of the first byte that is not UTF-8, or -1
	line  int // and its line
}

// readArticles reads every *.txt at the top of the folder, in name order.
// A name starting with "." is not an article: editors keep lock and swap
// files there while a file is open (Emacs's ".#a.txt" is a symbolic link to
// nowhere), and a reload must not trip over them. Files are read, hashed
// and split on workers goroutines; what is reported is reported in name
// order.
func (l *loader) readArticles(workers int) []*Document {
	entries, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		l.r.errorf(l.dir, 0, "cannot read the facts folder: %v", reason(err))
		return nil
	}
	l.entries = make(map[string]fs.DirEntry, len(entries))
	var names []string
	for _, e := range entries {
		l.entries[e.Name()] = e
		if strings.HasSuffix(e.Name(), ".txt") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	// One array of documents and one of their work: thousands of
	// allocations less at every reload.
	all := make([]Document, len(names))
	works := make([]docWork, len(names))
	read := l.readAll(names, workers, works)
	docs := make([]*Document, 0, len(read))
	l.content.grow(len(read))
	prevDir := l.opts.Previous != nil && l.opts.Previous.dir == l.dir
	for i, a := range read {
		var file string
		if a.prior != nil && prevDir {
			file = a.prior.File // the same path.Join: one string less each
		} else {
			file = l.path(a.name)
		}
		id := strings.TrimSuffix(a.name, ".txt")
		if a.err != nil {
			l.r.errorf(file, 0, "%v", a.err)
			if l.unread == nil {
				l.unread = map[string]bool{}
			}
			l.unread[id] = true
			continue
		}
		if a.bad >= 0 {
			l.r.warnf(file, a.line, "byte offset %d is not valid UTF-8: invalid bytes read as Windows-1252", a.bad)
		}
		l.content.add(a.name, a.sum)
		d := &all[i]
		d.ID, d.File, d.work = id, file, &works[i]
		if a.prior != nil {
			d.Text, d.Sentences = a.prior.Text, a.prior.Sentences
		} else {
			d.Text, d.Sentences = a.text, a.sents
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 && len(l.r.errs) == 0 {
		l.r.errorf(l.dir, 0, "no articles: the folder holds no *.txt file")
	}
	return docs
}

// readAll reads the articles of names on workers goroutines, and makes
// each one's work in works, where it was read: copying the previous
// load's work of twenty thousand unchanged articles is most of a reload's
// reading, and is shared by the cores too.
func (l *loader) readAll(names []string, workers int, works []docWork) []articleRead {
	// The bytes of an article are not kept (its text is a copy, or the
	// previous base's): each worker reads into one buffer, so that a
	// reload of thousands of unchanged articles allocates for none.
	bufs := sync.Pool{New: func() any { return new([]byte) }}
	read := make([]articleRead, len(names))
	pool.Each(len(names), workers, func(i int) {
		buf := bufs.Get().(*[]byte)
		defer bufs.Put(buf)
		a := l.readArticle(names[i], buf)
		read[i] = a
		if a.err != nil {
			return
		}
		w := &works[i]
		if a.prior != nil {
			*w = *a.prior.work // the new base's own copy: prior's stays as it was
			w.kept = true
		} else {
			w.sum = a.sum
		}
		w.stamp, w.bad, w.badLine = a.stamp, a.bad, a.line
	})
	return read
}

// readArticle reads, hashes and, unless the previous load read the same
// bytes, decodes and splits one article, into *buf. An article whose stamp
// proves it unchanged since the previous load is not read at all. It only
// reads the loader.
func (l *loader) readArticle(name string, buf *[]byte) articleRead {
	a := articleRead{name: name, bad: -1}
	if prev, stamp := l.unchanged(name); prev != nil {
		w := prev.work
		a.sum, a.prior, a.stamp, a.bad, a.line = w.sum, prev, stamp, w.bad, w.badLine
		return a
	}
	raw, st, err := l.readBytes(name, *buf)
	if err != nil {
		a.err = err
		return a
	}
	*buf = raw
	a.stamp, _ = stampOf(st)
	a.sum = sha256.Sum256(raw)
	if a.prior = l.reusable(strings.TrimSuffix(name, ".txt"), a.sum); a.prior != nil {
		if !utf8.Valid(raw) { // the warning is given at every load
			_, a.bad = decodeText(raw)
		}
	} else {
		a.text, a.bad = decodeText(raw) // a copy
		a.sents = prose.Split(a.text)
	}
	if a.bad >= 0 {
		a.line = lineAt(raw, a.bad)
	}
	return a
}
