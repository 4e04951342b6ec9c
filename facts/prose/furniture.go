package prose

import "strings"

// The tests below recognise the lines that news pages wrap around a story.
// They are deliberately anchored (line starts, exact lines, credit markers
// before a colon) rather than keyword searches, because a story sentence
// that merely mentions "advertisements" or "a photo" must stay in the story.

// furniturePrefixes open lines that are never story text. Lower case;
// matched case-insensitively.
var furniturePrefixes = []string{
	"read more:", "read more here", "read more about", "read also:",
	"see also:", "related:", "related articles", "related stories",
	"related topics", "related content", "related video", "more on this story",
	"listen to this article", "listen:", "watch:", "watch live",
	"watch the video", "watch the full", "scan the qr code", "sign up ",
	"sign up:", "click here", "tap here", "share this ", "share on ",
	"share:", "copy link", "story continues below", "article continues below",
	"continue reading", "download the ", "download our ", "subscribe to ",
	"subscribe now", "get the latest", "most read", "trending now",
	"follow us ", "skip advert", "loading audio", "loading video",
	"this video can not be played", "this article is more than",
}

// furnitureLines are whole lines (ignoring a trailing colon) that are page
// furniture. Lower case; matched case-insensitively.
var furnitureLines = []string{
	"advertisement", "advert", "ad", "sponsored", "promoted", "share",
	"comments", "read more", "related", "more", "watch", "listen",
	"top stories", "most read", "trending", "close", "skip ad",
}

// socialPlatforms mark "Follow … on X" prompts. Lower case.
var socialPlatforms = []string{
	"whatsapp", "twitter", "facebook", "instagram", "tiktok", "google news",
	"telegram", "youtube", "snapchat", "linkedin", "bluesky", "threads",
	"flipboard", " on x",
}

// isFurniture reports whether line is page furniture.
func isFurniture(line string) bool {
	for _, p := range furniturePrefixes {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	bare := strings.TrimSuffix(line, ":")
	for _, l := range furnitureLines {
		if len(bare) == len(l) && hasPrefixFold(bare, l) {
			return true
		}
	}
	// "Watch the minister arriving at the summit:" introduces an embedded
	// video, which the scraped text does not contain.
	if hasPrefixFold(line, "watch ") && strings.HasSuffix(line, ":") {
		return true
	}
	if hasPrefixFold(line, "follow ") && wordCount(line) <= 12 {
		for _, p := range socialPlatforms {
			if containsFold(line, p) {
				return true
			}
		}
	}
	return false
}

// captionPrefixes open caption lines on some sites ("Image caption …").
var captionPrefixes = []string{
	"image caption", "image source", "image copyright", "media caption",
	"picture caption", "photo caption",
}

// creditWords are the words that introduce a photo credit before a colon.
var creditWords = map[string]bool{
	"Picture": true, "Pictures": true, "Photo": true, "Photos": true,
	"Photograph": true, "Photographs": true, "Image": true, "Images": true,
	"Credit": true, "Credits": true, "PICTURE": true, "PHOTO": true,
	"IMAGE": true, "CREDIT": true,
}

// maxCredit bounds the text after a credit marker: a credit names an
// agency or photographer, whereas a longer tail means the colon introduced
// story text.
const maxCredit = 60

// isCaption reports whether line is a photo caption: it opens with a
// caption label or carries a short credit such as "Picture: Reuters".
func isCaption(line string) bool {
	for _, p := range captionPrefixes {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	for i := 0; i < len(line); {
		c := strings.IndexByte(line[i:], ':')
		if c < 0 {
			return false
		}
		c += i
		i = c + 1
		// Credits name an agency or a photographer, so they are short and
		// capitalised; "the Photo: it was blurred" is story text.
		tail := strings.TrimSpace(line[c+1:])
		if tail == "" || len(tail) > maxCredit || isLower(firstRune(tail)) {
			continue
		}
		w := asciiWordBefore(line, c)
		if creditWords[w] {
			return true
		}
		// "Photo credit: …", "Image source: …".
		if sp := c - len(w) - 1; (w == "credit" || w == "source") && sp > 0 && line[sp] == ' ' {
			if creditWords[asciiWordBefore(line, sp)] {
				return true
			}
		}
	}
	return false
}

// asciiWordBefore returns the ASCII letters ending just before line[i] when
// they form a whole word, that is when nothing but a separator precedes
// them.
func asciiWordBefore(line string, i int) string {
	if i < 0 || i > len(line) {
		return ""
	}
	j := i
	for j > 0 && isASCIILetter(line[j-1]) {
		j--
	}
	if j > 0 {
		switch line[j-1] {
		case ' ', '(', '[', '|', '/', '-', '\t':
		default:
			return ""
		}
	}
	return line[j:i]
}

// bylinePrefixes open credit lines for reporters other than "By …".
var bylinePrefixes = []string{
	"reporting by ", "additional reporting by ", "written by ", "words by ",
	"edited by ", "editing by ",
}

// bylineConnectors may appear uncapitalised inside a name list.
var bylineConnectors = map[string]bool{
	"and": true, "&": true, "of": true, "the": true, "in": true, "for": true,
	"at": true, "de": true, "van": true, "von": true, "der": true, "da": true,
	"la": true, "le": true, "di": true, "del": true, "bin": true, "al": true,
}

// isByline reports whether line is a short author credit. A name list must
// be capitalised up to the first comma or bar, which tells "By Jane Smith,
// political reporter" apart from an unpunctuated fragment such as "by the
// numbers".
func isByline(line string) bool {
	if len(line) > 100 || wordCount(line) > 14 {
		return false
	}
	for _, p := range bylinePrefixes {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	if !hasPrefixFold(line, "by ") || endsSentence(line) {
		return false
	}
	names := line[3:]
	if k := strings.IndexAny(names, ",|(@–—"); k >= 0 {
		names = names[:k]
	}
	n := 0
	for w := range strings.FieldsSeq(names) {
		if w == "-" {
			break
		}
		n++
		if !isUpper(firstRune(w)) && !bylineConnectors[w] {
			return false
		}
	}
	return n >= 1 && n <= 8 && isUpper(firstRune(strings.TrimSpace(line[3:])))
}

// firstRune returns the first rune of s, or -1 when s is empty.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return -1
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
// prefix must be lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// containsFold reports whether s contains sub, ignoring ASCII case. sub must
// be lower case. Lines are short, so the quadratic scan is fine.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFold(s[i:], sub) {
			return true
		}
	}
	return false
}

// wordCount counts the space-separated words of s.
func wordCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}
