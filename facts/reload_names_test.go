package facts

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestReloadNamesAcrossArticles reloads after articles that give other
// articles their people come and go: the only article naming someone in
// full (others say "Thistlewood" or "the fisheries minister"), a second
// person of the same surname, a changed role. Each reload must equal a
// full load, though it reads again only the articles whose look-ups of
// names and roles changed.
func TestReloadNamesAcrossArticles(t *testing.T) {
	folder := scaledFolder(t, 30)
	put := func(name, text string) { folder[name] = &fstest.MapFile{Data: []byte(text)} }
	full := "Fisheries row\n\nMargaret Thistlewood, the fisheries minister, said the quota was fair. “We listened,” she said.\n"
	put("x-surname.txt", "Quota talks\n\nThistlewood said on Tuesday the talks had gone well. “It is a start,” Thistlewood said.\n")
	put("x-role.txt", "Harbour plan\n\nThe fisheries minister said the harbour would reopen. “Soon,” the fisheries minister said.\n")
	put("x-variant.txt", "Boats\n\nMr Thistlewod told reporters the fleet would grow. “Not yet,” he said.\n")
	steps := []struct {
		what string
		edit func()
	}{
		{"full name added", func() { put("x-full.txt", full) }},
		{"same surname added", func() {
			put("x-rival.txt", "Rivals\n\nPeter Thistlewood, a trawler owner, said the quota was unfair. “It hurts,” he said.\n")
		}},
		{"same surname removed", func() { delete(folder, "x-rival.txt") }},
		{"role changed", func() { put("x-full.txt", strings.Replace(full, "fisheries minister", "harbour master", 1)) }},
		{"full name removed", func() { delete(folder, "x-full.txt") }},
		{"full name back", func() { put("x-full.txt", full) }},
	}
	load := folderLoader(t, folder)
	prev := load(nil)
	for _, st := range steps {
		st.edit()
		inc, full := load(prev), load(nil)
		t.Run(st.what, func(t *testing.T) {
			compareBases(t, inc, full)
			var names []string
			for _, p := range full.People() {
				if strings.Contains(p.Name, "Thistlew") {
					names = append(names, fmt.Sprintf("%s (%s, %d mentions)", p.Name, p.Role, len(p.Mentions)))
				}
			}
			t.Log(names)
		})
		prev = inc
	}
}
