package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
)

// defaultIdentifyGap is how long Discord wants between two IDENTIFYs in one
// rate-limit bucket (a bucket is shard_id % max_concurrency).
const defaultIdentifyGap = 5 * time.Second

// maxShards bounds the shard numbers a configuration may name; Discord's
// largest bots run a few thousand shards.
const maxShards = 1 << 16

// checkShards refuses a shard setting that cannot work: a negative count, a
// shard outside the count, a shard named twice, or named shards with an
// automatic count (which could differ between the processes that split
// them).
func checkShards(count int, ids []int) error {
	switch {
	case count < ShardAuto || count > maxShards:
		return fmt.Errorf("bot: shard count %d: want 1 to %d, or automatic", count, maxShards)
	case count == ShardAuto && len(ids) > 0:
		return errors.New("bot: shard ids need a fixed shard count: with an automatic count this process runs every shard")
	}
	n := max(count, 1)
	seen := map[int]bool{}
	for _, id := range ids {
		if count != ShardAuto && (id < 0 || id >= n) {
			return fmt.Errorf("bot: shard %d: want 0 to %d for %d shards", id, n-1, n)
		}
		if seen[id] {
			return fmt.Errorf("bot: shard %d given twice", id)
		}
		seen[id] = true
	}
	return nil
}

// shardPlan is which gateway shards this process opens, out of how many,
// and how many of them may identify at once.
type shardPlan struct {
	ids         []int
	count       int
	concurrency int
}

// planShards settles the shards to open. It asks Discord (GET
// /gateway/bot) for the recommended count when the count is automatic, and
// for the identify concurrency whenever it opens more than one shard.
func (b *Bot) planShards(rest *discordgo.Session) (shardPlan, error) {
	p := shardPlan{count: max(b.opts.ShardCount, 1), ids: slices.Clone(b.opts.ShardIDs), concurrency: 1}
	auto := b.opts.ShardCount == ShardAuto
	if auto || (p.count > 1 && len(p.ids) != 1) {
		var gb *discordgo.GatewayBotResponse
		err := b.call(nil, time.Now().Add(b.opts.restTimeout), func(o ...discordgo.RequestOption) error {
			var err error
			gb, err = rest.GatewayBot(o...)
			return err
		})
		switch {
		case err != nil && auto:
			return p, fmt.Errorf("asking Discord how many shards to use (GET /gateway/bot): %w", err)
		case err != nil:
			b.log.Warn("could not ask Discord how many shards may identify at once; identifying one at a time", "err", err)
		default:
			if auto {
				p.count = min(max(gb.Shards, 1), maxShards)
			}
			p.concurrency = max(gb.SessionStartLimit.MaxConcurrency, 1)
		}
	}
	if len(p.ids) == 0 {
		for id := range p.count {
			p.ids = append(p.ids, id)
		}
	}
	return p, nil
}

// openShards connects every shard of the plan, waiting between IDENTIFYs as
// Discord asks: at most concurrency shards, then a pause. It returns the
// sessions opened so far, and their connection logs, with any error.
func (b *Bot) openShards(ctx context.Context, token string, p shardPlan) ([]*discordgo.Session, []*connLog, error) {
	var sessions []*discordgo.Session
	var logs []*connLog
	for k, id := range p.ids {
		if k > 0 && k%p.concurrency == 0 {
			select {
			case <-time.After(b.opts.identifyGap):
			case <-ctx.Done():
				return sessions, logs, ctx.Err()
			}
		}
		s, cl, err := b.openShard(token, id, p.count)
		if err != nil {
			if p.count > 1 {
				err = fmt.Errorf("shard %d: %w", id, err)
			}
			return sessions, logs, err
		}
		sessions, logs = append(sessions, s), append(logs, cl)
	}
	return sessions, logs, nil
}

// openShard connects one shard of count to the gateway, its events handled
// by the bot.
func (b *Bot) openShard(token string, id, count int) (*discordgo.Session, *connLog, error) {
	s, err := newSession(token, b.apiBase)
	if err != nil {
		return nil, nil, err
	}
	if count > 1 {
		s.ShardID, s.ShardCount = id, count
	}
	// Handlers are called in the order of the events (so that the
	// connection's log sees a loss before its end), on discordgo's reading
	// goroutine; the work of answering runs on goroutines of its own.
	s.SyncEvents = true
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		if ic != nil && ic.Interaction != nil && b.begin() {
			go func() {
				defer b.inflight.Done()
				defer b.survive("interaction")
				b.handleInteraction(discordSender{s}, ic.Interaction)
			}()
		}
	})
	s.AddHandler(func(s *discordgo.Session, mc *discordgo.MessageCreate) {
		if mc != nil && b.begin() {
			go func() {
				defer b.inflight.Done()
				defer b.survive("message")
				b.handleMessage(discordSender{s}, mc.Message)
			}()
		}
	})
	cl := &connLog{log: b.log, closed: b.isClosed, shard: id}
	if count > 1 {
		cl.log = b.log.With("shard", id)
	}
	cl.attach(s)
	if err := s.Open(); err != nil {
		return nil, nil, fmt.Errorf("connecting to the gateway: %w", err)
	}
	return s, cl, nil
}
