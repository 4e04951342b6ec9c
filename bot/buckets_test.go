package bot

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// buckets counts the rate-limit buckets a discordgo session holds: its
// RateLimiter's map is unexported, and reflection may count it.
func buckets(s *discordgo.Session) int {
	return reflect.ValueOf(s.Ratelimiter).Elem().FieldByName("buckets").Len()
}

// liveHeap is the heap in use after the garbage collector has run.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// typingWho is an interaction of id: /who's name being typed.
func typingWho(id string) *discordgo.Interaction {
	return &discordgo.Interaction{ID: id, AppID: "100000000000000001", Token: "tok-" + id, GuildID: testGuild,
		Type: discordgo.InteractionApplicationCommandAutocomplete,
		Data: discordgo.ApplicationCommandInteractionData{Name: "who", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "name", Type: discordgo.ApplicationCommandOptionString, Value: "witk", Focused: true}}},
		Member: &discordgo.Member{User: &discordgo.User{ID: plainUser}}}
}

// acceptAll is a Discord that accepts every REST call and counts them.
func acceptAll(calls *atomic.Int64) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		io.Copy(io.Discard, r.Body) //nolint:errcheck // a test server
		if r.Method == http.MethodDelete || strings.HasSuffix(r.URL.Path, "/callback") {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"400000000000000001","channel_id":"300000000000000001"}`) //nolint:errcheck // a test server
	}))
}

// TestInteractionsLeaveNoBuckets: 100,000 interactions (10,000 under the
// race detector) answered through the real discordgo session, against a
// Discord on 127.0.0.1 that accepts everything, leave the session's
// rate-limit buckets as they were: autocomplete choices, first replies,
// edits of deferred replies, follow-ups and deletions alike. Before, each
// interaction left a bucket for good (100,000 buckets, 24 MB of heap). It
// reads the heap for the log, so it does not run in parallel.
func TestInteractionsLeaveNoBuckets(t *testing.T) {
	total := 100_000
	if raceEnabled {
		total = 10_000
	}
	var calls atomic.Int64
	srv := acceptAll(&calls)
	defer srv.Close()
	b := newTestBot(t, func(o *Options) { o.APIBase = srv.URL })
	s, err := newSession(testToken, b.apiBase)
	if err != nil {
		t.Fatal(err)
	}
	send := discordSender{s}
	kinds := []struct {
		name string
		do   func(*exchange)
	}{
		{"autocomplete", b.autocomplete},
		{"reply", func(x *exchange) { x.say("x") }},
		{"edit", func(x *exchange) { x.edit(textMessage("x", false)) }},
		{"follow-up", func(x *exchange) { x.followUp(textMessage("x", true)) }},
		{"delete", func(x *exchange) { x.deleteReply() }},
	}
	heapBefore, bucketsBefore := liveHeap(), buckets(s)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := int(next.Add(1))
				if n > total {
					return
				}
				ev := &event{deadline: time.Now().Add(waitFor)}
				k := kinds[n%len(kinds)]
				k.do(&exchange{b: b, s: send, i: typingWho(fmt.Sprintf("8%017d", n)), ev: ev})
				if ev.err != nil {
					t.Errorf("%s: %v", k.name, ev.err)
					return
				}
			}
		}()
	}
	wg.Wait()
	heapAfter, bucketsAfter := liveHeap(), buckets(s)
	t.Logf("%d interactions, %d REST calls: discordgo buckets %d -> %d; live heap %.1f MB -> %.1f MB",
		total, calls.Load(), bucketsBefore, bucketsAfter, float64(heapBefore)/mb, float64(heapAfter)/mb)
	if bucketsAfter != bucketsBefore {
		t.Errorf("discordgo holds %d buckets after %d interactions, %d before", bucketsAfter, total, bucketsBefore)
	}
	if calls.Load() != int64(total) {
		t.Errorf("%d REST calls for %d interactions", calls.Load(), total)
	}
	runtime.KeepAlive(s)
}
