package bot

import (
	"slices"
	"strconv"
	"sync"

	"github.com/briefbot/briefbot/commands"
)

// Bounds of the reply cache. A first reply is at most some 30 KB (6,000
// characters of embeds, escaped, and the buttons), most a few KB.
const (
	replyCacheEntries = 1024
	replyCacheBytes   = 8 << 20
	replyCacheMaxBody = 64 << 10 // a larger body is sent, not kept
)

// replyCache keeps the encoded and checked first replies of recent
// requests, so that a request asked again (the same query in the same
// place, shown the same way) is answered without running the handler,
// rendering, encoding and checking again: most of the work of a reply.
//
// It is correct because an answer is a function of the request (with the
// place it was asked in) and of the fact bases served, and every change of
// a base is a reload that the service reports (see Bot.reloaded; New
// makes the bot the service's one report, so a service serves one Bot):
// each report empties the cache and starts a new generation. A reply worked
// out in an older generation is not kept (see put), so that a request
// answered from a base just replaced cannot put its reply back. Only
// requests a button may carry are kept (see carried): ones a user may ask
// again as they please, which leaves out admin commands.
//
// Its memory is bounded by replyCacheEntries and replyCacheBytes; past
// either, the oldest entries go first. A nil cache keeps nothing.
type replyCache struct {
	mu      sync.Mutex
	gen     uint64
	entries map[string]cachedReply
	order   []string // keys from the oldest entry to the newest
	bytes   int
}

// cachedReply is a first reply as sent, and the outcome its log line
// reports.
type cachedReply struct {
	body    wireJSON
	outcome string
}

func newReplyCache() *replyCache {
	return &replyCache{entries: map[string]cachedReply{}}
}

// generation is the current generation, to give put with what it stores.
func (c *replyCache) generation() uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// get returns the reply kept under key.
func (c *replyCache) get(key string) (cachedReply, bool) {
	if c == nil {
		return cachedReply{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.entries[key]
	return r, ok
}

// put keeps r under key, unless it was worked out in a generation before
// the current one (gen, as generation said before the handler ran).
func (c *replyCache) put(gen uint64, key string, r cachedReply) {
	size := len(key) + len(r.body)
	if c == nil || len(r.body) > replyCacheMaxBody {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if _, ok := c.entries[key]; ok {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= replyCacheEntries || c.bytes+size > replyCacheBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= len(old) + len(c.entries[old].body)
		delete(c.entries, old)
	}
	c.entries[key] = r
	c.order = append(c.order, key)
	c.bytes += size
}

// invalidate drops every reply and starts a new generation: a fact base
// changed.
func (c *replyCache) invalidate() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries = map[string]cachedReply{}
	c.order = nil
	c.bytes = 0
}

// replyKey is the key of the first reply to req shown as at says: the
// command, its options, the query as typed, the place (which picks the
// story) and the placement. Each part is length-prefixed, so that no two
// requests share a key. ok is false for a request that is not kept (see
// replyCache).
func replyKey(t *commands.Table, req commands.Request, at placement) (key string, ok bool) {
	if _, ok := carried(t, req.Command); at.deferNow || !ok {
		return "", false
	}
	k := make([]byte, 0, 128)
	part := func(s string) {
		k = strconv.AppendInt(k, int64(len(s)), 10)
		k = append(append(k, ':'), s...)
	}
	part(req.Command)
	part(req.Raw)
	part(req.Place.Guild)
	part(req.Place.Channel)
	names := make([]string, 0, len(req.Options))
	for n := range req.Options {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		part(n)
		part(req.Options[n])
	}
	k = strconv.AppendBool(k, at.private)
	k = strconv.AppendBool(k, at.inPlace)
	k = strconv.AppendInt(append(k, ':'), int64(at.page), 10)
	return string(k), true
}
