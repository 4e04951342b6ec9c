package fakediscord

import (
	"encoding/json"
	"fmt"
)

// resume answers RESUMED for a live session, whichever shard's it is, and
// INVALID_SESSION otherwise. As Discord does, it first replays the events
// dispatched after the last one the client saw: one written to a
// connection that was already dead is not lost.
func (s *Server) resume(c *conn, op GatewayOp) string {
	var d struct {
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	_ = json.Unmarshal(op.Data, &d)
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, sh := range s.gw.shards {
		if d.SessionID != "" && d.SessionID == sh.session {
			c.shard, sh.conn = id, c
			for _, ev := range sh.after(d.Seq) {
				if _, err := c.write(ev); err != nil {
					return ""
				}
			}
			sh.seq++
			return fmt.Sprintf(`{"op":0,"t":"RESUMED","s":%d,"d":{}}`, sh.seq)
		}
	}
	return `{"op":9,"d":false}`
}

// sent is one dispatched event as written to the gateway, kept to replay.
type sent struct {
	seq int64
	msg []byte
}

// replayKept is how many of a shard's last events are kept to replay: more
// than a test dispatches while a connection is down.
const replayKept = 256

// remember keeps the event of sequence number seq to replay on a resume.
// The caller holds Server.mu.
func (sh *shard) remember(seq int64, msg []byte) {
	if len(sh.sent) == replayKept {
		sh.sent = append(sh.sent[:0], sh.sent[1:]...)
	}
	sh.sent = append(sh.sent, sent{seq: seq, msg: msg})
}

// after returns the kept events with a sequence number above seq, the last
// the client saw, in order. The caller holds Server.mu.
func (sh *shard) after(seq int64) [][]byte {
	var out [][]byte
	for _, ev := range sh.sent {
		if ev.seq > seq {
			out = append(out, ev.msg)
		}
	}
	return out
}
