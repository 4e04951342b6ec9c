package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/fakediscord"
	"github.com/bwmarrin/discordgo"
)

// curators is the feedback channel of the tests.
const curators = "730000000000000001"

func withFeedback(o *Options) { o.FeedbackChannel = curators }

// customIDs lists the custom_ids of a reply's components, row by row.
func customIDs(cb callback) [][]string {
	var out [][]string
	for _, row := range cb.Data.Components {
		var ids []string
		for _, c := range row.Components {
			ids = append(ids, c.CustomID)
		}
		out = append(out, ids)
	}
	return out
}

// submission is a report form submitted by user with text, from the
// message msg (which the form's Report button was on).
func submission(id, user, formID, text string, msg *callback) map[string]any {
	data := map[string]any{"custom_id": formID, "components": []any{map[string]any{"type": 1,
		"components": []any{map[string]any{"type": 4, "custom_id": reportInput, "value": text}}}}}
	in := interaction(id, 5, testGuild, user, nil, data)
	if msg != nil {
		in["message"] = map[string]any{"id": "400000000000000002", "channel_id": testChannel, "content": "", "embeds": msg.Data.Embeds, "type": 0}
	}
	return in
}

// TestE2EReportButton: answers have a Report button only when a feedback
// channel is configured: on the page buttons' row when there is one,
// else on a row of its own.
func TestE2EReportButton(t *testing.T) {
	t.Parallel()
	off := startHarness(t, nil)
	cb := decode[callback](t, off.send(interaction(off.id(), 2, testGuild, plainUser, nil, slash("timeline"))).Body)
	if strings.Contains(fmt.Sprint(customIDs(cb)), "bb1:r:") {
		t.Errorf("no feedback channel, yet a Report button: %v", customIDs(cb))
	}
	on := startHarness(t, withFeedback)
	cb = decode[callback](t, on.send(interaction(on.id(), 2, testGuild, plainUser, nil, slash("timeline"))).Body)
	if ids := customIDs(cb); len(ids) != 1 || len(ids[0]) != 4 || ids[0][3] != "bb1:r:0:timeline" {
		t.Errorf("/timeline: components %v, want the Report button fourth on the page row", ids)
	}
	cb = decode[callback](t, on.send(interaction(on.id(), 2, testGuild, plainUser, nil, slash("who", "name", "John Ray"))).Body)
	if ids := customIDs(cb); len(ids) != 1 || len(ids[0]) != 1 || ids[0][0] != "bb1:r:0:who|John Ray" {
		t.Errorf("/who John Ray: components %v, want one row with the Report button", ids)
	}
	// A miss has its suggestions' row, and the button on a row of its own.
	cb = decode[callback](t, on.send(interaction(on.id(), 2, testGuild, plainUser, nil, slash("who", "name", "jonh"))).Body)
	if ids := customIDs(cb); len(ids) != 2 || ids[1][0] != "bb1:r:0:who|jonh" {
		t.Errorf("/who jonh: components %v, want suggestions, then the Report button", ids)
	}
}

// TestE2EReportFlow: the button opens the form; the submitted form is
// posted to the curators' channel, pinging no one, and the reporter is
// thanked privately.
func TestE2EReportFlow(t *testing.T) {
	t.Parallel()
	h := startHarness(t, withFeedback)
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "John Ray"))).Body)
	form := decode[modalCallback](t, h.send(click(h.id(), "bb1:r:0:who|John Ray", cb)).Body)
	in := form.Data.Components[0].Components[0]
	if form.Type != 9 || form.Data.CustomID != "bb1:f:0:who|John Ray" || in.Type != 4 || in.Style != 2 ||
		in.MinLength != 1 || in.MaxLength != 1000 || !in.Required {
		t.Fatalf("click on Report: %+v, want a modal with one required paragraph of 1 to 1000 characters", form)
	}

	text := "The date of the visit is wrong:\n**it was** a *Tuesday* <@" + adminUser + "> @everyone"
	post, reply := h.report(h.id(), plainUser, form.Data.CustomID, text, nil)
	checkShown(t, "report", post.Body)
	body := string(post.Body)
	for _, want := range []string{`\\*\\*it was\\*\\*`, `\\\u003c@` + adminUser + `\\\u003e`, "John Ray", "/who name:John Ray",
		"version " + h.bot.svc.Base().Version(), "user003"} {
		if !strings.Contains(body, want) {
			t.Errorf("the report lacks %s:\n%s", want, body)
		}
	}
	if reply != reportThanks {
		t.Errorf("the reporter was told %q", reply)
	}
	if _, err := h.logs.wait(func(m map[string]any) bool { return m["msg"] == "report" && m["sent"] == true }); err != nil {
		t.Errorf("no report log line: %v\n%s", err, h.logs)
	}
}

// modalCallback is a modal callback (type 9) as the fake received it.
type modalCallback struct {
	Type int `json:"type"`
	Data struct {
		CustomID   string `json:"custom_id"`
		Title      string `json:"title"`
		Components []struct {
			Components []struct {
				Type      int    `json:"type"`
				CustomID  string `json:"custom_id"`
				Style     int    `json:"style"`
				Required  bool   `json:"required"`
				MinLength int    `json:"min_length"`
				MaxLength int    `json:"max_length"`
			} `json:"components"`
		} `json:"components"`
	} `json:"data"`
}

// report submits a report form that should be taken: it checks the
// private deferral, and returns the post to the curators' channel and the
// reply the reporter sees in the end.
func (h *harness) report(id, user, formID, text string, msg *callback) (post fakediscord.Request, thanks string) {
	h.t.Helper()
	def := decode[callback](h.t, h.send(submission(id, user, formID, text, msg)).Body)
	if def.Type != 5 || def.Data.Flags != 64 {
		h.t.Fatalf("report: first reply type %d flags %d, want a private deferral", def.Type, def.Data.Flags)
	}
	post = h.next(func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/"+curators+"/messages"
	})
	edit := h.next(func(r fakediscord.Request) bool { return r.Method == "PATCH" && strings.Contains(r.Path, "tok-"+id) })
	return post, decode[struct {
		Content string `json:"content"`
	}](h.t, edit.Body).Content
}

// TestE2EReportRefusals: an empty or over-long report is refused,
// privately, and nothing is posted; hostile reports are posted defused;
// a flood of reports is slowed down like a flood of commands.
func TestE2EReportRefusals(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(o *Options) { withFeedback(o); o.RateBurst, o.RateEvery = 100, time.Hour })
	form := "bb1:f:0:who|John Ray"
	for _, bad := range []struct{ name, text, want string }{
		{"empty", "", "empty"}, {"blank", " \n\t ", "empty"},
		{"1001 characters", strings.Repeat("é", 1001), "too long \\(1001 characters"},
		{"4000 characters", strings.Repeat("@everyone ", 400), "too long \\(4000 characters"},
	} {
		cb := decode[callback](t, h.send(submission(h.id(), plainUser, form, bad.text, nil)).Body)
		if cb.Type != 4 || cb.Data.Flags != 64 || !strings.Contains(cb.Data.Content, bad.want) {
			t.Errorf("%s: %+v, want a private refusal saying %q", bad.name, cb.Data, bad.want)
		}
	}
	for _, in := range hostile {
		if runes(in.text) > maxReport {
			continue // refused above
		}
		post, reply := h.report(h.id(), plainUser, form, in.text, nil)
		checkShown(t, in.name, post.Body)
		if reply != reportThanks {
			t.Errorf("%s: the reporter was told %q", in.name, reply)
		}
	}
	for _, r := range h.fake.Requests() {
		if r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/") && strings.Contains(string(r.Body), "everyone everyone") {
			t.Errorf("a refused report was posted: %.200s", r.Body)
		}
	}
	if n := h.logs.count(func(m map[string]any) bool { return m["outcome"] == outPanic || m["outcome"] == outError }); n != 0 {
		t.Errorf("%d panics or errors:\n%s", n, h.logs)
	}
}

// TestE2EReportRateLimited: reports count against the member's rate limit.
func TestE2EReportRateLimited(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(o *Options) { withFeedback(o); o.RateBurst, o.RateEvery = 1, time.Hour })
	h.report(h.id(), plainUser, "bb1:f:0:who|John Ray", "wrong", nil)
	cb := decode[callback](t, h.send(submission(h.id(), plainUser, "bb1:f:0:who|John Ray", "wrong again", nil)).Body)
	if cb.Type != 4 || cb.Data.Flags != 64 || !strings.HasPrefix(cb.Data.Content, "Slow down") {
		t.Errorf("second report at once: %+v, want a private slow down", cb.Data)
	}
}

// TestE2EReportStateInFooter: a query too long for a custom_id has its
// state in the footer; the Report button and its form say "@", and the
// submission reads the state from the message the button was on.
func TestE2EReportStateInFooter(t *testing.T) {
	t.Parallel()
	h := startHarness(t, withFeedback)
	q := "ukraine " + strings.Repeat("x", 95)
	cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("search", "query", q))).Body)
	ids := fmt.Sprint(customIDs(cb))
	if !strings.Contains(ids, "bb1:r:0:@") {
		t.Fatalf("/search with a long query: components %s, want the Report button with its state in the footer", ids)
	}
	form := decode[modalCallback](t, h.send(click(h.id(), "bb1:r:0:@", cb)).Body)
	if form.Type != 9 || form.Data.CustomID != "bb1:f:0:@" {
		t.Fatalf("click on Report: %+v", form)
	}
	post, thanks := h.report(h.id(), plainUser, form.Data.CustomID, "wrong", &cb)
	if !strings.Contains(string(post.Body), strings.Repeat("x", 95)) || thanks != reportThanks {
		t.Errorf("report of a long query: %s; reporter told %q", post.Body, thanks)
	}
}

// TestReportButtonLimits: the button never breaks a limit; without room,
// it is left out.
func TestReportButtonLimits(t *testing.T) {
	b := &Bot{opts: Options{FeedbackChannel: curators}, table: commands.NewTable()}
	req := commands.Request{Command: "who", Options: map[string]string{"name": "John Ray"}}
	full := message{}
	for i := range maxRows {
		full.Components = append(full.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "x", CustomID: fmt.Sprintf("bb1:s:0:who|%d", i)}}})
	}
	if got := b.withReport(full, req); len(got.Components) != maxRows || strings.Contains(fmt.Sprint(got.Components), "bb1:r:") {
		t.Errorf("five rows already: %+v", got.Components)
	}
	long := commands.Request{Command: "search", Options: map[string]string{"query": strings.Repeat("y", 200)}}
	if got := b.withReport(message{}, long); len(got.Components) != 0 {
		t.Errorf("a state too long, not in the footer: %+v", got.Components)
	}
	body, _ := json.Marshal(reportForm(customID(dirReportForm, 0, "who|John Ray")))
	if err := checkCallback(body); err != nil {
		t.Errorf("the report form breaks a limit: %v", err)
	}
}
