package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/commands"
)

// TestAskDiscordFormat: `ask --format discord` prints the interaction
// response the bot would send, one JSON object a line.
func TestAskDiscordFormat(t *testing.T) {
	out, errs, code := runT(t, "", "ask", "--format", "discord", "/who Witkoff")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Type int `json:"type"`
		Data struct {
			Embeds []struct {
				Title string `json:"title"`
			} `json:"embeds"`
			AllowedMentions struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Type != 4 || len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Title, "Witkoff") || r.Data.AllowedMentions.Parse == nil {
		t.Errorf("response: %s", out)
	}
	out, _, _ = runT(t, "/timeline\n/frob\n", "ask", "--format", "discord", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"custom_id":"bb1:n:1:timeline"`) || !strings.Contains(lines[1], `"error"`) {
		t.Errorf("stdin mode:\n%s", out)
	}
}

// reloadCounter stands in for the bot: it counts reloads.
type reloadCounter struct{ n atomic.Int32 }

func (r *reloadCounter) Reload() (commands.Answer, bool) { r.n.Add(1); return commands.Answer{}, true }

// TestSIGHUPReloads sends SIGHUP to the test process twice: each reloads,
// and the process, which would exit on an uncaught SIGHUP, lives on.
func TestSIGHUPReloads(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &reloadCounter{}
	watchHUP(ctx, slog.New(slog.DiscardHandler), r)
	for want := int32(1); want <= 2; want++ {
		if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for r.n.Load() < want && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if got := r.n.Load(); got != want {
			t.Fatalf("%d reloads after %d SIGHUPs", got, want)
		}
	}
}
