package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestE2EFlood: with the default limit (a burst of 5, then one every 2 s)
// on a fake clock, a member who floods gets five answers and then a
// private "slow down" for each further interaction, logged once; another
// member asking in the middle of the flood is answered as usual; after 2 s
// the flooder may ask once more. A flood of DMs is told to slow down once
// and then ignored until the limit allows again.
func TestE2EFlood(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)}
	h := startHarness(t, func(o *Options) { o.RateBurst, o.RateEvery, o.Now = 5, 2*time.Second, c.now })
	const flooder, other = plainUser, "500000000000000004"

	// The flood is sent all at once; the other member asks while it runs.
	var flood []string
	for range 30 {
		id := h.id()
		flood = append(flood, id)
		h.dispatch(interaction(id, 2, testGuild, flooder, nil, slash("who", "name", "Healey")))
	}
	for range 5 {
		cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, other, nil, slash("who", "name", "Witkoff"))).Body)
		if cb.Data.Flags != 0 || len(cb.Data.Embeds) != 1 {
			t.Errorf("the other member was refused during the flood: %+v", cb.Data)
		}
	}
	answered, slowed := floodReplies(t, h, flood)
	if answered != 5 || slowed != 25 {
		t.Errorf("flood of 30: %d answered, %d slowed down; want 5 and 25", answered, slowed)
	}
	limited := func(level string) func(map[string]any) bool {
		return func(m map[string]any) bool { return m["outcome"] == outRateLimited && m["level"] == level }
	}
	if err := h.logs.waitCount(limited("DEBUG"), 24); err != nil {
		t.Fatalf("rate-limited lines: %d at info, %d at debug; want 1 and 24", h.logs.count(limited("INFO")), h.logs.count(limited("DEBUG")))
	}
	if n := h.logs.count(limited("INFO")); n != 1 {
		t.Errorf("%d rate-limited lines at info, want 1 (the first of the flood)", n)
	}

	c.advance(2 * time.Second)
	for i, want := range []int{0, 64} { // one more answer, then slowed down again
		cb := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, flooder, nil, slash("brief"))).Body)
		if cb.Data.Flags != want {
			t.Errorf("after 2 s, request %d: flags %d, want %d", i+1, cb.Data.Flags, want)
		}
	}
	checkDMFlood(t, h)
}

// floodReplies waits for the one reply to each interaction of a flood and
// counts the answers and the "slow down"s.
func floodReplies(t *testing.T, h *harness, flood []string) (answered, slowed int) {
	for _, id := range flood {
		reqs, err := h.fake.WaitToken(waitFor, "tok-"+id, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(reqs) != 1 {
			t.Fatalf("interaction %s got %d replies, want 1", id, len(reqs))
		}
		cb := decode[callback](t, reqs[0].Body)
		switch {
		case len(cb.Data.Embeds) == 1 && cb.Data.Flags == 0:
			answered++
		case cb.Data.Flags == 64 && strings.HasPrefix(cb.Data.Content, "Slow down") && strings.Contains(cb.Data.Content, "Try again in 2 s"):
			slowed++
		default:
			t.Errorf("unexpected reply in the flood: %s", reqs[0].Body)
		}
	}
	return answered, slowed
}

// checkDMFlood sends nine DMs at once: five answers, one "slow down", then
// silence.
func checkDMFlood(t *testing.T, h *harness) {
	const dmer = "500000000000000005"
	for i := range 9 {
		h.dm(fmt.Sprintf("4600000000000000%02d", i), dmer, "who is healey")
	}
	if err := h.logs.waitCount(func(m map[string]any) bool { return m["kind"] == "dm" && m["user"] == dmer }, 9); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range h.fake.Requests() {
		if r.Path == "/channels/"+testDM+"/messages" {
			texts = append(texts, string(r.Body))
		}
	}
	slow := 0
	for _, s := range texts {
		if strings.Contains(s, "Slow down") {
			slow++
		}
	}
	if len(texts) != 6 || slow != 1 {
		t.Errorf("9 DMs got %d replies, %d of them \"slow down\"; want 6 and 1", len(texts), slow)
	}
}
