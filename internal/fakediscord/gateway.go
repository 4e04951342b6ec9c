package fakediscord

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// gateway is the fake's gateway state, guarded by Server.mu.
type gateway struct {
	conn     *conn
	seq      int64
	session  string // the resumable session; "" when none is
	sessions int    // READY events sent
	ops      []GatewayOp
}

// conn is one gateway connection.
type conn struct {
	ws    *websocket.Conn
	wmu   sync.Mutex  // one writer at a time
	noAck atomic.Bool // heartbeats go unanswered, as on a zombie connection
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

// current returns the gateway connection, if there is one.
func (s *Server) current() *conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.conn
}

// Drop cuts the gateway connection without a close frame, as a network
// failure would. The session stays resumable.
func (s *Server) Drop() {
	s.mu.Lock()
	c := s.gw.conn
	s.gw.conn = nil
	s.mu.Unlock()
	if c != nil {
		c.ws.UnderlyingConn().Close()
	}
}

// Reconnect sends RECONNECT (op 7): the client should reconnect and resume.
func (s *Server) Reconnect() error { return s.send(`{"op":7,"d":null}`) }

// InvalidateSession ends the session and sends INVALID_SESSION (op 9, not
// resumable): the client should identify again.
func (s *Server) InvalidateSession() error {
	s.mu.Lock()
	s.gw.session = ""
	s.mu.Unlock()
	return s.send(`{"op":9,"d":false}`)
}

// StopAcks makes the current connection a zombie: it goes on delivering
// events but no longer answers heartbeats. A new connection is healthy.
func (s *Server) StopAcks() error {
	c := s.current()
	if c == nil {
		return errors.New("fake discord: no gateway connection")
	}
	c.noAck.Store(true)
	return nil
}

func (s *Server) send(msg string) error {
	c := s.current()
	if c == nil {
		return errors.New("fake discord: no gateway connection")
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
	c := &conn{ws: ws}
	s.mu.Lock()
	s.gw.conn = c
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.gw.conn == c {
			s.gw.conn = nil
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
			if websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
				s.mu.Lock()
				s.gw.session = ""
				s.mu.Unlock()
			}
			return
		}
		var op GatewayOp
		if json.Unmarshal(data, &op) != nil {
			return
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
			reply = s.resume(op)
		}
		if reply != "" {
			if _, err := c.write([]byte(reply)); err != nil {
				return
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
	}
}

// identify starts a new session and returns its READY.
func (s *Server) identify(c *conn, op GatewayOp) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.RejectIdentify {
		var id struct {
			Token string `json:"token"`
		}
		_ = json.Unmarshal(op.Data, &id)
		msg := websocket.FormatCloseMessage(4004, "Authentication failed: "+id.Token)
		go func() {
			c.wmu.Lock()
			defer c.wmu.Unlock()
			_ = c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
		}()
		return ""
	}
	s.gw.sessions++
	s.gw.session = fmt.Sprintf("session-%d", s.gw.sessions)
	s.gw.seq++
	return fmt.Sprintf(`{"op":0,"t":"READY","s":%d,"d":{"v":9,"session_id":%q,"resume_gateway_url":"ws://%s/gw","user":{"id":%q,"username":"briefbot","discriminator":"0","bot":true},"application":{"id":%q,"flags":0},"guilds":[],"private_channels":[]}}`,
		s.gw.seq, s.gw.session, s.ln.Addr(), BotUserID, AppID)
}

// resume answers RESUMED for the live session, INVALID_SESSION otherwise.
func (s *Server) resume(op GatewayOp) string {
	var d struct {
		SessionID string `json:"session_id"`
	}
	_ = json.Unmarshal(op.Data, &d)
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.SessionID == "" || d.SessionID != s.gw.session {
		return `{"op":9,"d":false}`
	}
	s.gw.seq++
	return fmt.Sprintf(`{"op":0,"t":"RESUMED","s":%d,"d":{}}`, s.gw.seq)
}
