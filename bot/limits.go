package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
)

// Discord's limits on what a bot sends, in characters (runes). A reply that
// breaks one is rejected and the user sees "interaction failed", so every
// reply is checked against them before it leaves (see checkCallback).
const (
	maxContent     = 2000
	maxEmbeds      = 10
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxAuthor      = 256
	maxEmbedsTotal = 6000
	maxRows        = 5
	maxRowButtons  = 5
	maxCustomID    = 100
	maxLabel       = 80
	maxChoices     = 25
	maxChoice      = 100
	maxCommandName = 32
	maxCommandDesc = 100
	maxOptions     = 25
)

// commandName is Discord's rule for command and option names.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}]{1,32}$`)

// The parts of a payload the limits concern, as Discord receives them.
type (
	wireMessage struct {
		Content         string        `json:"content"`
		Embeds          []wireEmbed   `json:"embeds"`
		Components      []wireRow     `json:"components"`
		AllowedMentions *wireMentions `json:"allowed_mentions"`
		Choices         []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	}
	wireMentions struct {
		Parse *[]string `json:"parse"`
	}
	wireEmbed struct {
		Title       string      `json:"title"`
		Description string      `json:"description"`
		Fields      []wireField `json:"fields"`
		Footer      *wireFooter `json:"footer"`
		Author      *wireAuthor `json:"author"`
	}
	wireFooter struct {
		Text string `json:"text"`
	}
	wireAuthor struct {
		Name string `json:"name"`
	}
	wireField struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	wireRow struct {
		Type       int             `json:"type"`
		Components []wireComponent `json:"components"`
	}
	wireComponent struct {
		Type     int          `json:"type"`
		CustomID string       `json:"custom_id"`
		Label    string       `json:"label"`
		URL      string       `json:"url"`
		Options  []wireOption `json:"options"`
	}
	wireOption struct {
		Label string `json:"label"`
		Value string `json:"value"`
	}
	wireCommand struct {
		Type        int    `json:"type"`
		Name        string `json:"name"`
		Description string `json:"description"`
		Options     []struct {
			Name        string `json:"name"`
			Description string `json:"description"`
		} `json:"options"`
	}
)

// checkCallback checks an interaction callback body ({"type", "data"})
// against every limit.
func checkCallback(body []byte) error {
	// The common case, a message, decoded in one pass: every reply is
	// checked, and reading the body twice was a fifth of a reply's work.
	var msg struct {
		Type int          `json:"type"`
		Data *wireMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &msg); err == nil && msg.Data != nil && msg.Type != 8 && msg.Type != 9 {
		return checkWire(*msg.Data, msg.Type == 4 || msg.Type == 7)
	}
	var cb struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &cb); err != nil {
		return fmt.Errorf("callback: %w", err)
	}
	if len(cb.Data) == 0 || string(cb.Data) == "null" {
		if cb.Type == 4 || cb.Type == 7 || cb.Type == 8 || cb.Type == 9 {
			return fmt.Errorf("callback type %d without data", cb.Type)
		}
		return nil
	}
	var m wireMessage
	if err := json.Unmarshal(cb.Data, &m); err != nil {
		return fmt.Errorf("callback data: %w", err)
	}
	if cb.Type == 8 {
		return checkChoices(m)
	}
	if cb.Type == 9 {
		return checkModal(cb.Data)
	}
	// A deferral (5, 6) shows nothing yet: it carries at most the flags.
	return checkWire(m, cb.Type == 4 || cb.Type == 7)
}

// checkMessage checks a message body (a webhook edit, a channel message).
func checkMessage(body []byte) error {
	var m wireMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return fmt.Errorf("message: %w", err)
	}
	return checkWire(m, true)
}

func checkChoices(m wireMessage) error {
	var errs []error
	if len(m.Choices) > maxChoices {
		errs = append(errs, fmt.Errorf("%d choices (max %d)", len(m.Choices), maxChoices))
	}
	for i, c := range m.Choices {
		v, _ := c.Value.(string)
		if n := runes(c.Name); n < 1 || n > maxChoice {
			errs = append(errs, fmt.Errorf("choice %d: name of %d characters", i, n))
		}
		if n := runes(v); n < 1 || n > maxChoice {
			errs = append(errs, fmt.Errorf("choice %d: value of %d characters", i, n))
		}
	}
	return errors.Join(errs...)
}

// checkWire checks one message; wantMentions requires allowed_mentions
// {"parse": []}, which every message of briefbot carries.
func checkWire(m wireMessage, wantMentions bool) error {
	var errs []error
	if n := runes(m.Content); n > maxContent {
		errs = append(errs, fmt.Errorf("content of %d characters (max %d)", n, maxContent))
	}
	if wantMentions && (m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(*m.AllowedMentions.Parse) != 0) {
		errs = append(errs, errors.New(`allowed_mentions is not {"parse": []}`))
	}
	errs = append(errs, checkEmbeds(m.Embeds)...)
	errs = append(errs, checkRows(m.Components)...)
	return errors.Join(errs...)
}

// checkEmbeds checks a message's embeds, each and all together.
func checkEmbeds(embeds []wireEmbed) []error {
	var errs []error
	if len(embeds) > maxEmbeds {
		errs = append(errs, fmt.Errorf("%d embeds (max %d)", len(embeds), maxEmbeds))
	}
	total := 0
	for i, e := range embeds {
		n := limitf(&errs, e.Title, 0, maxTitle, "embed %d title", i) + limitf(&errs, e.Description, 0, maxDescription, "embed %d description", i)
		if len(e.Fields) > maxFields {
			errs = append(errs, fmt.Errorf("embed %d: %d fields (max %d)", i, len(e.Fields), maxFields))
		}
		for j, f := range e.Fields {
			n += limitf(&errs, f.Name, 1, maxFieldName, "embed %d field %d name", i, j) + limitf(&errs, f.Value, 1, maxFieldValue, "embed %d field %d value", i, j)
		}
		if e.Footer != nil {
			n += limitf(&errs, e.Footer.Text, 0, maxFooter, "embed %d footer", i)
		}
		if e.Author != nil {
			n += limitf(&errs, e.Author.Name, 0, maxAuthor, "embed %d author", i)
		}
		total += n
	}
	if total > maxEmbedsTotal {
		errs = append(errs, fmt.Errorf("%d characters across the embeds (max %d)", total, maxEmbedsTotal))
	}
	return errs
}

// checkRows checks a message's action rows and their buttons.
func checkRows(rows []wireRow) []error {
	var errs []error
	if len(rows) > maxRows {
		errs = append(errs, fmt.Errorf("%d action rows (max %d)", len(rows), maxRows))
	}
	ids := map[string]bool{}
	for i, row := range rows {
		if row.Type != 1 {
			errs = append(errs, fmt.Errorf("component %d: type %d, want an action row", i, row.Type))
		}
		if len(row.Components) < 1 || len(row.Components) > maxRowButtons {
			errs = append(errs, fmt.Errorf("row %d: %d buttons (1 to %d)", i, len(row.Components), maxRowButtons))
		}
		for j, c := range row.Components {
			limitf(&errs, c.Label, 0, maxLabel, "row %d button %d label", i, j)
			if c.URL != "" {
				continue
			}
			limitf(&errs, c.CustomID, 1, maxCustomID, "row %d button %d custom_id", i, j)
			if ids[c.CustomID] {
				errs = append(errs, fmt.Errorf("row %d button %d: custom_id %q used twice", i, j, c.CustomID))
			}
			ids[c.CustomID] = true
			errs = append(errs, checkMenu(i, c.Type, len(c.Options), func(k int) (string, string) { return c.Options[k].Label, c.Options[k].Value })...)
		}
	}
	return errs
}

// checkMenu checks a select menu's options (a string select, type 3, has
// 1 to 25, each with a label and a value of 1 to 100 characters); any
// other component has none.
func checkMenu(row, typ, n int, option func(int) (label, value string)) []error {
	if typ != 3 {
		return nil
	}
	var errs []error
	if n < 1 || n > maxMenuOptions {
		errs = append(errs, fmt.Errorf("row %d: select menu of %d options (1 to %d)", row, n, maxMenuOptions))
	}
	for k := range n {
		l, v := option(k)
		limitf(&errs, l, 1, maxOption, "row %d option %d label", row, k)
		limitf(&errs, v, 1, maxOption, "row %d option %d value", row, k)
	}
	return errs
}

func limit(errs *[]error, what, s string, lo, hi int) {
	if n := runes(s); n < lo || n > hi {
		*errs = append(*errs, fmt.Errorf("%s: %d characters (%d to %d)", what, n, lo, hi))
	}
}

// limitf is limit with what it names formatted only when s breaks the
// limit (every reply is checked, and nearly all keep every limit). It
// returns the characters of s.
func limitf(errs *[]error, s string, lo, hi int, format string, args ...int) int {
	n := runes(s)
	if n < lo || n > hi {
		as := make([]any, len(args))
		for i, a := range args {
			as[i] = a
		}
		*errs = append(*errs, fmt.Errorf("%s: %d characters (%d to %d)", fmt.Sprintf(format, as...), n, lo, hi))
	}
	return n
}
