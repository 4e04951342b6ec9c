package bot

import (
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// BenchmarkVersusBareBot puts the same load on briefbot and on a bare
// discordgo bot that answers every interaction with one constant embed,
// both on the fake Discord: 20 senders at once, each sending an
// interaction and waiting for its callback. It reports each one's p50 and
// p99, so that briefbot's own share of an interaction reads as the ratio
// of the two.
func BenchmarkVersusBareBot(b *testing.B) {
	const senders = 20
	data := slash("who", "name", "Witkoff")
	b.Run("bare", func(b *testing.B) {
		fake, err := fakediscord.Start(fakediscord.Config{})
		if err != nil {
			b.Fatal(err)
		}
		defer fake.Close()
		s := startBareBot(b, fake)
		defer s.Close()
		var ids atomic.Int64
		report(b, concurrentRoundTrips(b, fake, senders, func() string { return fmt.Sprintf("9%017d", ids.Add(1)) }, rotate(data)))
	})
	// The bot logs a JSON line per interaction, as in production, to
	// io.Discard: the harness's recorder keeps every record in memory,
	// which grows the heap, and the collector's work, with b.N.
	production := func(o *Options) { o.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil)) }
	b.Run("briefbot", func(b *testing.B) {
		h := startHarness(b, production)
		report(b, concurrentRoundTrips(b, h.fake, senders, h.id, rotate(data)))
	})
	// The same query again and again is answered from the reply cache;
	// these two show the rest: many queries in turn, and no cache at all.
	b.Run("briefbot-rotating", func(b *testing.B) {
		h := startHarness(b, production)
		report(b, concurrentRoundTrips(b, h.fake, senders, h.id, rotate(benchQueries()...)))
	})
	b.Run("briefbot-nocache", func(b *testing.B) {
		h := startHarness(b, production)
		h.bot.replies = nil
		report(b, concurrentRoundTrips(b, h.fake, senders, h.id, rotate(data)))
	})
}

// benchQueries are different queries of several commands, for a load that
// is not one query asked again.
func benchQueries() []map[string]any {
	var qs []map[string]any
	for _, name := range []string{"Starmer", "Macron", "Zelensky", "Putin", "Trump", "Witkoff", "Radakin", "Burkhard",
		"Healey", "Vance", "Hegseth", "Carlson", "Churchill", "Downing Street", "Nato", "Pentagon"} {
		qs = append(qs, slash("who", "name", name), slash("quotes", "who", name), slash("timeline", "about", name))
	}
	for _, q := range []string{"troops", "ceasefire", "Ukraine", "security guarantees", "coalition", "peace deal"} {
		qs = append(qs, slash("search", "query", q), slash("figures", "about", q))
	}
	return append(qs, slash("sources"), slash("brief"), slash("help"))
}

// rotate returns the data of the next interaction: each of qs in turn.
func rotate(qs ...map[string]any) func() map[string]any {
	var n atomic.Int64
	return func() map[string]any { return qs[int(n.Add(1)-1)%len(qs)] }
}

// startBareBot connects a discordgo session to fake that answers every
// interaction with the same embed and does nothing else.
func startBareBot(b *testing.B, fake *fakediscord.Server) *discordgo.Session {
	base, err := url.Parse(fake.URL)
	if err != nil {
		b.Fatal(err)
	}
	s, err := newSession(testToken, base)
	if err != nil {
		b.Fatal(err)
	}
	reply := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{Title: "Answer", Description: "A constant answer."}}}}
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		_ = s.InteractionRespond(i.Interaction, reply)
	})
	if err := s.Open(); err != nil {
		b.Fatal(err)
	}
	if _, err := fake.WaitGateway(waitFor, 1); err != nil {
		b.Fatal(err)
	}
	return s
}

// concurrentRoundTrips has senders goroutines send b.N interactions in
// all (their data from next), each waiting for its callback before sending the next, and returns
// the time from each leaving the fake to its callback reaching it.
func concurrentRoundTrips(b *testing.B, fake *fakediscord.Server, senders int, newID func() string, next func() map[string]any) []time.Duration {
	var mu sync.Mutex
	lat := make([]time.Duration, 0, b.N)
	var left atomic.Int64
	left.Store(int64(b.N))
	var wg sync.WaitGroup
	b.ResetTimer()
	for range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for left.Add(-1) >= 0 {
				id := newID()
				sent, err := fake.Dispatch("INTERACTION_CREATE", interaction(id, 2, testGuild, plainUser, nil, next()))
				if err != nil {
					b.Error(err)
					return
				}
				// By token, not by scanning every request so far: with many
				// senders the scans were the fake's main work, and that
				// work competes with the bot under test for the cores.
				rs, err := fake.WaitToken(waitFor, "tok-"+id, 1)
				if err != nil {
					b.Error(err)
					return
				}
				mu.Lock()
				lat = append(lat, rs[0].At.Sub(sent))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	return lat
}
