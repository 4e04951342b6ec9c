package extract

// set builds a lookup table once; the tables below are read-only.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// honorifics stand before a name and say nothing of a role.
var honorifics = set("mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "dr", "prof", "professor", "rev", "baroness", "baron")

// titles are role words that, capitalised, stand before a name ("Defence
// Secretary John Smith", "General Jane Doe").
var titles = set("president", "minister", "secretary", "chancellor", "envoy", "chief", "correspondent",
	"editor", "reporter", "spokesman", "spokeswoman", "spokesperson", "leader", "chairman", "chairwoman",
	"chair", "director", "governor", "senator", "mayor", "ambassador", "general", "admiral", "commander",
	"colonel", "captain", "lieutenant", "sergeant", "major", "marshal", "judge", "justice", "king", "queen",
	"prince", "princess", "pope", "bishop", "archbishop", "coach", "manager", "councillor", "chancellor",
	"commissioner", "superintendent", "inspector", "constable", "detective", "officer", "premier",
	"representative", "congressman", "congresswoman", "speaker", "sheriff", "executive", "ceo", "founder",
	"vice-president", "president-elect", "counterpart", "head",
	// Their usual abbreviations, which news writes before a surname
	// ("Cllr Smith", "Maj Gen Jones"): without them the abbreviation
	// would read as a first name, and one person would become two.
	"cllr", "maj", "gen", "lt", "col", "capt", "sgt", "cdr", "cmdr", "adm", "brig", "det", "supt",
	"insp", "cpl", "pte", "gov", "sen", "rep", "amb", "supt", "pc", "dc", "dci", "ds")

// roleNouns head a lower-case role phrase before or after a name ("US special
// envoy", "the club's chairman", "a journalist").
var roleNouns = set("envoy", "journalist", "correspondent", "reporter", "editor", "president", "minister",
	"secretary", "chancellor", "chief", "spokesman", "spokeswoman", "spokesperson", "leader", "chairman",
	"chairwoman", "chair", "director", "governor", "senator", "mayor", "ambassador", "general", "admiral",
	"commander", "officer", "official", "officials", "counterpart", "premier", "king", "queen", "prince",
	"princess", "coach", "manager", "executive", "founder", "boss", "captain", "player", "striker",
	"midfielder", "defender", "goalkeeper", "singer", "actor", "actress", "author", "writer", "presenter",
	"host", "analyst", "economist", "expert", "lawyer", "judge", "prosecutor", "councillor", "candidate",
	"mp", "deputy", "aide", "adviser", "advisor", "negotiator", "diplomat", "head", "owner", "investor",
	"scientist", "professor", "doctor", "campaigner", "activist", "chairperson", "commissioner", "pm",
	"photographer", "columnist", "historian", "researcher", "engineer", "teacher", "student", "resident",
	"witness", "victim", "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister",
	"member", "partner", "colleague", "friend", "rival", "opponent", "predecessor", "successor", "staff",
	"worker", "employee", "spokespeople", "representative", "inspector", "detective", "police")

// unnamedHeads are role nouns whose holder may speak unnamed ("a spokesman
// said", "officials said"): the speaker is then the role itself.
var unnamedHeads = set("spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
	"source", "sources", "aide", "aides", "insider", "insiders", "statement", "police", "witness", "witnesses")

// speechVerbs introduce or follow reported speech.
var speechVerbs = set("said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
	"insisted", "insists", "warned", "warns", "warning", "stated", "states", "explained", "explains", "noted",
	"argued", "argues", "claimed", "claims", "declared", "urged", "urges", "asked", "replied", "wrote",
	"writes", "continued", "confirmed", "suggested", "announced", "described", "describes", "describing",
	"called", "calls", "calling", "dismissed", "dismisses", "dismissing", "admitted", "acknowledged",
	"concluded", "stressed", "stresses", "remarked", "recalled", "hailed", "hailing", "branded", "dubbed",
	"labelled", "tweeted", "posted", "joked", "conceded", "vowed", "promised", "pledged", "predicted",
	"responded", "answered", "commented", "cautioned", "reiterated", "emphasised", "emphasized", "quipped",
	"exclaimed", "shouted", "whispered", "pointed", "went")

// participles of speech continue a clause whose subject is the speaker
// ("…, saying: “…”").
var participles = set("saying", "adding", "telling", "warning", "describing", "calling", "dismissing", "hailing", "insisting", "arguing", "noting", "claiming")

// adverbs may stand between a subject and its verb ("he also said").
var adverbs = set("also", "then", "later", "earlier", "repeatedly", "previously", "already", "just", "once",
	"recently", "has", "have", "had", "is", "was", "were", "are", "will", "would", "had", "reportedly",
	"publicly", "privately", "today", "yesterday", "now", "last", "week", "night", "again", "further", "still",
	"reported", "quoted", "as")

// determiners open a role phrase.
var determiners = set("the", "a", "an", "his", "her", "their", "its", "our", "one", "another")

// prepositions before a name mark it as an object, not the subject.
var prepositions = set("with", "by", "to", "of", "for", "from", "after", "like", "on", "at", "in", "about",
	"against", "between", "than", "into", "over", "under", "before", "behind", "toward", "towards", "as", "and", "or", "urged", "told", "met", "meet", "meeting")

// notNames are capitalised words that start sentences or name no one.
var notNames = set("the", "a", "an", "but", "and", "or", "however", "asked", "he", "she", "it", "they", "we",
	"i", "you", "this", "that", "these", "those", "in", "on", "at", "as", "after", "before", "during", "while",
	"when", "if", "elsewhere", "watch", "follow", "scan", "read", "listen", "his", "her", "their", "our",
	"its", "there", "here", "meanwhile", "yet", "so", "for", "with", "by", "from", "to", "of", "not", "no",
	"yes", "why", "what", "who", "where", "how", "all", "some", "many", "most", "more", "both", "each",
	"every", "any", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "last",
	"next", "this", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "although", "because", "since", "until", "unless",
	"despite", "following", "according", "picture", "photo", "image", "credit", "earlier", "later", "now",
	"then", "thus", "also", "instead", "indeed", "still", "such", "other", "another", "my", "your", "us",
	"me", "him", "them", "those", "mps", "ministers", "officials", "leaders", "sources", "police", "top",
	"heads", "leading", "keeping", "joint", "up", "over", "more", "just", "only", "even", "around", "about")

// placeWords end the names of places and organisations, not people.
var placeWords = set("street", "house", "office", "sea", "ocean", "river", "ministry", "department", "agency",
	"council", "party", "government", "parliament", "commons", "lords", "union", "news", "times", "post",
	"telegraph", "guardian", "independent", "herald", "journal", "force", "forces", "army", "navy", "group",
	"summit", "headquarters", "building", "university", "college", "school", "club", "company", "ltd",
	"inc", "plc", "corp", "bank", "road", "square", "park", "bridge", "airport", "station", "hall", "palace",
	"court", "treaty", "treaties", "agreement", "act", "bill", "committee", "commission", "service",
	"services", "staff", "command", "fc", "united", "city", "county", "state", "states", "kingdom",
	"republic", "island", "islands", "valley", "hospital", "church", "cathedral", "museum", "gallery",
	"theatre", "stadium", "arena", "centre", "center", "institute", "foundation", "trust", "association",
	"federation", "league", "cup", "championship", "festival", "awards", "prize", "show", "programme",
	"questions", "conference", "plan", "strategy", "alliance", "coalition", "organisation", "organization",
	"office", "authority", "board", "police", "fund", "market", "exchange", "index", "wire", "media",
	"press", "radio", "tv", "channel", "network", "online", "daily", "weekly", "magazine", "review",
	"sun", "mail", "express", "mirror", "star", "standard", "gazette", "tribune", "chronicle", "observer")

// pronouns that can be the subject of speech.
var pronouns = set("he", "she")

// Common first names, by the sex they usually mark: a capitalised pair
// starting with one is a person even with no title or role around it
// ("like Jane Smith"), and "she" does not resolve to a man.
var (
	maleNames = set(
		"john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
		"charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "steve",
		"paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
		"jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry",
		"justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick",
		"raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry",
		"douglas", "zachary", "peter", "pete", "kyle", "noah", "ethan", "jeremy", "walter", "christian",
		"keith", "roger", "terry", "austin", "sean", "gerald", "carl", "harold", "dylan", "arthur",
		"lawrence", "jordan", "jesse", "bryan", "billy", "bruce", "gabriel", "joe", "logan", "alan",
		"juan", "albert", "willie", "elijah", "wayne", "randy", "vincent", "tony", "tom", "tim", "ben",
		"sam", "nick", "rob", "bob", "bill", "jim", "mike", "dave", "chris", "matt", "dan", "alex",
		"gordon", "nigel", "ed", "harry", "philip", "xi", "jeff", "mohammed", "muhammad", "ahmed", "ali",
		"omar", "hassan", "wei", "li", "hiroshi", "raj", "sanjay", "amit", "carlos", "luis", "miguel",
		"pedro", "lucas", "pierre", "francois", "hans", "klaus", "giuseppe", "luca", "ivan", "sergei",
		"dmitry", "kwame")
	femaleNames = set(
		"mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
		"karen", "lisa", "nancy", "betty", "sandra", "margaret", "ashley", "kimberly", "emily", "donna",
		"michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "dorothy", "rebecca", "sharon",
		"laura", "cynthia", "amy", "kathleen", "angela", "shirley", "brenda", "emma", "anna", "pamela",
		"nicole", "samantha", "katherine", "christine", "helen", "debra", "rachel", "carolyn", "janet",
		"maria", "catherine", "heather", "diane", "olivia", "julie", "joyce", "victoria", "ruth",
		"virginia", "lauren", "kelly", "christina", "joan", "evelyn", "judith", "andrea", "hannah",
		"megan", "cheryl", "jacqueline", "martha", "madison", "teresa", "gloria", "sara", "janice",
		"ann", "anne", "kathryn", "abigail", "sophia", "frances", "jean", "alice", "judy", "isabella",
		"julia", "grace", "amber", "denise", "danielle", "marilyn", "beverly", "charlotte", "natalie",
		"theresa", "diana", "brittany", "doris", "kayla", "alexis", "lori", "marie", "jane", "kate",
		"liz", "sue", "jo", "claire", "fiona", "fatima", "aisha", "priya", "ana", "sofia", "olga",
		"yulia", "amara", "yuki", "helena", "lena")
	givenNames = union(maleNames, femaleNames)
)

func union(a, b map[string]bool) map[string]bool {
	m := make(map[string]bool, len(a)+len(b))
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// orgNouns before a name say it names a group, not a person ("the fans'
// group X", "the charity X").
var orgNouns = set("group", "company", "firm", "club", "party", "charity", "campaign", "band", "union",
	"agency", "organisation", "organization", "website", "newspaper", "broadcaster", "team", "network",
	"brand", "retailer", "chain", "supplier", "manufacturer", "maker", "startup", "airline", "bank",
	"council", "committee", "movement", "coalition", "alliance", "body", "regulator", "watchdog")

// Words that tell a person's sex, so that "she" does not resolve to a man.
var (
	maleWords   = set("mr", "sir", "lord", "king", "prince", "he", "him", "his", "father", "son", "husband", "brother", "baron")
	femaleWords = set("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "she", "her", "mother", "daughter", "wife", "sister", "baroness")
)
