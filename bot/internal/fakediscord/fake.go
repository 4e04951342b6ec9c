// Package fakediscord is a fake Discord for tests: the REST paths briefbot
// uses and a gateway that speaks enough of the protocol (HELLO, IDENTIFY ->
// READY, heartbeats, RESUME -> RESUMED, dispatches) for a real discordgo
// Session. It listens on 127.0.0.1 only, records every REST request, and
// shares no types with the client under test: it speaks raw JSON.
package fakediscord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// IDs the fake hands out.
const (
	AppID     = "100000000000000001"
	BotUserID = "100000000000000002"
)

// Request is one REST request the fake received.
type Request struct {
	Method, Path string // Path without the /api/v9 prefix
	Body         []byte
	At           time.Time
}

// Server is a fake Discord. Make one with Start.
type Server struct {
	URL string // REST base, e.g. http://127.0.0.1:12345

	srv      *http.Server
	ln       net.Listener
	upgrader websocket.Upgrader

	mu        sync.Mutex
	reqs      []Request
	conn      *websocket.Conn
	seq       int64
	sessionID string
	sessions  int
	gateway   []GatewayOp // ops the client sent: identify, resume (heartbeats left out)
	changed   chan struct{}
	wmu       sync.Mutex // one writer on the websocket at a time
}

// GatewayOp is a gateway payload the client sent.
type GatewayOp struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
}

// Start serves a fake Discord on a free port of 127.0.0.1.
func Start() (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("fake discord: %w", err)
	}
	s := &Server{ln: ln, URL: "http://" + ln.Addr().String(), changed: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/gw/", s.serveGateway)
	mux.HandleFunc("/api/v9/", s.serveREST)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go s.srv.Serve(ln) //nolint:errcheck // ends with Close
	return s, nil
}

// Close stops the server and drops the gateway connection.
func (s *Server) Close() {
	s.Drop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
}

// wake tells waiters that something was recorded.
func (s *Server) wake() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	path := strings.TrimPrefix(r.URL.Path, "/api/v9")
	s.mu.Lock()
	s.reqs = append(s.reqs, Request{Method: r.Method, Path: path, Body: body, At: at})
	n := len(s.reqs)
	s.wake()
	s.mu.Unlock()
	parts := strings.Split(strings.Trim(path, "/"), "/")
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == "GET" && path == "/gateway":
		fmt.Fprintf(w, `{"url":"ws://%s/gw"}`, s.ln.Addr())
	case r.Method == "POST" && len(parts) == 4 && parts[0] == "interactions" && parts[3] == "callback":
		w.WriteHeader(http.StatusNoContent)
	case parts[0] == "webhooks" && r.Method == "DELETE":
		w.WriteHeader(http.StatusNoContent)
	case parts[0] == "webhooks" || (parts[0] == "channels" && r.Method == "POST"):
		channel := "300000000000000001"
		if parts[0] == "channels" {
			channel = parts[1]
		}
		fmt.Fprintf(w, `{"id":"400000000000000%03d","channel_id":%q,"content":"","embeds":[],"components":[]}`, n%1000, channel)
	case r.Method == "PUT" && parts[0] == "applications":
		w.Write(body) //nolint:errcheck // a test server
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, `{"message":"fake discord: no route for %s %s","code":0}`, r.Method, path)
	}
}

// Requests returns a copy of the REST requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// WaitRequest waits until a request after the first skip ones matches, and
// returns it with its index.
func (s *Server) WaitRequest(timeout time.Duration, skip int, match func(Request) bool) (Request, int, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		for i := skip; i < len(s.reqs); i++ {
			if match(s.reqs[i]) {
				r := s.reqs[i]
				s.mu.Unlock()
				return r, i, nil
			}
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			return Request{}, 0, errors.New("fake discord: no matching request in time")
		}
	}
}

// WaitGateway waits until the client has sent n identify or resume ops, and
// returns them all.
func (s *Server) WaitGateway(timeout time.Duration, n int) ([]GatewayOp, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if len(s.gateway) >= n {
			ops := append([]GatewayOp(nil), s.gateway...)
			s.mu.Unlock()
			return ops, nil
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			return nil, fmt.Errorf("fake discord: %d gateway ops, want %d", len(s.gateway), n)
		}
	}
}

// Dispatch sends an event (op 0) with the next sequence number, and
// returns when it was handed to the connection.
func (s *Server) Dispatch(event string, data any) (time.Time, error) {
	d, err := json.Marshal(data)
	if err != nil {
		return time.Time{}, err
	}
	s.mu.Lock()
	c := s.conn
	s.seq++
	msg := fmt.Sprintf(`{"op":0,"t":%q,"s":%d,"d":%s}`, event, s.seq, d)
	s.mu.Unlock()
	if c == nil {
		return time.Time{}, errors.New("fake discord: no gateway connection")
	}
	return s.write(c, msg)
}

func (s *Server) write(c *websocket.Conn, msg string) (time.Time, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	_ = c.SetWriteDeadline(time.Now().Add(5 * time.Second))
	at := time.Now()
	return at, c.WriteMessage(websocket.TextMessage, []byte(msg))
}

// Drop cuts the gateway connection without a close frame, as a network
// failure would.
func (s *Server) Drop() {
	s.mu.Lock()
	c := s.conn
	s.conn = nil
	s.mu.Unlock()
	if c != nil {
		c.UnderlyingConn().Close()
	}
}

// Sessions counts the READY events sent (new sessions, not resumes).
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	c, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	s.mu.Lock()
	s.conn = c
	s.mu.Unlock()
	if _, err := s.write(c, `{"op":10,"d":{"heartbeat_interval":45000}}`); err != nil {
		return
	}
	for {
		_ = c.SetReadDeadline(time.Now().Add(2 * time.Minute))
		_, data, err := c.ReadMessage()
		if err != nil {
			return
		}
		var op GatewayOp
		if json.Unmarshal(data, &op) != nil {
			return
		}
		switch op.Op {
		case 1:
			s.write(c, `{"op":11}`) //nolint:errcheck // the read fails next if the write did
		case 2:
			s.mu.Lock()
			s.sessions++
			s.sessionID = fmt.Sprintf("session-%d", s.sessions)
			s.seq++
			ready := fmt.Sprintf(`{"op":0,"t":"READY","s":%d,"d":{"v":9,"session_id":%q,"resume_gateway_url":"ws://%s/gw","user":{"id":%q,"username":"briefbot","discriminator":"0","bot":true},"application":{"id":%q,"flags":0},"guilds":[],"private_channels":[]}}`,
				s.seq, s.sessionID, s.ln.Addr(), BotUserID, AppID)
			s.gateway = append(s.gateway, op)
			s.wake()
			s.mu.Unlock()
			s.write(c, ready) //nolint:errcheck // as above
		case 6:
			s.mu.Lock()
			s.seq++
			resumed := fmt.Sprintf(`{"op":0,"t":"RESUMED","s":%d,"d":{}}`, s.seq)
			s.gateway = append(s.gateway, op)
			s.wake()
			s.mu.Unlock()
			s.write(c, resumed) //nolint:errcheck // as above
		}
	}
}
