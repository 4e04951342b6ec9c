package fakediscord

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// gateway is the fake's gateway state, guarded by Server.mu: one session
// per shard, as a sharded bot has.
type gateway struct {
	shards   map[int]*shard
	count    int // the shard count the client identified with (1 unsharded)
	sessions int // READY events sent
	ops      []GatewayOp
}

// shard is one shard's connection and session.
type shard struct {
	conn    *conn
	seq     int64
	session string // the resumable session; "" when none is
	sent    []sent // the last events dispatched, to replay on RESUME
}

// shard returns shard id's state, made on first use. The caller holds mu.
func (g *gateway) shard(id int) *shard {
	if g.shards == nil {
		g.shards = map[int]*shard{}
	}
	sh := g.shards[id]
	if sh == nil {
		sh = &shard{}
		g.shards[id] = sh
	}
	return sh
}

// errNoGateway is what sending on the gateway with no client connected
// gives.
var errNoGateway = errors.New("fake discord: no gateway connection")

// conn is one gateway connection.
type conn struct {
	ws    *websocket.Conn
	wmu   sync.Mutex  // one writer at a time
	noAck atomic.Bool // heartbeats go unanswered, as on a zombie connection
	shard int         // set by IDENTIFY or RESUME; -1 before
}

func (c *conn) write(msg []byte) (time.Time, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	at := time.Now()
	return at, c.ws.WriteMessage(websocket.TextMessage, msg)
}

// GatewayOp is a gateway payload the client sent.
type GatewayOp struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
}

// current returns shard 0's gateway connection (the only one of an
// unsharded bot), if there is one.
func (s *Server) current() *conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.shard(0).conn
}

// Drop cuts every gateway connection without a close frame, as a network
// failure would. The sessions stay resumable.
func (s *Server) Drop() {
	s.mu.Lock()
	var cs []*conn
	for _, sh := range s.gw.shards {
		if sh.conn != nil {
			cs = append(cs, sh.conn)
			sh.conn = nil
		}
	}
	s.mu.Unlock()
	for _, c := range cs {
		c.ws.UnderlyingConn().Close()
	}
}

// Reconnect sends RECONNECT (op 7) on shard 0: the client should reconnect
// and resume.
func (s *Server) Reconnect() error { return s.send(`{"op":7,"d":null}`) }

// InvalidateSession ends shard 0's session and sends INVALID_SESSION (op
// 9, not resumable): the client should identify again.
func (s *Server) InvalidateSession() error {
	s.mu.Lock()
	s.gw.shard(0).session = ""
	s.mu.Unlock()
	return s.send(`{"op":9,"d":false}`)
}

// StopAcks makes shard 0's connection a zombie: it goes on delivering
// events but no longer answers heartbeats. A new connection is healthy.
func (s *Server) StopAcks() error {
	c := s.current()
	if c == nil {
		return errNoGateway
	}
	c.noAck.Store(true)
	return nil
}

func (s *Server) send(msg string) error {
	c := s.current()
	if c == nil {
		return errNoGateway
	}
	_, err := c.write([]byte(msg))
	return err
}

// Sessions counts the READY events sent (new sessions, not resumes).
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.sessions
}

// WaitGateway waits until the client has sent n identify or resume ops, and
// returns them all.
func (s *Server) WaitGateway(timeout time.Duration, n int) ([]GatewayOp, error) {
	var ops []GatewayOp
	err := s.wait(timeout, func() bool {
		ops = append(ops[:0], s.gw.ops...)
		return len(ops) >= n
	})
	if err != nil {
		return ops, fmt.Errorf("fake discord: %d gateway ops, want %d", len(ops), n)
	}
	return ops, nil
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer ws.Close()
	c := &conn{ws: ws, shard: -1}
	defer func() {
		s.mu.Lock()
		if c.shard >= 0 && s.gw.shard(c.shard).conn == c {
			s.gw.shard(c.shard).conn = nil
		}
		s.mu.Unlock()
	}()
	hello := fmt.Sprintf(`{"op":10,"d":{"heartbeat_interval":%d}}`, s.cfg.HeartbeatInterval.Milliseconds())
	if _, err := c.write([]byte(hello)); err != nil {
		return
	}
	for {
		_ = ws.SetReadDeadline(time.Now().Add(2 * time.Minute))
		_, data, err := ws.ReadMessage()
		if err != nil {
			// A client that closes with 1000 or 1001 ends its session, as
			// on Discord: it cannot resume it later.
			if websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) && c.shard >= 0 {
				s.mu.Lock()
				s.gw.shard(c.shard).session = ""
				s.mu.Unlock()
			}
			return
		}
		if !s.answerOp(c, data) {
			return
		}
	}
}

// answerOp answers one gateway op from the client: a heartbeat ACK,
// READY for IDENTIFY, RESUMED (or INVALID_SESSION) for RESUME. It reports
// false when the connection is done.
func (s *Server) answerOp(c *conn, data []byte) bool {
	var op GatewayOp
	if json.Unmarshal(data, &op) != nil {
		return false
	}
	var reply string
	switch op.Op {
	case 1:
		if !c.noAck.Load() {
			reply = `{"op":11}`
		}
	case 2:
		reply = s.identify(c, op)
	case 6:
		reply = s.resume(c, op)
	}
	if reply != "" {
		if _, err := c.write([]byte(reply)); err != nil {
			return false
		}
	}
	if op.Op == 2 || op.Op == 6 {
		// Recorded once answered: a test that waits for the op knows
		// the client has its READY, RESUMED or INVALID_SESSION coming.
		s.mu.Lock()
		s.gw.ops = append(s.gw.ops, op)
		s.wake()
		s.mu.Unlock()
	}
	return true
}

// identify starts a new session on the shard the client names and returns
// its READY.
func (s *Server) identify(c *conn, op GatewayOp) string {
	var id struct {
		Token string  `json:"token"`
		Shard *[2]int `json:"shard"`
	}
	_ = json.Unmarshal(op.Data, &id)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.RejectIdentify {
		msg := websocket.FormatCloseMessage(4004, "Authentication failed: "+id.Token)
		go func() {
			c.wmu.Lock()
			defer c.wmu.Unlock()
			_ = c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
		}()
		return ""
	}
	c.shard, s.gw.count = 0, 1
	if id.Shard != nil && id.Shard[1] > 0 && id.Shard[0] >= 0 && id.Shard[0] < id.Shard[1] {
		c.shard, s.gw.count = id.Shard[0], id.Shard[1]
	}
	sh := s.gw.shard(c.shard)
	sh.conn = c
	s.gw.sessions++
	sh.session = fmt.Sprintf("session-%d", s.gw.sessions)
	sh.seq, sh.sent = 1, nil
	shardJSON := ""
	if id.Shard != nil {
		shardJSON = fmt.Sprintf(`,"shard":[%d,%d]`, id.Shard[0], id.Shard[1])
	}
	return fmt.Sprintf(`{"op":0,"t":"READY","s":%d,"d":{"v":9,"session_id":%q,"resume_gateway_url":"ws://%s/gw","user":{"id":%q,"username":"briefbot","discriminator":"0","bot":true},"application":{"id":%q,"flags":0},"guilds":[],"private_channels":[]%s}}`,
		sh.seq, sh.session, s.ln.Addr(), BotUserID, AppID, shardJSON)
}

// Shards returns the shards with a live connection, in order.
func (s *Server) Shards() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []int
	for id, sh := range s.gw.shards {
		if sh.conn != nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// shardOf is the shard Discord sends an event to: a guild's events go to
// shard (guild_id >> 22) % count, everything else (DMs) to shard 0. The
// caller holds mu.
func (s *Server) shardOf(data []byte) int {
	var ev struct {
		GuildID string `json:"guild_id"`
	}
	if s.gw.count <= 1 || json.Unmarshal(data, &ev) != nil || ev.GuildID == "" {
		return 0
	}
	g, err := strconv.ParseUint(ev.GuildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((g >> 22) % uint64(s.gw.count))
}
