package names

import "testing"

// Lookup must find what indexing by Key finds, whatever the spelling.
func TestLookupIsKey(t *testing.T) {
	m := map[string]int{}
	for i, s := range []string{"jane doe", "doe", "jr smith", "émile", "ab", "x"} {
		m[Key(s)] = i + 1
	}
	for _, s := range []string{"Jane Doe", "jane doe", "DOE", "Doe's", "J.R. Smith", "Émile", "AB", "X", "x", "",
		"Jane  Doe", " Doe", "Doe ", "Zed", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOP"} {
		want, wok := m[Key(s)]
		if got, ok := Lookup(m, s); got != want || ok != wok {
			t.Errorf("Lookup(%q) = %d, %v; want %d, %v", s, got, ok, want, wok)
		}
	}
}

// EqualKey must agree with comparing keys.
func TestEqualKeyIsKey(t *testing.T) {
	keys := []string{"jane", "doe", "jr", "jr smith", "émile", "ab", "x", ""}
	for _, s := range []string{"Jane", "JANE", "jane", "Doe's", "J.R.", "Émile", "AB", "X", "", "Jane Doe", "Jan", "Janet"} {
		for _, k := range keys {
			if got, want := EqualKey(s, k), Key(s) == k; got != want {
				t.Errorf("EqualKey(%q, %q) = %v, want %v", s, k, got, want)
			}
		}
	}
}
