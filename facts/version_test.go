package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"testing"
)

// TestContentHashAsMap: the version made from the list of files read is
// the one the map of them gave: names in order, a name added twice
// counted once with its last sum, whatever order they were added in.
func TestContentHashAsMap(t *testing.T) {
	var h contentHash
	byName := map[string][sha256.Size]byte{}
	add := func(name, data string) {
		sum := sha256.Sum256([]byte(data))
		h.add(name, sum)
		byName[name] = sum
	}
	for _, n := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		add(n, n)
	}
	add(SourcesFile, "sources")
	add(FactsFile, "facts v1")
	add(FactsDir+"/x.yaml", "x")
	add(FactsFile, "facts v2")
	add("0seed.txt", "seed")

	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	d := sha256.New()
	for _, n := range names {
		sum := byName[n]
		d.Write([]byte(n))
		d.Write([]byte{0})
		d.Write(sum[:])
	}
	if got, want := h.sum(), hex.EncodeToString(d.Sum(nil))[:12]; got != want {
		t.Errorf("version %s, the map of files gives %s", got, want)
	}
}
