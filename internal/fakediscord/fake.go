// Package fakediscord is a fake Discord for tests: the REST paths briefbot
// uses and a gateway that speaks enough of the protocol (HELLO, IDENTIFY ->
// READY, heartbeats, RESUME -> RESUMED, RECONNECT, INVALID_SESSION,
// dispatches, one session per shard with each guild's events on its shard
// and DMs on shard 0, GET /gateway/bot) for real discordgo Sessions. For
// HTTP mode, a Signer plays Discord's side of the interactions endpoint. It listens on 127.0.0.1 only,
// records every REST request, can be told to misbehave the ways Discord
// does (429, 5xx, hangs, dropped connections, missing heartbeat ACKs, late
// callbacks answered with 10062), and shares no types with the client
// under test: it speaks raw JSON.
package fakediscord

import (
	"context"
	"encoding/json"
	"fmt"
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

// Config is how a fake Discord behaves; the zero value is Discord's own
// behaviour.
type Config struct {
	// HeartbeatInterval is what HELLO asks for (Discord: about 41 s).
	// Default 45 s.
	HeartbeatInterval time.Duration
	// Window is how long after its dispatch an interaction accepts its
	// first callback; later ones get 404 with code 10062, as on Discord.
	// Default 3 s.
	Window time.Duration
	// RejectIdentify closes the gateway with 4004 (authentication failed)
	// when the client identifies, quoting the token it sent, the way a
	// careless proxy would: for tests that the client never repeats it.
	RejectIdentify bool
	// Shards is the shard count GET /gateway/bot recommends (default 1),
	// and MaxConcurrency how many shards it says may identify at once
	// (default 1, as for most bots).
	Shards, MaxConcurrency int
}

// Request is one REST request the fake received.
type Request struct {
	Method, Path string // Path without the /api/v9 prefix
	Body         []byte
	Auth         string // the Authorization header
	At           time.Time
	// Status is what the fake answered; 0 while the request is being
	// answered, -1 when the client gave up before the answer.
	Status int
}

// interaction is what the fake knows of one dispatched interaction.
type interaction struct {
	at    time.Time
	acked bool
}

// Server is a fake Discord. Make one with Start.
type Server struct {
	URL string // REST base, e.g. http://127.0.0.1:12345

	cfg      Config
	srv      *http.Server
	ln       net.Listener
	upgrader websocket.Upgrader
	quit     chan struct{} // closed by Close: hanging answers give up

	mu           sync.Mutex
	reqs         []Request
	rules        []*rule
	interactions map[string]*interaction
	byToken      map[string][]int // indexes in reqs of each interaction token's requests
	changed      chan struct{}
	gw           gateway
}

// Start serves a fake Discord on a free port of 127.0.0.1.
func Start(cfg Config) (*Server, error) {
	if cfg.HeartbeatInterval <= 0 {
		cfg.HeartbeatInterval = 45 * time.Second
	}
	if cfg.Window <= 0 {
		cfg.Window = 3 * time.Second
	}
	cfg.Shards = max(cfg.Shards, 1)
	cfg.MaxConcurrency = max(cfg.MaxConcurrency, 1)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("fake discord: %w", err)
	}
	s := &Server{ln: ln, URL: "http://" + ln.Addr().String(), cfg: cfg, quit: make(chan struct{}),
		changed: make(chan struct{}), interactions: map[string]*interaction{}, byToken: map[string][]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/gw/", s.serveGateway)
	mux.HandleFunc("/api/v9/", s.serveREST)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go s.srv.Serve(ln) //nolint:errcheck // ends with Close
	return s, nil
}

// Close stops the server, drops the gateway connection and lets hanging
// answers go.
func (s *Server) Close() {
	s.mu.Lock()
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
	s.mu.Unlock()
	s.Drop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
}

// wake tells waiters that something was recorded. The caller holds mu.
func (s *Server) wake() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// tokenOf returns the interaction token in a callback or webhook path:
// /interactions/{id}/{token}/callback, /webhooks/{app}/{token}/...
func tokenOf(path string) string {
	parts := strings.SplitN(strings.Trim(path, "/"), "/", 4)
	if len(parts) >= 3 && (parts[0] == "interactions" || parts[0] == "webhooks") {
		return parts[2]
	}
	return ""
}

// WaitToken waits until n requests made with an interaction token (its
// callback, edits and follow-ups) have been answered, and returns every
// request made with that token so far.
func (s *Server) WaitToken(timeout time.Duration, token string, n int) ([]Request, error) {
	var got []Request
	err := s.wait(timeout, func() bool {
		got = got[:0]
		done := 0
		for _, i := range s.byToken[token] {
			got = append(got, s.reqs[i])
			if s.reqs[i].Status != 0 {
				done++
			}
		}
		return done >= n
	})
	if err != nil {
		return got, fmt.Errorf("fake discord: %d answered requests with token %s in %s, want %d", len(got), token, timeout, n)
	}
	return got, nil
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
	var got Request
	var at int
	err := s.wait(timeout, func() bool {
		for i := skip; i < len(s.reqs); i++ {
			if match(s.reqs[i]) {
				got, at = s.reqs[i], i
				return true
			}
		}
		return false
	})
	if err != nil {
		return Request{}, 0, fmt.Errorf("fake discord: no matching request in %s", timeout)
	}
	return got, at, nil
}

// wait calls done, with mu held, each time something is recorded, until
// it returns true or timeout passes.
func (s *Server) wait(timeout time.Duration, done func() bool) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if done() {
			s.mu.Unlock()
			return nil
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			return fmt.Errorf("fake discord: nothing in %s", timeout)
		}
	}
}

// Dispatch sends an event (op 0) with the next sequence number, on the
// shard Discord would send it on (see shardOf), and returns when it was
// handed to the connection. An INTERACTION_CREATE starts the interaction's
// callback window.
func (s *Server) Dispatch(event string, data any) (time.Time, error) {
	d, err := json.Marshal(data)
	if err != nil {
		return time.Time{}, err
	}
	return s.DispatchRaw(event, d)
}

// DispatchRaw is Dispatch with the event's data as raw bytes, which need
// not be valid JSON or UTF-8.
func (s *Server) DispatchRaw(event string, data []byte) (time.Time, error) {
	c, msg := s.sequence(event, data)
	if c == nil {
		return time.Time{}, errNoGateway
	}
	return c.write(msg)
}

// DispatchLost is Dispatch of an event the connection dies with: it is
// numbered and kept as sent, but the client never reads it, and every
// connection is dropped. The client gets it only from the replay when it
// resumes.
func (s *Server) DispatchLost(event string, data any) error {
	d, err := json.Marshal(data)
	if err != nil {
		return err
	}
	if c, _ := s.sequence(event, d); c == nil {
		return errNoGateway
	}
	s.Drop()
	return nil
}

// sequence gives an event the next sequence number of the shard Discord
// would send it on, keeps it there to replay, and returns the shard's
// connection (nil when it has none) and the message to write on it. An
// INTERACTION_CREATE starts the interaction's callback window.
func (s *Server) sequence(event string, data []byte) (*conn, []byte) {
	if event == "INTERACTION_CREATE" {
		var in struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(data, &in) == nil && in.ID != "" {
			s.mu.Lock()
			s.interactions[in.ID] = &interaction{at: time.Now()}
			s.mu.Unlock()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sh := s.gw.shard(s.shardOf(data))
	sh.seq++
	if sh.conn == nil {
		return nil, nil
	}
	msg := fmt.Appendf(nil, `{"op":0,"t":%q,"s":%d,"d":`, event, sh.seq)
	msg = append(append(msg, data...), '}')
	sh.remember(sh.seq, msg)
	return sh.conn, msg
}
