package bot

import (
	"hash/maphash"
	"sync"
)

// replayCap is how many interactions a replay set remembers: 100,000
// take some 4 MB, and cover 330 interactions a second on one replica for
// the whole of the signature window.
const replayCap = 100_000

// replaySet remembers the interactions answered while their signatures
// are still accepted (maxSkew either side of now), so that a signed request
// recorded and sent again is refused. It is bounded: when full, it forgets
// the interaction it took in first, and from then on refuses every
// interaction signed no later than the one forgotten (its horizon), since
// it can no longer tell those from replays. Discord signs interactions as
// it sends them, so in the order they arrive; a legitimate one is refused
// only if more than replayCap others arrive within a second of it.
//
// Each replica has its own set: a replay sent to another replica is
// answered there, once (see the README).
type replaySet struct {
	seed   maphash.Seed
	window int64 // seconds a signed timestamp stays acceptable after it

	mu      sync.Mutex
	seen    map[uint64]struct{}
	ring    []replayEntry // in the order taken in; the oldest at head
	head, n int
	horizon int64 // refuse what was signed at or before this
}

type replayEntry struct {
	key uint64 // a hash of the interaction id
	at  int64  // its signed timestamp, Unix seconds
}

func newReplaySet(capacity int, window int64) *replaySet {
	return &replaySet{seed: maphash.MakeSeed(), window: window,
		seen: make(map[uint64]struct{}), ring: make([]replayEntry, capacity)}
}

// first records the interaction id signed at at (Unix seconds) and
// reports whether it is new: false for a replay, or for one signed at or
// before the horizon. now is the time in Unix seconds. The ids are kept as
// keyed hashes (maphash, with a seed of the process's own), so a few bytes
// each, whatever an id holds.
func (s *replaySet) first(id string, at, now int64) bool {
	key := maphash.String(s.seed, id)
	s.mu.Lock()
	defer s.mu.Unlock()
	// Drop what has expired: its signature is refused as stale now.
	for s.n > 0 && s.ring[s.head].at+s.window < now {
		s.pop()
	}
	if _, ok := s.seen[key]; ok {
		return false
	}
	if s.n == len(s.ring) {
		s.horizon = max(s.horizon, s.ring[s.head].at)
		s.pop()
	}
	if at <= s.horizon {
		return false
	}
	s.ring[(s.head+s.n)%len(s.ring)] = replayEntry{key: key, at: at}
	s.n++
	s.seen[key] = struct{}{}
	return true
}

// pop forgets the oldest entry. The caller holds mu.
func (s *replaySet) pop() {
	delete(s.seen, s.ring[s.head].key)
	s.head = (s.head + 1) % len(s.ring)
	s.n--
}

// size is how many interactions the set remembers.
func (s *replaySet) size() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}
