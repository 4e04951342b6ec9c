package fakediscord

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
