package bot

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// quietFor is how long after one reconnection the next ones are counted
// rather than logged: a gateway that drops the bot every second would
// otherwise write two lines a second.
const quietFor = time.Minute

// connLog logs the life of the gateway connection through the bot's slog
// logger, one line per change: lost, then resumed or (when the session
// could not be resumed, so the events in between are lost) a new session.
// discordgo's own logging is off (it writes with the standard log package,
// outside the configured format, and some lines repeat at every retry);
// its reconnecting is not: discordgo resumes after a dropped connection or
// a RECONNECT (op 7), identifies again after an INVALID_SESSION (op 9), and
// reconnects when heartbeats go unanswered. What it does shows in the
// events handled here.
type connLog struct {
	log    *slog.Logger // with the shard's number when there are several
	closed func() bool  // the bot is shutting down: a disconnect is expected
	shard  int
	up     atomic.Bool // connected and identified or resumed: for /healthz

	mu       sync.Mutex
	ready    int       // READY events so far
	down     time.Time // when the connection was lost; zero while it is up
	loud     bool      // the current incident is logged
	loggedAt time.Time // when the last logged incident began
	unlogged int       // incidents since then, counted and not logged
}

func (c *connLog) attach(s *discordgo.Session) {
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Disconnect) { c.disconnected(s) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { c.resumed() })
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { c.newSession(r) })
}

// begin starts an incident, which is logged unless another one was less
// than quietFor ago. It returns how many went unlogged before it. The
// caller holds mu.
func (c *connLog) begin(now time.Time) int {
	c.loud = c.loggedAt.IsZero() || now.Sub(c.loggedAt) >= quietFor
	if !c.loud {
		c.unlogged++
		return 0
	}
	n := c.unlogged
	c.loggedAt, c.unlogged = now, 0
	return n
}

// end ends the incident under way, if any, and says how long the
// connection was down and whether to log the end. The caller holds mu.
func (c *connLog) end(now time.Time) (time.Duration, bool) {
	if c.down.IsZero() {
		return 0, false
	}
	after := now.Sub(c.down).Round(time.Millisecond)
	c.down = time.Time{}
	return after, c.loud
}

func (c *connLog) disconnected(s *discordgo.Session) {
	c.up.Store(false)
	if c.closed() {
		return
	}
	s.RLock()
	sinceAck := time.Since(s.LastHeartbeatAck)
	s.RUnlock()
	c.mu.Lock()
	if !c.down.IsZero() {
		c.mu.Unlock()
		return
	}
	now := time.Now()
	c.down = now
	unlogged := c.begin(now)
	loud := c.loud
	c.mu.Unlock()
	if loud {
		c.log.Info("gateway connection lost; reconnecting",
			"since_heartbeat_ack", sinceAck.Round(time.Millisecond), "unlogged_before", unlogged)
	}
}

func (c *connLog) resumed() {
	c.up.Store(true)
	c.mu.Lock()
	after, loud := c.end(time.Now())
	c.mu.Unlock()
	if loud {
		c.log.Info("gateway session resumed", "after", after)
	}
}

func (c *connLog) newSession(r *discordgo.Ready) {
	c.up.Store(true)
	c.mu.Lock()
	c.ready++
	if c.ready == 1 {
		c.mu.Unlock()
		return
	}
	now := time.Now()
	unlogged := 0
	if c.down.IsZero() {
		// INVALID_SESSION on a live connection: an incident of its own.
		c.down = now
		unlogged = c.begin(now)
	}
	after, loud := c.end(now)
	c.mu.Unlock()
	if loud {
		c.log.Warn("gateway session could not be resumed; started a new one (events in between are lost)",
			"after", after, "session", r.SessionID, "unlogged_before", unlogged)
	}
}
