package bot

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/commands"
)

// A page button's custom_id is "bb1:" + direction (p, n, or i for the
// page indicator) + ":" + target page + ":" + state, where the state is
// the request itself: the command name, then each option's value in the
// order of the command's spec, separated by "|". A click thus recomputes
// the answer from the fact base, which works for any user and after a
// restart, with nothing kept in memory. The version prefix lets a later
// format refuse old buttons politely.
const (
	idPrefix = "bb1:"
	// stateAt in place of the state says that the state was too long for
	// a custom_id and is in the embed's footer, after footerState.
	stateAt     = "@"
	footerState = "query: "
)

var errStale = errors.New("this button belongs to an old or unknown reply; please ask again")

// encodeState writes req as a button state. Values are escaped ("\" and
// "|" with a backslash) so that any text survives.
func encodeState(spec commands.Spec, req commands.Request) string {
	parts := []string{spec.Name}
	for _, o := range spec.Options {
		parts = append(parts, escapeState(req.Options[o.Name]))
	}
	for len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, "|")
}

// stateEscaper escapes the separator of a button state; built once, as
// linkEscaper is.
var stateEscaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`)

func escapeState(s string) string { return stateEscaper.Replace(s) }

// decodeState reads a button state back into a request. Only what
// encodeState writes is accepted: a known command that has a handler and
// is not an admin command (no button carries one: anyone may click it), no
// more values than it has options, and a backslash only before "\\" or "|".
func decodeState(t *commands.Table, state string) (commands.Request, error) {
	if !utf8.ValidString(state) {
		return commands.Request{}, errStale
	}
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(state); i++ {
		switch c := state[i]; {
		case c == '\\':
			if i+1 == len(state) || (state[i+1] != '\\' && state[i+1] != '|') {
				return commands.Request{}, errStale
			}
			i++
			cur.WriteByte(state[i])
		case c == '|':
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	parts = append(parts, cur.String())
	spec, ok := t.Lookup(parts[0])
	if !ok || spec.Handler == nil || spec.Admin || len(parts)-1 > len(spec.Options) {
		return commands.Request{}, errStale
	}
	req := commands.Request{Command: spec.Name, Options: map[string]string{}}
	for i, v := range parts[1:] {
		if v != "" {
			req.Options[spec.Options[i].Name] = v
		}
	}
	req.Raw = slashForm(spec, req.Options)
	if runes(req.Raw) > commands.MaxQuery {
		return commands.Request{}, errStale
	}
	return req, nil
}

// slashForm writes a request the way a user would type it, for logs and for
// the query an answer echoes.
func slashForm(spec commands.Spec, opts map[string]string) string {
	var b strings.Builder
	b.WriteString("/" + spec.Name)
	for _, o := range spec.Options {
		if v, ok := opts[o.Name]; ok && v != "" {
			b.WriteString(" " + o.Name + ":" + v)
		}
	}
	return b.String()
}

// button is a parsed page-button custom_id.
type button struct {
	dir   byte
	page  int
	state string
}

// parseCustomID reads a page button's custom_id, strictly: exactly the
// form customID writes (a page in plain digits, no sign, no leading zero),
// within Discord's 100 characters. Anything else is an old button or a
// forged one, and gets errStale.
func parseCustomID(id string) (button, error) {
	rest, ok := strings.CutPrefix(id, idPrefix)
	if !ok || !utf8.ValidString(id) || runes(id) > maxCustomID || len(rest) < 2 || rest[1] != ':' {
		return button{}, errStale
	}
	dir := rest[0]
	num, state, ok := strings.Cut(rest[2:], ":")
	if !ok || state == "" || !knownDir(dir, num, state) || !canonicalPage(num) {
		return button{}, errStale
	}
	page, err := strconv.Atoi(num)
	if err != nil {
		return button{}, errStale
	}
	return button{dir: dir, page: page, state: state}, nil
}

// knownDir reports whether a custom_id's direction is one a clickable
// component carries: a page button's (p, n), a suggestion's (s, always
// for page 0, never with its state in the footer), the suggestion
// menu's (m, with pickState), or the Report button's and its form's
// (r, f: page 0, the state in either place).
func knownDir(dir byte, num, state string) bool {
	switch dir {
	case 'p', 'n':
		return true
	case dirReport, dirReportForm:
		return num == "0"
	case dirSuggest:
		return num == "0" && state != stateAt
	case dirPick:
		return num == "0" && state == pickState
	}
	return false
}

// canonicalPage reports whether s is a page number as customID writes it.
func canonicalPage(s string) bool {
	if s == "" || len(s) > 4 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stateFromFooter finds the state a footer carries when it was too long for
// the custom_id. The footer's own text comes first and holds no user text,
// so the first marker is the one.
func stateFromFooter(footer string) (string, bool) {
	_, state, ok := strings.Cut(footer, " · "+footerState)
	if !ok {
		_, state, ok = strings.Cut(footer, footerState)
		if !ok || !strings.HasPrefix(footer, footerState) {
			return "", false
		}
	}
	return state, true
}
