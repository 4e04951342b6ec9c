package prose

import (
	"slices"
	"strings"
	"testing"
)

func TestPackedUnpacksToWords(t *testing.T) {
	for _, text := range []string{"", "one", "  Barrow-in-Furness, said J.D. O'Brien.  ", strings.Repeat("word ", 1000)} {
		ws := Words(text)
		p, ok := Pack(ws)
		if !ok || p.Len() != len(ws) {
			t.Fatalf("%q: packed %v, %d words", text, ok, p.Len())
		}
		if got := p.Unpack(nil); !slices.Equal(got, ws) && len(ws) > 0 {
			t.Errorf("%q: unpacked %v, want %v", text, got, ws)
		}
	}
	long := "a " + strings.Repeat(".", 70000) + " b"
	if _, ok := Pack(Words(long)); ok {
		t.Error("a gap of 70,000 bytes packed")
	}
}
