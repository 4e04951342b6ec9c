package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"sort"
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
// hash of the names and those sums, and the sums also tell reload which
// articles are unchanged.
type contentHash struct {
	files map[string][sha256.Size]byte
}

// add records a file read, by the SHA-256 of its bytes.
func (h *contentHash) add(name string, sum [sha256.Size]byte) {
	if h.files == nil {
		h.files = map[string][sha256.Size]byte{}
	}
	h.files[name] = sum
}

// grow makes room for n more files.
func (h *contentHash) grow(n int) {
	if h.files == nil {
		h.files = make(map[string][sha256.Size]byte, n)
	}
}

// of is the SHA-256 of a file add recorded.
func (h *contentHash) of(name string) [sha256.Size]byte { return h.files[name] }

// sum returns the first 12 hex digits of a SHA-256 over the files: enough
// to tell versions apart at a glance, short enough to read out.
func (h *contentHash) sum() string {
	names := make([]string, 0, len(h.files))
	for n := range h.files {
		names = append(names, n)
	}
	sort.Strings(names)
	var d hash.Hash = sha256.New()
	for _, n := range names {
		sum := h.files[n]
		d.Write([]byte(n))
		d.Write([]byte{0})
		d.Write(sum[:])
	}
	return hex.EncodeToString(d.Sum(nil))[:12]
}
