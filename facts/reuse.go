package facts

import (
	"crypto/sha256"

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
}

// reusable returns the previous load's work on an article with the same
// id and the same bytes, or nil.
func (l *loader) reusable(id string, sum [sha256.Size]byte) *docWork {
	prev := l.opts.Previous
	if prev == nil {
		return nil
	}
	d := prev.docByID[id]
	if d == nil || d.work == nil || d.work.sum != sum {
		return nil
	}
	return d.work
}
