package search

// specialStems are the library's words stemmed by table.
var specialStems = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
	"singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
	"cosmos": "cosmos", "bias": "bias", "andes": "andes", "inning": "inning",
	"innings": "inning", "outing": "outing", "outings": "outing", "canning": "canning",
	"cannings": "canning", "herring": "herring", "herrings": "herring",
	"earring": "earring", "earrings": "earring", "proceed": "proceed",
	"proceeds": "proceed", "proceeded": "proceed", "proceeding": "proceed",
	"exceed": "exceed", "exceeds": "exceed", "exceeded": "exceed",
	"exceeding": "exceed", "succeed": "succeed", "succeeds": "succeed",
	"succeeded": "succeed", "succeeding": "succeed",
}

// The library's suffixes for each step, in the order it tries them.
var (
	step0Suffixes  = []string{"'s'", "'s", "'"}
	step1aSuffixes = []string{"sses", "ied", "ies", "us", "ss", "s"}
	step1bSuffixes = []string{"eedly", "ingly", "edly", "ing", "eed", "ed"}
	step1bEndings  = []string{"at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"}
	step2Suffixes  = []string{"ational", "fulness", "iveness", "ization", "ousness",
		"biliti", "lessli", "tional", "alism", "aliti", "ation",
		"entli", "fulli", "iviti", "ousli", "anci", "abli",
		"alli", "ator", "enci", "izer", "bli", "ogi", "li"}
	step3Suffixes = []string{"ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness"}
	step4Suffixes = []string{"ement", "ance", "ence", "able", "ible", "ment",
		"ent", "ant", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"}
)

// What step 2 and step 3 put in place of a suffix.
var (
	step2Repl = map[string]string{"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able",
		"entli": "ent", "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
		"alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous", "ousness": "ous",
		"iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble", "fulli": "ful", "lessli": "less"}
	step3Repl = map[string]string{"ational": "ate", "tional": "tion", "alize": "al",
		"icate": "ic", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
)
