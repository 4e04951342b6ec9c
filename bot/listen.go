package bot

import (
	"bytes"
	"io"
	"net"
	"sync"
	"time"
)

// busyResponse is what a connection past the cap gets, once its request's
// head has come, before it is closed.
const busyResponse = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n" +
	"Content-Length: 5\r\nConnection: close\r\nRetry-After: 1\r\n\r\nbusy\n"

// How a connection past the cap is turned away: by at most maxRefusing
// goroutines at once, each giving the client refuseWait to send its
// request's head (a 503 sent before it would be an answer to nothing) and
// as long again to take the answer; past maxRefusing, a connection is
// closed with no answer.
const (
	maxRefusing = 16
	refuseWait  = 500 * time.Millisecond
	maxHead     = 4 << 10 // of a request's head read before answering
)

// limitListener holds at most cap(slots) connections open at once: each
// costs a goroutine and buffers until the server's timeouts close it. A
// connection past that is answered 503 and closed rather than left in the
// kernel's queue, so that the client learns the bot is busy and holds
// nothing of it; refused is told of each.
type limitListener struct {
	net.Listener
	slots    chan struct{}
	refusing chan struct{}
	refused  func(from string)
}

func newLimitListener(ln net.Listener, maxConns int, refused func(string)) *limitListener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, maxConns),
		refusing: make(chan struct{}, maxRefusing), refused: refused}
}

// Accept returns the next connection within the cap.
func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err //nolint:wrapcheck // the server tells a closed listener by this very error
		}
		select {
		case l.slots <- struct{}{}:
			return &limitConn{Conn: c, release: func() { <-l.slots }}, nil
		default:
		}
		l.refused(c.RemoteAddr().String())
		select {
		case l.refusing <- struct{}{}:
			go func() {
				defer func() { <-l.refusing }()
				refuse(c)
			}()
		default:
			_ = c.Close()
		}
	}
}

// refuse answers a connection 503 once its request's head has come (or
// what came of it within refuseWait), then closes it, after a last wait for what the
// client still sends: closing with unread data would reset the connection
// and could lose the answer.
func refuse(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(refuseWait))
	head := make([]byte, 0, maxHead)
	for len(head) < maxHead && !bytes.Contains(head, []byte("\r\n\r\n")) {
		n, err := c.Read(head[len(head):maxHead])
		head = head[:len(head)+n]
		if err != nil {
			break
		}
	}
	if len(head) == 0 {
		return // no request: nothing to answer (a pool's spare connection, say)
	}
	_ = c.SetDeadline(time.Now().Add(refuseWait))
	if _, err := io.WriteString(c, busyResponse); err != nil {
		return
	}
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(c, maxBody))
}

// limitConn gives its place back when it is closed, once.
type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err //nolint:wrapcheck // the connection's own error, for the server
}

// CloseWrite passes the half-close on: the server sends it before closing
// a connection whose request it did not read whole, so that the client
// gets the answer rather than a reset.
func (c *limitConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite() //nolint:wrapcheck // the connection's own error, for the server
	}
	return nil
}
