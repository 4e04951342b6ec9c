package facts

// The words of job titles as people type them. These are facts of English,
// not of any story: a country's name and its adjective mean the same place
// in a title ("the French president" is the President of France), and a few
// role words are used for one another.

// countryForms maps a country's names and adjectives, lower case, to one key.
var countryForms = func() map[string]string {
	m := map[string]string{}
	for key, forms := range map[string][]string{
		"uk":           {"uk", "britain", "british", "united kingdom", "great britain", "gb", "england", "english", "brit"},
		"us":           {"us", "usa", "america", "american", "united states", "u.s.", "u.s.a."},
		"france":       {"france", "french"},
		"germany":      {"germany", "german"},
		"italy":        {"italy", "italian"},
		"spain":        {"spain", "spanish"},
		"russia":       {"russia", "russian"},
		"ukraine":      {"ukraine", "ukrainian"},
		"china":        {"china", "chinese"},
		"japan":        {"japan", "japanese"},
		"india":        {"india", "indian"},
		"canada":       {"canada", "canadian"},
		"australia":    {"australia", "australian"},
		"ireland":      {"ireland", "irish"},
		"scotland":     {"scotland", "scottish", "scots"},
		"wales":        {"wales", "welsh"},
		"poland":       {"poland", "polish"},
		"netherlands":  {"netherlands", "dutch", "holland"},
		"belgium":      {"belgium", "belgian"},
		"sweden":       {"sweden", "swedish"},
		"norway":       {"norway", "norwegian"},
		"denmark":      {"denmark", "danish"},
		"finland":      {"finland", "finnish"},
		"estonia":      {"estonia", "estonian"},
		"turkey":       {"turkey", "turkish"},
		"israel":       {"israel", "israeli"},
		"iran":         {"iran", "iranian"},
		"iraq":         {"iraq", "iraqi"},
		"saudi arabia": {"saudi arabia", "saudi"},
		"yemen":        {"yemen", "yemeni"},
		"brazil":       {"brazil", "brazilian"},
		"mexico":       {"mexico", "mexican"},
		"south africa": {"south africa", "south african"},
		"north korea":  {"north korea", "north korean"},
		"south korea":  {"south korea", "south korean"},
		"eu":           {"eu", "european union"},
		"europe":       {"europe", "european"},
	} {
		for _, f := range forms {
			m[f] = key
		}
	}
	return m
}()

// roleSynonyms maps role words to the one word they stand for in a title.
var roleSynonyms = map[string]string{
	"pm":      "prime minister",
	"premier": "prime minister",
	"chief":   "head",
	"leader":  "head",
	"boss":    "head",
	"defense": "defence",
	"veep":    "vice president",
	"vp":      "vice president",
	"ceo":     "chief executive",
	"mep":     "member european parliament",
	"mp":      "member parliament",
}

// roleFiller are words of a typed role that name no part of it.
var roleFiller = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "for": true, "s": true, "current": true, "now": true,
	"country": true, "country's": true, "nation's": true, "in": true, "at": true,
}
