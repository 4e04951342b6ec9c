package bot

import (
	"fmt"
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
		report(b, concurrentRoundTrips(b, fake, senders, func() string { return fmt.Sprintf("9%017d", ids.Add(1)) }, data))
	})
	b.Run("briefbot", func(b *testing.B) {
		h := startHarness(b, nil)
		report(b, concurrentRoundTrips(b, h.fake, senders, h.id, data))
	})
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
// all, each waiting for its callback before sending the next, and returns
// the time from each leaving the fake to its callback reaching it.
func concurrentRoundTrips(b *testing.B, fake *fakediscord.Server, senders int, newID func() string, data map[string]any) []time.Duration {
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
				sent, err := fake.Dispatch("INTERACTION_CREATE", interaction(id, 2, testGuild, plainUser, nil, data))
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
