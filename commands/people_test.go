package commands

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestEveryPersonFindable asks /who for every person and organisation of the
// seed base by full name, by surname (last word of the name) and by a typo of
// the surname, and checks each lands on that entry.
func TestEveryPersonFindable(t *testing.T) {
	b := seedBaseT(t)
	tab := NewTable()
	for _, p := range b.People() {
		words := strings.Fields(p.Name)
		surname := words[len(words)-1]
		queries := []string{p.Name}
		if r, _ := utf8.DecodeRuneInString(surname); unicode.IsUpper(r) && p.Kind == "person" {
			queries = append(queries, surname)
			if utf8.RuneCountInString(surname) >= 5 {
				queries = append(queries, typo(surname))
			}
		}
		for _, q := range queries {
			a := ask(t, tab, b, "/who "+q)
			if !a.Found || !strings.HasPrefix(a.Title, p.Name) {
				t.Errorf("/who %s: found=%v title %q, want %s", q, a.Found, a.Title, p.Name)
			}
		}
	}
}

// typo drops the second-to-last letter: "Witkoff" -> "Witkof".
func typo(s string) string {
	r := []rune(s)
	return string(append(r[:len(r)-2:len(r)-2], r[len(r)-1]))
}

func TestWhoTypos(t *testing.T) {
	b := seedBaseT(t)
	tab := NewTable()
	for q, want := range map[string]string{"witkof": "witkoff", "zelenski": "zelensky", "radakn": "radakin", "tony": "radakin"} {
		a := ask(t, tab, b, "/who "+q)
		p, _, _ := b.FindPerson(q)
		if !a.Found || p == nil || !strings.Contains(strings.ToLower(p.Name), want) {
			t.Errorf("/who %s: found=%v title %q, want %s", q, a.Found, a.Title, want)
		}
	}
	a := ask(t, tab, b, "/who Nobody Atall")
	if a.Found || len(a.Items) != 0 {
		t.Errorf("/who of an unknown name must not find a card: %+v", a)
	}
}
