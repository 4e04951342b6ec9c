package bot

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/commands"
	"github.com/briefbot/briefbot/internal/fakediscord"
)

// TestE2EStories runs a bot serving three stories against the fake
// Discord: the same /who answers from each channel's story, story:
// overrides the channel, autocomplete offers the stories and the people
// of the story asked, and a DM asks a story by name. The harness checks
// every payload against Discord's limits and spec when it closes.
func TestE2EStories(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(o *Options) { o.Service = storiesService(t) })
	put, _, err := h.fake.WaitRequest(waitFor, 0, func(r fakediscord.Request) bool { return r.Method == "PUT" })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(put.Body), `"name":"story"`) {
		t.Errorf("the commands were registered without the story option")
	}
	in := func(channel string, typ int, data map[string]any) map[string]any {
		i := interaction(h.id(), typ, testGuild, plainUser, nil, data)
		i["channel_id"] = channel
		return i
	}
	tests := []struct {
		name, channel string
		opts          []string
		title, story  string
	}{
		{"harbour channel", harbourChannel, []string{"name", "Marsh"}, "Dana Marsh", "harbour"},
		{"budget channel", budgetChannel, []string{"name", "Marsh"}, "Peter Marsh", "budget"},
		{"default channel", testChannel, []string{"name", "Marsh"}, "", "seeds"},
		{"story option", harbourChannel, []string{"name", "Marsh", "story", "budget"}, "Peter Marsh", "budget"},
		{"seeds in a story channel", budgetChannel, []string{"name", "witkoff", "story", "seeds"}, "Witkoff", "seeds"},
	}
	for _, tt := range tests {
		cb := decode[callback](t, h.send(in(tt.channel, 2, slash("who", tt.opts...))).Body)
		if cb.Type != 4 || len(cb.Data.Embeds) != 1 {
			t.Errorf("%s: callback type %d with %d embeds", tt.name, cb.Type, len(cb.Data.Embeds))
			continue
		}
		e := cb.Data.Embeds[0]
		if tt.title != "" && !strings.Contains(e.Title, tt.title) {
			t.Errorf("%s: title %q, want %s", tt.name, e.Title, tt.title)
		}
		if tt.title == "" && (strings.Contains(e.Title, "Dana") || strings.Contains(e.Title, "Peter")) {
			t.Errorf("%s: the default story found %q, a person of another story", tt.name, e.Title)
		}
		if e.Footer == nil || !strings.HasPrefix(e.Footer.Text, "story: "+tt.story+" · ") {
			t.Errorf("%s: footer %+v, want it to name story %s", tt.name, e.Footer, tt.story)
		}
	}

	checkStoryChoices(t, h, in)
	checkStoryDM(t, h)
}

// checkStoryChoices checks autocomplete on the stories harness h serves:
// the story option offers every story, and a name the people of the
// channel's story; in makes an interaction in a channel.
func checkStoryChoices(t *testing.T, h *harness, in func(channel string, typ int, data map[string]any) map[string]any) {
	t.Helper()
	choices := func(channel string, data map[string]any) []string {
		cb := decode[callback](t, h.send(in(channel, 4, data)).Body)
		var out []string
		for _, c := range cb.Data.Choices {
			out = append(out, c.Value)
		}
		return out
	}
	data := slash("who", "name", "Marsh", "story", "")
	data["options"].([]map[string]any)[1]["focused"] = true
	if got := choices(testChannel, data); !slices.Equal(got, []string{"seeds", "harbour", "budget"}) {
		t.Errorf("story autocomplete: %v", got)
	}
	data = slash("who", "name", "mars")
	data["options"].([]map[string]any)[0]["focused"] = true
	if got := choices(budgetChannel, data); !slices.Equal(got, []string{"Peter Marsh"}) {
		t.Errorf("person autocomplete in the budget channel: %v", got)
	}
}

// checkStoryDM checks that a DM naming a story is answered from it.
func checkStoryDM(t *testing.T, h *harness) {
	t.Helper()
	h.dm("450000000000000001", plainUser, "who is marsh? story:harbour")
	r := h.next(func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/"+testDM+"/messages"
	})
	var m struct {
		Embeds []wireEmbed `json:"embeds"`
	}
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Title+m.Embeds[0].Description, "Dana Marsh") {
		t.Errorf("DM asking story:harbour: %s", r.Body)
	}
}

// TestStoriesMetricsAndHealth: with several stories, each fact base series
// has the story as a label, and /healthz names every story's version.
func TestStoriesMetricsAndHealth(t *testing.T) {
	t.Parallel()
	svc := storiesService(t)
	h := startHTTP(t, func(o *Options) { o.Service = svc })
	fams := scrape(t, h)
	status, health := h.get("/healthz")
	if status != 200 {
		t.Errorf("/healthz: %d %q", status, health)
	}
	for _, st := range svc.Stories() {
		if got, ok := value(fams, "briefbot_fact_base_articles", map[string]string{"story": st.Name}); !ok || got != float64(st.Articles) {
			t.Errorf("briefbot_fact_base_articles{story=%q} = %v (present: %v), want %d", st.Name, got, ok, st.Articles)
		}
		if _, ok := value(fams, "briefbot_fact_base_info", map[string]string{"story": st.Name, "version": st.Version}); !ok {
			t.Errorf("no briefbot_fact_base_info for story %s, version %s", st.Name, st.Version)
		}
		if line := "story " + st.Name + ": fact base " + st.Version; !strings.Contains(health, line) {
			t.Errorf("/healthz lacks %q:\n%s", line, health)
		}
	}
}

// TestUnavailableStoryHealth: a story whose folder did not load shows as
// not loaded in /healthz and has no version series, while the bot serves.
func TestUnavailableStoryHealth(t *testing.T) {
	t.Parallel()
	broken := fsLoader(fstest.MapFS{}, "broken")
	svc, err := commands.NewStories([]commands.Story{{Name: "seeds", Base: seedService(t).Base()},
		{Name: "broken", Load: broken, Err: errors.New("no articles")}}, commands.Routes{})
	if err != nil {
		t.Fatal(err)
	}
	h := startHTTP(t, func(o *Options) { o.Service = svc })
	if status, health := h.get("/healthz"); status != 200 || !strings.Contains(health, "story broken: not loaded") {
		t.Errorf("/healthz: %d %q", status, health)
	}
	fams := scrape(t, h)
	if got, ok := value(fams, "briefbot_fact_base_articles", map[string]string{"story": "broken"}); !ok || got != 0 {
		t.Errorf("articles of the broken story: %v (present: %v)", got, ok)
	}
	if _, ok := value(fams, "briefbot_fact_base_info", map[string]string{"story": "broken"}); ok {
		t.Errorf("a version series for a story that has no version")
	}
}
