package names

import (
	"slices"
	"testing"
)

// storyEntries is the sample set from the package brief.
func storyEntries() []Entry {
	return []Entry{
		{ID: "radakin", Names: []string{"Tony Radakin", "Admiral Sir Tony Radakin", "Radakin", "Sir Tony"}},
		{ID: "witkoff", Names: []string{"Steve Witkoff", "Witkoff", "Mr Witkoff"}},
		{ID: "zelensky", Names: []string{"Volodymyr Zelensky", "Zelensky", "Zelenskyy", "President Zelensky"}},
		{ID: "starmer", Names: []string{"Keir Starmer", "Sir Keir Starmer", "Starmer", "Sir Keir"}},
		{ID: "healey", Names: []string{"John Healey", "Healey", "Mr Healey"}},
		{ID: "ray", Names: []string{"John Ray"}},
		{ID: "macron", Names: []string{"Emmanuel Macron", "Macron", "President Macron"}},
		{ID: "nato", Names: []string{"Nato", "NATO", "North Atlantic Treaty Organization"}},
	}
}

// extraEntries covers folding: accents, apostrophes, initials, titles.
func extraEntries() []Entry {
	return []Entry{
		{ID: "obrien", Names: []string{"Siobhán O’Brien"}},
		{ID: "vance", Names: []string{"J.D. Vance", "Vice President Vance"}},
		{ID: "lopez", Names: []string{"José López Obrador"}},
		{ID: "walesa", Names: []string{"Lech Wałęsa"}},
		{ID: "strauss", Names: []string{"Franz Strauß"}},
		{ID: "major", Names: []string{"John Major", "Prime Minister John Major"}},
		{ID: "rubio", Names: []string{"Secretary of State Marco Rubio", "Rubio"}},
		{ID: "king", Names: []string{"Martin Luther King Jr."}},
	}
}

func TestResolve(t *testing.T) {
	ix := NewIndex(append(storyEntries(), extraEntries()...))
	tests := []struct {
		query  string
		wantID string // "" means Resolve must fail
	}{
		{"Witkoff", "witkoff"}, {"witkoff", "witkoff"}, {"witkof", "witkoff"},
		{"Witkof", "witkoff"}, {"steve witkoff", "witkoff"}, {"Mr Witkoff", "witkoff"},
		{"zelenski", "zelensky"}, {"Zelenskyy", "zelensky"}, {"zelensky", "zelensky"},
		{"radakn", "radakin"}, {"Radakin", "radakin"}, {"tony", "radakin"},
		{"Sir Tony", "radakin"}, {"admiral radakin", "radakin"}, {"starmr", "starmer"},
		{"keir", "starmer"}, {"President Macron", "macron"}, {"macron", "macron"},
		{"nato", "nato"}, {"Healey", "healey"}, {"john healey", "healey"},
		// Typos, transpositions, spacing and word order.
		{"zelesnky", "zelensky"}, {"STARMER", "starmer"}, {"keirstarmer", "starmer"},
		{"zelen sky", "zelensky"}, {"starmer keir", "starmer"}, {"jon healey", "healey"},
		{"north atlantic treaty", "nato"}, {"Prime Minister Starmer", "starmer"},
		// Folding of accents, apostrophes, dots and titles.
		{"Zélensky", "zelensky"}, {"siobhan o'brien", "obrien"}, {"O'Brien", "obrien"},
		{"OBrien", "obrien"}, {"jd vance", "vance"}, {"J. D. Vance", "vance"},
		{"Jose Lopez", "lopez"}, {"walesa", "walesa"}, {"strauss", "strauss"},
		{"john major", "major"}, {"rubio", "rubio"}, {"marco rubio", "rubio"},
		{"martin luther king", "king"}, {"Dr Martin Luther King", "king"},
		// Ambiguous, unknown, fuzzy-only or empty queries never resolve.
		{"john", ""}, {"zz", ""}, {"ukraine", ""}, {"", ""}, {"   ", ""},
		{"wit", ""}, {"jon", ""}, {"president", ""}, {"sir", ""}, {"mr", ""},
		{"russia", ""}, {"emmanuel starmer", ""}, {"\xff\xfe", ""},
	}
	for _, tt := range tests {
		m, ok := ix.Resolve(tt.query)
		if tt.wantID == "" {
			if ok {
				t.Errorf("Resolve(%q) = %+v, want no match", tt.query, m)
			}
			continue
		}
		if !ok || m.ID != tt.wantID {
			t.Errorf("Resolve(%q) = %+v, %v; want %q", tt.query, m, ok, tt.wantID)
		}
		if m.Name == "" || m.Alias == "" {
			t.Errorf("Resolve(%q) = %+v: empty Name or Alias", tt.query, m)
		}
	}
}

// TestResolveRule exercises each branch of the confidence rule on small
// indexes built for it.
func TestResolveRule(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		query   string
		wantID  string
	}{
		{"same exact name twice", []Entry{{ID: "a", Names: []string{"John Smith"}}, {ID: "b", Names: []string{"John Smith"}}}, "john smith", ""},
		{"exact word beats a typo of it", []Entry{{ID: "a", Names: []string{"John Healey"}}, {ID: "b", Names: []string{"Dan Healy"}}}, "healey", "a"},
		{"and the other way round", []Entry{{ID: "a", Names: []string{"John Healey"}}, {ID: "b", Names: []string{"Dan Healy"}}}, "healy", "b"},
		{"two typos alike", []Entry{{ID: "a", Names: []string{"Anna Marsh"}}, {ID: "b", Names: []string{"Anna Marks"}}}, "anna marhs", ""},
		{"exact name beats word match", []Entry{{ID: "a", Names: []string{"Tony"}}, {ID: "b", Names: []string{"Tony Blair"}}}, "tony", "a"},
		{"two exact names", []Entry{{ID: "a", Names: []string{"Sir Tony"}}, {ID: "b", Names: []string{"Tony"}}}, "tony", ""},
		{"long prefix is strong", []Entry{{ID: "a", Names: []string{"Keir Starmer"}}}, "starm", "a"},
		{"short prefix is not", []Entry{{ID: "a", Names: []string{"Keir Starmer"}}}, "sta", ""},
		{"fuzzy subsequence is not", []Entry{{ID: "a", Names: []string{"Keir Starmer"}}}, "kstr", ""},
		{"title alone is ambiguous", []Entry{{ID: "a", Names: []string{"King Charles"}}, {ID: "b", Names: []string{"Stephen King"}}}, "king", ""},
		{"surname that is a title", []Entry{{ID: "a", Names: []string{"John Major"}}, {ID: "b", Names: []string{"John Smith"}}}, "major", "a"},
	}
	for _, tt := range tests {
		m, ok := NewIndex(tt.entries).Resolve(tt.query)
		if got := map[bool]string{true: m.ID}[ok]; got != tt.wantID {
			t.Errorf("%s: Resolve(%q) = %+v, %v; want %q", tt.name, tt.query, m, ok, tt.wantID)
		}
	}
}

func TestFind(t *testing.T) {
	ix := NewIndex(append(storyEntries(), extraEntries()...))
	tests := []struct {
		query     string
		limit     int
		wantFirst string   // "" to skip
		wantAll   []string // each must be among the results
		wantExact bool     // whether the first result is Exact
		wantNone  bool
	}{
		{query: "john", limit: 5, wantAll: []string{"healey", "ray", "major"}},
		{query: "john", limit: 1, wantAll: nil},
		{query: "Witkoff", limit: 5, wantFirst: "witkoff", wantExact: true},
		{query: "witkof", limit: 5, wantFirst: "witkoff"},
		{query: "wit", limit: 5, wantFirst: "witkoff"},
		{query: "zelenskyy", limit: 3, wantFirst: "zelensky", wantExact: true},
		{query: "Zélensky", limit: 3, wantFirst: "zelensky", wantExact: true},
		{query: "O’Brien", limit: 3, wantFirst: "obrien"},
		{query: "jn healy", limit: 3, wantFirst: "healey"},
		{query: "emmanuel starmer", limit: 5, wantAll: []string{"macron", "starmer"}},
		{query: "john smith", limit: 5, wantAll: []string{"healey", "ray", "major"}},
		{query: "zz", limit: 5, wantNone: true},
		{query: "", limit: 5, wantNone: true},
		{query: "Witkoff", limit: 0, wantNone: true},
		{query: "Witkoff", limit: -1, wantNone: true},
	}
	for _, tt := range tests {
		got := ix.Find(tt.query, tt.limit)
		if len(got) > max(tt.limit, 0) {
			t.Errorf("Find(%q, %d) returned %d matches", tt.query, tt.limit, len(got))
		}
		if tt.wantNone {
			if len(got) != 0 {
				t.Errorf("Find(%q, %d) = %+v, want none", tt.query, tt.limit, got)
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("Find(%q, %d) = nothing", tt.query, tt.limit)
			continue
		}
		if tt.wantFirst != "" && (got[0].ID != tt.wantFirst || got[0].Exact != tt.wantExact) {
			t.Errorf("Find(%q)[0] = %+v, want %q exact=%v", tt.query, got[0], tt.wantFirst, tt.wantExact)
		}
		ids := matchIDs(got)
		for _, id := range tt.wantAll {
			if !slices.Contains(ids, id) {
				t.Errorf("Find(%q, %d) = %v, missing %q", tt.query, tt.limit, ids, id)
			}
		}
		checkMatches(t, "Find("+tt.query+")", got)
	}
}

func TestComplete(t *testing.T) {
	ix := NewIndex(append(storyEntries(), extraEntries()...))
	tests := []struct {
		prefix    string
		limit     int
		wantFirst string
		wantLen   int // -1 to skip
	}{
		{"wit", 5, "witkoff", -1},
		{"Wi", 25, "witkoff", -1},
		{"zel", 25, "zelensky", -1},
		{"sir k", 25, "starmer", -1},
		{"keir sta", 25, "starmer", -1},
		{"zelesn", 25, "zelensky", -1},
		{"radkin", 25, "radakin", -1},
		{"", 3, "macron", 3},               // Emmanuel Macron sorts first by display name
		{"", 100, "macron", 16},            // every entry, limit capped at MaxComplete
		{"...", 2, "macron", 2},            // folds to nothing: same as empty
		{"john", 1, "", 1},                 // limit respected
		{"j", 100, "", -1},                 // capped at MaxComplete
		{"wit", 0, "", 0},                  // no room
		{"qqqqqq", 25, "", 0},              // nothing close
		{"\xff\xfe\xfd", 25, "macron", 16}, // invalid UTF-8 folds to nothing
	}
	for _, tt := range tests {
		got := ix.Complete(tt.prefix, tt.limit)
		if len(got) > min(max(tt.limit, 0), MaxComplete) {
			t.Errorf("Complete(%q, %d) returned %d", tt.prefix, tt.limit, len(got))
		}
		if tt.wantLen >= 0 && len(got) != tt.wantLen {
			t.Errorf("Complete(%q, %d) = %v, want %d results", tt.prefix, tt.limit, matchIDs(got), tt.wantLen)
		}
		if tt.wantFirst != "" && (len(got) == 0 || got[0].ID != tt.wantFirst) {
			t.Errorf("Complete(%q, %d) = %v, want %q first", tt.prefix, tt.limit, matchIDs(got), tt.wantFirst)
		}
		checkMatches(t, "Complete("+tt.prefix+")", got)
	}
}

// TestFoldingBothWays stores one spelling and types another, in both
// directions, alone in an index so nothing else can be picked.
func TestFoldingBothWays(t *testing.T) {
	tests := []struct{ stored, typed string }{
		{"Volodymyr Zélensky", "Zelenskyy"},
		{"Volodymyr Zelenskyy", "Zélensky"},
		{"Volodymyr Zélensky", "ZELENSKY"},
		{"Volodymyr Ze\u0301lensky", "zélensky"}, // decomposed accent
		{"Siobhan O'Brien", "O’Brien"},
		{"Siobhan O’Brien", "O'Brien"},
		{"Siobhan O‘Brien", "obrien"},
		{"J.D. Vance", "JD Vance"},
		{"JD Vance", "J.D. Vance"},
		{"Jean-Luc Mélenchon", "jean luc melenchon"},
		{"Jean Luc Melenchon", "Jean-Luc Mélenchon"},
		{"Gerhard Schröder", "schroder"},
		{"Franz Strauß", "Strauss"},
		{"Łukasz Żółtowski", "lukasz zoltowski"},
		{"Nicolae Ceaușescu", "ceausescu"},
		{"Mr. Tom Smith", "Tom Smith"},
		{"Tom Smith", "Mr. Tom Smith"},
		{"Deputy Prime Minister Ann Lee", "ann lee"},
	}
	for _, tt := range tests {
		ix := NewIndex([]Entry{
			{ID: "x", Names: []string{tt.stored}},
			{ID: "other", Names: []string{"Someone Else"}},
		})
		m, ok := ix.Resolve(tt.typed)
		if !ok || m.ID != "x" {
			t.Errorf("stored %q, Resolve(%q) = %+v, %v", tt.stored, tt.typed, m, ok)
		}
	}
}

func TestEmptyAlphabetical(t *testing.T) {
	ix := NewIndex(append(storyEntries(), extraEntries()...))
	got := ix.Complete("", MaxComplete)
	names := make([]string, len(got))
	for i, m := range got {
		names[i] = m.Name
	}
	want := []string{"Emmanuel Macron", "Franz Strauß", "J.D. Vance", "John Healey", "John Major", "John Ray",
		"José López Obrador", "Keir Starmer", "Lech Wałęsa", "Martin Luther King Jr.", "Nato",
		"Secretary of State Marco Rubio", "Siobhán O’Brien", "Steve Witkoff", "Tony Radakin", "Volodymyr Zelensky"}
	if !slices.Equal(names, want) {
		t.Errorf("Complete(\"\") names = %q\nwant %q", names, want)
	}
}

func TestNewIndexSkipsUnusable(t *testing.T) {
	ix := NewIndex([]Entry{
		{ID: "", Names: []string{"No Id"}},
		{ID: "noname"},
		{ID: "blank", Names: []string{"  "}},
		{ID: "punct", Names: []string{"Real Name", "!!!", "Real  Name"}},
	})
	if got := ix.Complete("", MaxComplete); len(got) != 1 || got[0].ID != "punct" {
		t.Errorf("Complete(\"\") = %+v, want only punct", got)
	}
	if m, ok := ix.Resolve("real name"); !ok || m.Alias != "Real Name" {
		t.Errorf("Resolve(real name) = %+v, %v", m, ok)
	}
	if got := NewIndex(nil).Find("x", 5); got != nil {
		t.Errorf("empty index Find = %+v", got)
	}
}

func matchIDs(ms []Match) []string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}

// checkMatches asserts what holds for every result list: named, unique
// entries, best first.
func checkMatches(t *testing.T, call string, ms []Match) {
	t.Helper()
	seen := map[string]bool{}
	for i, m := range ms {
		if m.ID == "" || m.Name == "" || m.Alias == "" {
			t.Errorf("%s[%d] = %+v: empty field", call, i, m)
		}
		if seen[m.ID] {
			t.Errorf("%s: %q returned twice", call, m.ID)
		}
		seen[m.ID] = true
		if i > 0 && ms[i-1].Score < m.Score {
			t.Errorf("%s: not sorted by score at %d: %d < %d", call, i, ms[i-1].Score, m.Score)
		}
	}
}
