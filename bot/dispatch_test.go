package bot

import (
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/testlog"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/commands"
)

// handlerFunc is what answers a request: the service's Handle, or a
// stand-in.
type handlerFunc = func(commands.Request) (commands.Answer, error)

// recorder stands in for the session: it records what the bot sends.
type recorder struct {
	mu    sync.Mutex
	calls []call
}

type call struct {
	what string // respond, edit, delete, followup, send, request
	body []byte
}

func (r *recorder) add(what string, v any) {
	b, _ := json.Marshal(v)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, call{what, b})
}

func (r *recorder) respond(_ *discordgo.Interaction, body wireJSON, _ ...discordgo.RequestOption) error {
	r.add("respond", body)
	return nil
}

func (r *recorder) InteractionResponseDelete(*discordgo.Interaction, ...discordgo.RequestOption) error {
	r.add("delete", nil)
	return nil
}

func (r *recorder) FollowupMessageCreate(_ *discordgo.Interaction, _ bool, p *discordgo.WebhookParams, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	r.add("followup", p)
	return &discordgo.Message{}, nil
}

func (r *recorder) ChannelMessageSendComplex(_ string, m *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	r.add("send", m)
	return &discordgo.Message{}, nil
}

// interactionCall is how the bot edits a deferred reply (PATCH) and sends
// autocomplete choices (POST).
func (r *recorder) interactionCall(method, _ string, data any, _ ...discordgo.RequestOption) ([]byte, error) {
	if method == "PATCH" {
		r.add("edit", data)
		return []byte("{}"), nil
	}
	r.add("request", data)
	return nil, nil
}

func (r *recorder) summary() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var parts []string
	for _, c := range r.calls {
		parts = append(parts, c.what+" "+string(c.body))
	}
	return strings.Join(parts, "\n")
}

func (r *recorder) whats() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var w []string
	for _, c := range r.calls {
		w = append(w, c.what)
	}
	return strings.Join(w, ",")
}

func parseInteraction(t *testing.T, in map[string]any) *discordgo.Interaction {
	t.Helper()
	b, _ := json.Marshal(in)
	var i discordgo.Interaction
	if err := json.Unmarshal(b, &i); err != nil {
		t.Fatal(err)
	}
	return &i
}

// dispatchCase is an interaction, how the bot is set up for it, and what
// it must send and log.
type dispatchCase struct {
	name    string
	in      map[string]any
	handle  func(next handlerFunc, r commands.Request) (commands.Answer, error) // in place of the service's
	private bool
	calls   string // what the bot sent, in order
	has     string // in the last payload
	outcome string
}

// dispatchCases are the paths of an interaction: errors, panics,
// deferrals, refusals.
func dispatchCases() []dispatchCase {
	slow := 80 * time.Millisecond
	stale := interaction("1", 3, testGuild, plainUser, nil, map[string]any{"custom_id": "bb1:n:1:nosuch|x", "component_type": 2})
	pageBtn := interaction("1", 3, testGuild, plainUser, nil, map[string]any{"custom_id": "bb1:n:1:timeline", "component_type": 2})
	return []dispatchCase{
		{"panic", interaction("1", 2, testGuild, plainUser, nil, slash("who", "name", "x")),
			func(handlerFunc, commands.Request) (commands.Answer, error) { panic("boom") },
			false, "respond", `"flags":64`, outPanic},
		{"internal error", interaction("1", 2, testGuild, plainUser, nil, slash("who", "name", "x")),
			func(handlerFunc, commands.Request) (commands.Answer, error) {
				return commands.Answer{}, errors.New("disk on fire")
			},
			false, "respond", genericError, outError},
		{"user error escaped", interaction("1", 2, testGuild, plainUser, nil, slash("who", "name", "x", "*nme*", "y")),
			nil, false, "respond", `has no option \"\\*nme\\*\"`, outUserError},
		{"slow public error: private follow-up", interaction("1", 2, testGuild, plainUser, nil, slash("brief")),
			func(handlerFunc, commands.Request) (commands.Answer, error) {
				time.Sleep(slow)
				return commands.Answer{}, errors.New("late failure")
			}, false, "respond,delete,followup", `"flags":64`, outError},
		{"slow private answer: deferred privately, then edited", interaction("1", 2, testGuild, plainUser, nil, slash("brief")),
			func(next handlerFunc, r commands.Request) (commands.Answer, error) {
				time.Sleep(slow)
				return next(r)
			}, true, "respond,edit", `"embeds":[{`, outOK},
		{"slow page click: deferred update, then edited", pageBtn,
			func(next handlerFunc, r commands.Request) (commands.Answer, error) {
				time.Sleep(slow)
				return next(r)
			}, false, "respond,edit", `page 2/`, outOK},
		{"failed page click leaves the message alone", pageBtn,
			func(handlerFunc, commands.Request) (commands.Answer, error) {
				return commands.Answer{}, errors.New("x")
			},
			false, "respond", `"type":4`, outError},
		{"stale button", stale, nil, false, "respond", "old or unknown reply", outUserError},
		{"reload in a DM", interaction("1", 2, "", adminUser, nil, slash("reload")), nil, false, "respond", "works in a server", outRefused},
		{"reload by a member", interaction("1", 2, testGuild, plainUser, nil, slash("reload")), nil, false, "respond", "Only the bot's admins", outRefused},
		{"autocomplete of nothing", interaction("1", 4, testGuild, plainUser, nil, slash("frob")), nil, false, "request", `"choices":[]`, outOK},
	}
}

// TestDispatch sends each of dispatchCases to a bot: what the user sees,
// and the log line.
func TestDispatch(t *testing.T) {
	for _, tt := range dispatchCases() {
		t.Run(tt.name, func(t *testing.T) {
			var logs testlog.Buffer
			b := newTestBot(t, func(o *Options) {
				o.DeferAfter = 20 * time.Millisecond
				o.Private = tt.private
				o.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
			})
			if next := b.handle; tt.handle != nil {
				b.handle = func(r commands.Request) (commands.Answer, error) { return tt.handle(next, r) }
			}
			rec := &recorder{}
			b.handleInteraction(rec, parseInteraction(t, tt.in))
			if got := rec.whats(); got != tt.calls {
				t.Fatalf("sent %s, want %s:\n%s", got, tt.calls, rec.summary())
			}
			last := rec.calls[len(rec.calls)-1]
			if !strings.Contains(string(last.body), tt.has) {
				t.Errorf("last payload lacks %s:\n%s", tt.has, last.body)
			}
			if tt.calls == "respond,delete,followup" || strings.HasPrefix(tt.calls, "respond,") {
				if !strings.Contains(string(rec.calls[0].body), `"type":5`) && !strings.Contains(string(rec.calls[0].body), `"type":6`) {
					t.Errorf("first reply is not a deferral: %s", rec.calls[0].body)
				}
			}
			var line map[string]any
			if err := json.Unmarshal([]byte(logs.String()), &line); err != nil {
				t.Fatalf("log is not one JSON line: %q", logs.String())
			}
			if line["outcome"] != tt.outcome || line["user"] != plainUser && line["user"] != adminUser || line["duration"] == nil {
				t.Errorf("log line %v, want outcome %s", line, tt.outcome)
			}
			if tt.outcome == outPanic && !strings.Contains(line["stack"].(string), "dispatch_test.go") {
				t.Errorf("a panic is logged without its stack: %v", line)
			}
			if tt.outcome == outUserError && line["level"] != "INFO" {
				t.Errorf("a user error is logged at %v", line["level"])
			}
		})
	}
}

func TestRateLimited(t *testing.T) {
	c := &clock{t: time.Unix(1e9, 0)}
	b := newTestBot(t, func(o *Options) { o.RateBurst, o.RateEvery, o.Now = 2, 2*time.Second, c.now })
	rec := &recorder{}
	for range 3 {
		b.handleInteraction(rec, parseInteraction(t, interaction("1", 2, testGuild, plainUser, nil, slash("brief"))))
	}
	last := string(rec.calls[2].body)
	if !strings.Contains(last, "faster than I answer. Try again in 2 s") || !strings.Contains(last, `"flags":64`) {
		t.Errorf("third request: %s", last)
	}
	// Autocomplete is not counted.
	b.handleInteraction(rec, parseInteraction(t, interaction("1", 4, testGuild, plainUser, nil, slash("who", "name", "x"))))
	if !strings.Contains(string(rec.calls[3].body), `"type":8`) {
		t.Errorf("autocomplete while limited: %s", rec.calls[3].body)
	}
}

// TestOverLimitGuard: a reply that would break a limit is never sent.
func TestOverLimitGuard(t *testing.T) {
	b := newTestBot(t, nil)
	rec := &recorder{}
	ev := &event{}
	huge := textMessage("", false)
	huge.Content = strings.Repeat("x", 2500)
	x := &exchange{b: b, s: rec, i: &discordgo.Interaction{}, ev: ev}
	x.respond(huge.response(discordgo.InteractionResponseChannelMessageWithSource))
	if ev.outcome != outError || !strings.Contains(string(rec.calls[0].body), genericError) {
		t.Errorf("outcome %s, sent %s", ev.outcome, rec.calls[0].body)
	}
}

func TestDirectMessages(t *testing.T) {
	b := newTestBot(t, nil)
	msg := func(guild, user, content string, bot bool) *discordgo.Message {
		return &discordgo.Message{GuildID: guild, ChannelID: testDM, Content: content, Author: &discordgo.User{ID: user, Bot: bot}}
	}
	tests := []struct {
		name string
		m    *discordgo.Message
		has  string // "" for no reply
	}{
		{"question", msg("", plainUser, "what did healey say?", false), `"title":"Quotes: John Healey"`},
		{"in a guild", msg(testGuild, plainUser, "who is witkoff", false), ""},
		{"from a bot", msg("", plainUser, "who is witkoff", true), ""},
		{"empty", msg("", plainUser, "   ", false), "empty query"},
		{"reload by a non-admin", msg("", plainUser, "reload", false), "Only the bot's admins"},
		{"reload by an admin", msg("", adminUser, "reload", false), "Fact base reloaded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			b.handleMessage(rec, tt.m)
			if tt.has == "" {
				if len(rec.calls) != 0 {
					t.Errorf("replied: %s", rec.summary())
				}
				return
			}
			if len(rec.calls) != 1 || !strings.Contains(string(rec.calls[0].body), tt.has) {
				t.Errorf("reply lacks %s:\n%s", tt.has, rec.summary())
			}
			if err := checkMessage(rec.calls[0].body); err != nil {
				t.Error(err)
			}
		})
	}
}
