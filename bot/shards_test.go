package bot

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// identifiedShards returns the shard of each IDENTIFY the fake received
// (nil for an unsharded one).
func identifiedShards(t *testing.T, fake *fakediscord.Server, n int) [][]int {
	t.Helper()
	ops, err := fake.WaitGateway(waitFor, n)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]int
	for _, op := range ops {
		var d struct {
			Shard []int `json:"shard"`
		}
		if op.Op == 2 && json.Unmarshal(op.Data, &d) == nil {
			out = append(out, d.Shard)
		}
	}
	return out
}

// TestE2EShardsAuto: shard_count auto takes Discord's recommendation from
// GET /gateway/bot and runs every shard in this process; a guild's
// interactions arrive on its shard, DMs on shard 0, and both are answered.
func TestE2EShardsAuto(t *testing.T) {
	t.Parallel()
	h := startHarnessWith(t, fakediscord.Config{Shards: 2, MaxConcurrency: 2}, func(o *Options) { o.ShardCount = ShardAuto })
	// With max_concurrency 2 both shards identify at once, in either order.
	got := identifiedShards(t, h.fake, 2)
	sort.Slice(got, func(i, j int) bool { return len(got[i]) > 0 && len(got[j]) > 0 && got[i][0] < got[j][0] })
	if len(got) != 2 || !sameJSON(got, [][]int{{0, 2}, {1, 2}}) {
		t.Fatalf("identified as shards %v, want [0 2] and [1 2]", got)
	}
	if got := h.fake.Shards(); !sameJSON(got, []int{0, 1}) {
		t.Errorf("connected shards %v", got)
	}
	// testGuild's events go to shard (id >> 22) % 2 = 1.
	if c := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("who", "name", "Witkoff"))).Body); c.Type != 4 {
		t.Errorf("guild interaction on shard 1: callback type %d", c.Type)
	}
	h.dm("810000000000000001", plainUser, "who is witkoff?")
	h.next(func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/"+testDM+"/messages"
	})
	asked := 0
	for _, r := range h.fake.Requests() {
		if r.Path == "/gateway/bot" {
			asked++
		}
	}
	if asked != 1 {
		t.Errorf("GET /gateway/bot asked %d times, want 1", asked)
	}
	if _, err := h.logs.wait(func(m map[string]any) bool { return m["msg"] == "serving" && m["shard_count"] == int64(2) }); err != nil {
		t.Errorf("no serving line naming the shards:\n%s", h.logs)
	}
}

// TestE2EShardSubset: a process told to run shard 1 of 3 runs only that
// one, and says that DMs (shard 0's) are another process's to answer.
func TestE2EShardSubset(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(o *Options) { o.ShardCount, o.ShardIDs = 3, []int{1} })
	if got := identifiedShards(t, h.fake, 1); !sameJSON(got, [][]int{{1, 3}}) {
		t.Fatalf("identified as %v, want shard [1 3] only", got)
	}
	if c := decode[callback](t, h.send(interaction(h.id(), 2, testGuild, plainUser, nil, slash("brief"))).Body); c.Type != 4 {
		t.Errorf("callback type %d", c.Type)
	}
	if _, err := h.logs.wait(func(m map[string]any) bool { return strings.Contains(m["msg"].(string), "does not run shard 0") }); err != nil {
		t.Errorf("no word that DMs go to shard 0:\n%s", h.logs)
	}
	if got := h.fake.Sessions(); got != 1 {
		t.Errorf("%d sessions, want 1", got)
	}
}

// TestShardsWaitBetweenIdentifies: with one identify at a time allowed,
// the second shard waits for its turn; a shutdown meanwhile ends the wait
// and Run returns cleanly.
func TestShardsWaitBetweenIdentifies(t *testing.T) {
	t.Parallel()
	fake, err := fakediscord.Start(fakediscord.Config{MaxConcurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	b := newTestBot(t, func(o *Options) {
		o.APIBase, o.AppID, o.ShardCount = fake.URL, fakediscord.AppID, 2
		o.identifyGap = time.Hour
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx, testToken) }()
	if got := identifiedShards(t, fake, 1); !sameJSON(got, [][]int{{0, 2}}) {
		t.Fatalf("first identify: %v", got)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(waitFor):
		t.Fatal("Run did not return while waiting to identify")
	}
	if n := fake.Sessions(); n != 1 {
		t.Errorf("%d shards identified, want 1: the second should have waited its turn", n)
	}
}

func TestCheckShards(t *testing.T) {
	tests := []struct {
		count int
		ids   []int
		want  string // in the error; "" for none
	}{
		{0, nil, ""},
		{1, nil, ""},
		{4, []int{0, 3}, ""},
		{ShardAuto, nil, ""},
		{ShardAuto, []int{0}, "fixed shard count"},
		{2, []int{2}, "want 0 to 1"},
		{2, []int{1, 1}, "twice"},
		{-2, nil, "shard count"},
	}
	for _, tt := range tests {
		err := checkShards(tt.count, tt.ids)
		if (err == nil) != (tt.want == "") || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("checkShards(%d, %v) = %v, want %q", tt.count, tt.ids, err, tt.want)
		}
	}
}
