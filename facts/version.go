package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"slices"
	"strings"
	"time"
)

// Version identifies the content a base was built from: a hash of the name
// and bytes of every file read, so replicas serving the same folder report
// the same version, and a changed folder a new one.
func (b *Base) Version() string { return b.version }

// LoadedAt is when the base was built.
func (b *Base) LoadedAt() time.Time { return b.loadedAt }

// contentHash hashes files by name, in name order, whatever order they
// were read in. Each file is hashed once, as it is read; the version is a
// hash of the names and those sums. The files are a list, not a map: a
// load adds the articles in name order, so that sorting them costs little,
// where a map of twenty thousand names cost a reload its inserts and a
// sort of them all.
type contentHash struct {
	files []fileSum
}

type fileSum struct {
	name string
	sum  [sha256.Size]byte
}

// add records a file read, by the SHA-256 of its bytes; a file added again
// counts once, with its last sum.
func (h *contentHash) add(name string, sum [sha256.Size]byte) {
	h.files = append(h.files, fileSum{name, sum})
}

// grow makes room for n more files.
func (h *contentHash) grow(n int) { h.files = slices.Grow(h.files, n) }

// sum returns the first 12 hex digits of a SHA-256 over the files: enough
// to tell versions apart at a glance, short enough to read out.
func (h *contentHash) sum() string {
	// Stable: of a name added twice, the last added stays last.
	slices.SortStableFunc(h.files, func(a, b fileSum) int { return strings.Compare(a.name, b.name) })
	var d hash.Hash = sha256.New()
	for i, f := range h.files {
		if i+1 < len(h.files) && h.files[i+1].name == f.name {
			continue
		}
		d.Write([]byte(f.name))
		d.Write([]byte{0})
		d.Write(f.sum[:])
	}
	return hex.EncodeToString(d.Sum(nil))[:12]
}
