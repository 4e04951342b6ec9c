package facts

import (
	"crypto/sha256"
	"strings"

	"github.com/briefbot/briefbot/facts/extract"
)

// docWork is what reading one article costs most and depends on nothing
// but the article's bytes (and, for dates, its publication date; for the
// first extraction pass, the curated people). A base keeps it so that a
// reload reads again only the articles that changed. Once a load is done
// its docWork is never written again: a later load copies what it reuses.
type docWork struct {
	sum       [sha256.Size]byte // of the file's bytes
	first     *extract.Result   // extraction's passes, with the keys of
	second    *extract.Result   // the people each knew
	firstKey  extract.Key
	secondKey extract.Key
	evPreps   []evPrep // dated story sentences, resolved against published
	published Date
	datesDone bool
	figPreps  []figPrep // the figures worth listing
	figsDone  bool
	people    *peoplePrep // the second pass, made ready
	units     []int32     // the search index's unit id of each sentence
	// mentions are the sentences naming each curated person, found with
	// the people whose names hash to mentionKey.
	mentions     []mentionHit
	mentionKey   [sha256.Size]byte
	mentionsDone bool
	// entries are the extracted items the article yielded, by kind, with
	// their handles in the about: indexes.
	entries [itemKinds][]wordEntry
	kept    bool // this load took the work over from the previous one
	// stamp is the file's as it was read, to tell the next load whether it
	// may skip reading it; bad and badLine are where its first byte that
	// is not UTF-8 is (-1 and 0 when none), for the warning given at every
	// load.
	stamp        fileStamp
	bad, badLine int
	// title is the article's first line, once asked for: the title of an
	// article sources.yaml says nothing of (thousands, in some folders).
	title  string
	titled bool
}

// reusable returns the previous load's article with the same id and the
// same bytes, and with its work, or nil.
func (l *loader) reusable(id string, sum [sha256.Size]byte) *Document {
	prev := l.opts.Previous
	if prev == nil {
		return nil
	}
	d := prev.docByID[id]
	if d == nil || d.work == nil || d.work.sum != sum {
		return nil
	}
	return d
}

// unchanged returns the previous load's article of the file name, with
// its work, and its stamp, when the stamp proves the file the one that
// load read:
// it need not be read again. The file must pass the checks reading it
// would make (readBytes), so that a file become a link, a folder or too
// large is still refused, with readBytes's error.
func (l *loader) unchanged(name string) (*Document, fileStamp) {
	prev := l.opts.Previous
	if prev == nil {
		return nil, fileStamp{}
	}
	d := prev.docByID[strings.TrimSuffix(name, ".txt")]
	e := l.entries[name]
	if d == nil || d.work == nil || e == nil || refusedType(e.Type()) != nil {
		return nil, fileStamp{}
	}
	fi, err := e.Info()
	if err != nil || refused(fi) != nil {
		return nil, fileStamp{}
	}
	s, ok := stampOf(fi)
	if !ok || !d.work.stamp.provesSame(s, prev.readAt) {
		return nil, fileStamp{}
	}
	return d, s
}

// firstLine is firstLine(d.Text), worked out once for the article's bytes
// and kept with its work for the loads after.
func (d *Document) firstLine() string {
	w := d.work
	if w == nil {
		return firstLine(d.Text)
	}
	if !w.titled {
		w.title, w.titled = firstLine(d.Text), true
	}
	return w.title
}

// workOf returns d's work for this load to keep for the next, or nil
// when no load will reuse it (Options.NoReload).
func (b *Base) workOf(d *Document) *docWork {
	if b.noReload {
		return nil
	}
	return d.work
}
