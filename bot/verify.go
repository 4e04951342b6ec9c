package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Limits of a request to the interactions endpoint.
const (
	// maxBody bounds a request's body. The largest interaction is a
	// button click, which carries the whole message the button is on. At
	// every Discord limit at once (10 embeds sharing 6,000 characters,
	// 2,000 of content, 25 buttons, a member with 250 roles: largestClick
	// in bodycap_test.go) such a click is 29 KiB of ASCII, 51 KiB in curly
	// quotes sent as UTF-8, 85 KiB with those sent as \u escapes, and
	// 152 KiB were every character an emoji sent as a pair of escapes;
	// briefbot's largest reply from the seeds is 6 KiB. 256 KiB holds the
	// likely worst three times over and the unlikely one still. It is
	// also what a request can cost before its signature is checked.
	maxBody = 256 << 10
	// maxTimestamp is the length of the longest signed timestamp read:
	// Unix seconds, 19 digits at most.
	maxTimestamp = 19
	// maxSkew is how far a request's signed timestamp may be from now: a
	// request recorded and sent again later is refused.
	maxSkew = 5 * time.Minute
)

// Why a request to the interactions endpoint is refused: the label of
// briefbot_http_rejected_total and of the log line that counts them.
const (
	rejectSignature   = "signature"   // no signature, a malformed one, or not the application's
	rejectStale       = "stale"       // signed more than maxSkew from now
	rejectTooLarge    = "too_large"   // a body over maxBody
	rejectUnreadable  = "unreadable"  // the body could not be read (the client went, or was too slow)
	rejectMalformed   = "malformed"   // signed, but not an interaction
	rejectReplay      = "replay"      // an interaction already answered, sent again
	rejectBusy        = "busy"        // maxInFlight requests in flight already
	rejectConnections = "connections" // maxConns connections open already
)

// refusal is the status and text a refused request gets: never more
// detail than the status says.
func refusal(reason string) (int, string) {
	switch reason {
	case rejectSignature, rejectStale:
		return http.StatusUnauthorized, "unauthorized"
	case rejectTooLarge:
		return http.StatusRequestEntityTooLarge, "request too large"
	case rejectReplay:
		return http.StatusConflict, "already answered"
	case rejectBusy, rejectConnections:
		return http.StatusServiceUnavailable, "busy"
	}
	return http.StatusBadRequest, "malformed interaction"
}

// signature is what a request's headers claim: an Ed25519 signature of the
// timestamp followed by the body.
type signature struct {
	sig [ed25519.SignatureSize]byte
	ts  string // as sent: it is part of what was signed
	at  int64  // ts, Unix seconds
}

// signedHeaders reads a request's signature headers, refusing (with the
// reason) headers that are missing or malformed or a timestamp that is
// not recent, before anything reads the body.
func (b *Bot) signedHeaders(h http.Header) (signature, string) {
	var s signature
	hexSig := h.Get("X-Signature-Ed25519")
	if len(hexSig) != 2*ed25519.SignatureSize {
		return s, rejectSignature
	}
	if _, err := hex.Decode(s.sig[:], []byte(hexSig)); err != nil {
		return s, rejectSignature
	}
	s.ts = h.Get("X-Signature-Timestamp")
	at, err := strconv.ParseInt(s.ts, 10, 64)
	if err != nil || len(s.ts) > maxTimestamp || at <= 0 {
		return s, rejectSignature
	}
	s.at = at
	if d := b.opts.Now().Sub(time.Unix(at, 0)); d > maxSkew || d < -maxSkew {
		return s, rejectStale
	}
	return s, ""
}

// errTooLarge is a body over maxBody.
var errTooLarge = errors.New("body over the limit")

// bodyBufSize is the size of the buffers bodies are read into: the
// timestamp, the body, and one byte more to tell a body over maxBody.
const bodyBufSize = maxTimestamp + maxBody + 1

// newBodyBuf is the New of the pool of body buffers.
func newBodyBuf() any {
	buf := make([]byte, bodyBufSize)
	return &buf
}

// readSigned reads the signed message, timestamp then body, into buf
// (bodyBufSize bytes): the body is read once, into memory bounded by
// maxBody, and verified where it lies. It returns the message, or
// errTooLarge, or the error that stopped the reading.
func readSigned(body io.Reader, ts string, buf []byte) ([]byte, error) {
	buf = buf[:len(ts)+maxBody+1]
	n := copy(buf, ts)
	for n < len(buf) {
		m, err := body.Read(buf[n:])
		n += m
		if errors.Is(err, io.EOF) {
			return buf[:n], nil
		}
		if err != nil {
			return nil, err //nolint:wrapcheck // only told apart from errTooLarge
		}
	}
	return nil, errTooLarge
}
