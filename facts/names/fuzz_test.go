package names

import "testing"

// FuzzFind feeds arbitrary bytes, including invalid UTF-8, to every method
// and checks the invariants callers rely on.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "john", "witkof", "Zélensky", "O’Brien", "J. D.", "sir", "\xff\xfe",
		"a b c d e f g h i j k", "Prime Minister", "zz", "e\u0301", "ß", "  ", "ﬀ", "İstanbul"} {
		f.Add(s, 5)
	}
	ix := NewIndex(append(storyEntries(), append(extraEntries(), benchEntries(300)...)...))
	f.Fuzz(func(t *testing.T, q string, limit int) {
		limit %= 40
		for _, call := range []struct {
			name string
			max  int
			got  []Match
		}{
			{"Find", limit, ix.Find(q, limit)},
			{"Complete", min(limit, MaxComplete), ix.Complete(q, limit)},
		} {
			if len(call.got) > max(call.max, 0) {
				t.Fatalf("%s(%q, %d) returned %d", call.name, q, limit, len(call.got))
			}
			for i, m := range call.got {
				if m.ID == "" || m.Name == "" {
					t.Fatalf("%s(%q)[%d] = %+v: empty field", call.name, q, i, m)
				}
				if i > 0 && call.got[i-1].Score < m.Score {
					t.Fatalf("%s(%q) not sorted by score: %+v", call.name, q, call.got)
				}
			}
		}
		if m, ok := ix.Resolve(q); ok && (m.ID == "" || m.Name == "" || m.Alias == "") {
			t.Fatalf("Resolve(%q) = %+v", q, m)
		}
	})
}
