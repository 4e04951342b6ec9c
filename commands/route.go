package commands

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuery is the longest query accepted, in characters: far more than any
// question needs, and a bound on the work one request can cause.
const MaxQuery = 1000

// Parse turns what a user typed — a slash command ("/who name:Smith",
// "/who Smith") or a plain question ("who is smith?") — into a request.
func (t *Table) Parse(text string) (Request, error) {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	raw := strings.TrimSpace(text)
	if raw == "" {
		return Request{}, userErrorf("empty query: ask a question, or try /help")
	}
	if n := utf8.RuneCountInString(raw); n > MaxQuery {
		return Request{}, QueryTooLong(n)
	}
	if strings.HasPrefix(raw, "/") {
		return t.parseSlash(raw)
	}
	story := ""
	if t.stories {
		raw, story = cutStoryWord(raw)
	}
	req := t.route(raw)
	req.Raw = raw
	if story != "" {
		req.Options[StoryOption] = story
	}
	return req, nil
}

// cutStoryWord takes a "story:NAME" word out of plain text, so that a DM
// can ask another story as a slash command's option does.
func cutStoryWord(raw string) (rest, story string) {
	words := strings.Fields(raw)
	for i, w := range words {
		if name, ok := strings.CutPrefix(strings.ToLower(w), StoryOption+":"); ok && name != "" {
			rest = strings.Join(append(words[:i:i], words[i+1:]...), " ")
			if rest != "" {
				return rest, name
			}
		}
	}
	return raw, ""
}

// parseSlash reads "/name [positional] [opt:value ...]". Text before the
// first option goes to the command's first option, so "/who Smith" works
// like "/who name:Smith".
func (t *Table) parseSlash(raw string) (Request, error) {
	name, rest, _ := strings.Cut(raw[1:], " ")
	name = strings.ToLower(strings.TrimSpace(name))
	s, ok := t.Lookup(name)
	if !ok {
		return Request{}, UnknownCommand(name)
	}
	req := Request{Command: s.Name, Options: map[string]string{}, Raw: raw}
	rest = strings.TrimSpace(rest)
	type at struct {
		opt        string
		start, val int
	}
	var marks []at
	for i := 0; i < len(rest); i++ {
		if i > 0 && rest[i-1] != ' ' {
			continue
		}
		for _, o := range s.Options {
			if strings.HasPrefix(strings.ToLower(rest[i:]), o.Name+":") {
				marks = append(marks, at{o.Name, i, i + len(o.Name) + 1})
				break
			}
		}
	}
	end := len(rest)
	for k := len(marks) - 1; k >= 0; k-- {
		m := marks[k]
		if v := strings.TrimSpace(rest[m.val:end]); v != "" {
			if _, dup := req.Options[m.opt]; dup {
				return Request{}, userErrorf("option %s: given twice", m.opt)
			}
			req.Options[m.opt] = v
		}
		end = m.start
	}
	if pos := strings.TrimSpace(rest[:end]); pos != "" {
		if len(s.Options) == 0 {
			return Request{}, userErrorf("/%s takes no options", s.Name)
		}
		first := s.Options[0].Name
		if _, dup := req.Options[first]; dup {
			return Request{}, userErrorf("option %s: given twice", first)
		}
		req.Options[first] = pos
	}
	return req, nil
}

// Free-text commands, tried in order; the first that matches decides.
// Anything else is a question for the question layer.
var routes = []struct {
	re      *regexp.Regexp
	command string
	opts    []string // option names for the pattern's groups
}{
	{regexp.MustCompile(`^(?:timeline|events|chronology)(?: (?:of|about|on|for) (.+))?$`), "timeline", []string{"about"}},
	{regexp.MustCompile(`^(?:sources|articles|list sources|list articles)$`), "sources", nil},
	{regexp.MustCompile(`^(?:source|article) ([\w-]+)$`), "source", []string{"id"}},
	{regexp.MustCompile(`^(?:figures|numbers|stats|statistics)(?: (?:of|about|on|for) (.+))?$`), "figures", []string{"about"}},
	{regexp.MustCompile(`^(?:brief|briefing|summary|summarise|summarize|key points|what's the story|what is the story)$`), "brief", nil},
	{regexp.MustCompile(`^(?:help|commands|what can you do|\?)$`), "help", nil},
	{regexp.MustCompile(`^(?:about|version)$`), "about", nil},
	{regexp.MustCompile(`^reload$`), "reload", nil},
}

// route maps plain text to a command; anything that is not one of the
// few command words is a question.
func (t *Table) route(raw string) Request {
	q := normalise(raw)
	for _, r := range routes {
		m := r.re.FindStringSubmatch(q)
		if m == nil {
			continue
		}
		req := Request{Command: r.command, Options: map[string]string{}}
		for i, name := range r.opts {
			if v := strings.TrimSpace(m[i+1]); v != "" {
				req.Options[name] = strings.TrimPrefix(v, "the ")
			}
		}
		return req
	}
	return Request{Command: "ask", Options: map[string]string{"question": raw}}
}

// normalise lowercases a question and drops politeness and end punctuation.
func normalise(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	for _, p := range []string{"please ", "hey ", "hi ", "briefbot ", "bot "} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSuffix(s, " please")
	return strings.TrimRight(s, "?!. ")
}
