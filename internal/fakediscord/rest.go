package fakediscord

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Fault is a misbehaviour for some REST requests: an error answer, a
// delay, or no answer at all.
type Fault struct {
	Status int               // answer with this status (0: the normal answer)
	Body   string            // the body of the error answer; "{auth}" is replaced by the Authorization header
	Header map[string]string // extra headers of the answer
	Delay  time.Duration     // wait this long first
	Hang   bool              // never answer, until the client gives up or the fake closes
}

type rule struct {
	match func(method, path string) bool
	times int // how many more requests it applies to
	fault Fault
}

// Inject makes the next times REST requests that match answer with f.
// Rules apply in the order they were injected.
func (s *Server) Inject(match func(method, path string) bool, times int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = append(s.rules, &rule{match: match, times: times, fault: f})
}

// PathHas matches requests whose path contains part, whatever the method.
func PathHas(part string) func(method, path string) bool {
	return func(_, path string) bool { return strings.Contains(path, part) }
}

// fault takes the first rule that matches, if any. The caller holds mu.
func (s *Server) fault(method, path string) (Fault, bool) {
	for i, r := range s.rules {
		if r.match(method, path) {
			r.times--
			if r.times <= 0 {
				s.rules = append(s.rules[:i:i], s.rules[i+1:]...)
			}
			return r.fault, true
		}
	}
	return Fault{}, false
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	body := readBody(r, 1<<20)
	path := strings.TrimPrefix(r.URL.Path, "/api/v9")
	s.mu.Lock()
	s.reqs = append(s.reqs, Request{Method: r.Method, Path: path, Body: body, Auth: r.Header.Get("Authorization"), At: at})
	n := len(s.reqs)
	if tok := tokenOf(path); tok != "" {
		s.byToken[tok] = append(s.byToken[tok], n-1)
	}
	f, faulty := s.fault(r.Method, path)
	s.wake()
	s.mu.Unlock()
	status := s.answer(w, r, n, f, faulty)
	s.mu.Lock()
	s.reqs[n-1].Status = status
	s.wake()
	s.mu.Unlock()
}

// answer writes the answer to request number n and returns its status.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, n int, f Fault, faulty bool) int {
	if f.Delay > 0 || f.Hang {
		var after <-chan time.Time
		if !f.Hang {
			t := time.NewTimer(f.Delay)
			defer t.Stop()
			after = t.C
		}
		select {
		case <-after:
		case <-r.Context().Done():
			return -1
		case <-s.quit:
			return -1
		}
	}
	for k, v := range f.Header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	if faulty && f.Status != 0 {
		w.WriteHeader(f.Status)
		io.WriteString(w, strings.ReplaceAll(f.Body, "{auth}", r.Header.Get("Authorization"))) //nolint:errcheck // a test server
		return f.Status
	}
	return s.route(w, r, n)
}

// route is the normal answer of each path the bot uses.
func (s *Server) route(w http.ResponseWriter, r *http.Request, n int) int {
	path := strings.TrimPrefix(r.URL.Path, "/api/v9")
	parts := strings.Split(strings.Trim(path, "/"), "/")
	status := http.StatusOK
	switch {
	case r.Method == "GET" && path == "/gateway":
		fmt.Fprintf(w, `{"url":"ws://%s/gw"}`, s.ln.Addr())
	case r.Method == "GET" && path == "/gateway/bot":
		fmt.Fprintf(w, `{"url":"ws://%s/gw","shards":%d,"session_start_limit":{"total":1000,"remaining":999,"reset_after":86400000,"max_concurrency":%d}}`,
			s.ln.Addr(), s.cfg.Shards, s.cfg.MaxConcurrency)
	case r.Method == "POST" && len(parts) == 4 && parts[0] == "interactions" && parts[3] == "callback":
		status = s.callback(w, parts[1])
	case parts[0] == "webhooks" && r.Method == "DELETE":
		status = http.StatusNoContent
		w.WriteHeader(status)
	case parts[0] == "webhooks" || (parts[0] == "channels" && r.Method == "POST"):
		channel := "300000000000000001"
		if parts[0] == "channels" {
			channel = parts[1]
		}
		fmt.Fprintf(w, `{"id":"400000000000000%03d","channel_id":%q,"content":"","embeds":[],"components":[]}`, n%1000, channel)
	case r.Method == "PUT" && parts[0] == "applications":
		body := s.Requests()[n-1].Body
		w.Write(body) //nolint:errcheck // a test server
	default:
		status = http.StatusNotFound
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"message":"fake discord: no route for %s %s","code":0}`, r.Method, path)
	}
	return status
}

// callback answers an interaction callback as Discord does: 204 the first
// time within the window, 10062 when late, 40060 when already answered.
func (s *Server) callback(w http.ResponseWriter, id string) int {
	s.mu.Lock()
	in := s.interactions[id]
	status, body := http.StatusNoContent, ""
	switch {
	case in != nil && in.acked:
		status, body = http.StatusBadRequest, `{"message":"Interaction has already been acknowledged.","code":40060}`
	case in != nil && time.Since(in.at) > s.cfg.Window:
		status, body = http.StatusNotFound, `{"message":"Unknown interaction","code":10062}`
	case in != nil:
		in.acked = true
	}
	s.mu.Unlock()
	w.WriteHeader(status)
	io.WriteString(w, body) //nolint:errcheck // a test server
	return status
}

// readBody reads up to limit bytes of r's body into a buffer sized by its
// Content-Length: io.ReadAll starts at 512 bytes and grows, allocating
// about twice a body of a few KB (a reply with embeds), all of it garbage
// for the process under test to collect.
func readBody(r *http.Request, limit int64) []byte {
	size := int64(512)
	if r.ContentLength >= 0 {
		size = min(r.ContentLength, limit) + 1 // +1: room to read the EOF without growing
	}
	b := make([]byte, 0, size)
	body := io.LimitReader(r.Body, limit)
	for {
		n, err := body.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			return b
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}
