package fakediscord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Signer is Discord's side of HTTP mode: it holds an application's Ed25519
// key pair, made fresh for the test, and signs interactions the way
// Discord does before POSTing them to the bot's endpoint.
type Signer struct {
	Public  ed25519.PublicKey
	private ed25519.PrivateKey
}

// NewSigner makes a key pair.
func NewSigner() (*Signer, error) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, fmt.Errorf("fake discord: making a key: %w", err)
	}
	return &Signer{Public: pub, private: priv}, nil
}

// PublicHex is the public key as the Developer Portal shows it (and the
// config takes it): hex.
func (s *Signer) PublicHex() string { return hex.EncodeToString(s.Public) }

// Sign sets the two headers Discord signs a request with: the timestamp
// (Unix seconds) and the Ed25519 signature of timestamp + body.
func (s *Signer) Sign(h http.Header, body []byte, at time.Time) {
	ts := strconv.FormatInt(at.Unix(), 10)
	sig := ed25519.Sign(s.private, append([]byte(ts), body...))
	h.Set("X-Signature-Timestamp", ts)
	h.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
}

// NewRequest is a signed POST of body to url, made now, as Discord sends an
// interaction.
func (s *Signer) NewRequest(ctx context.Context, url string, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("fake discord: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	s.Sign(req.Header, body, time.Now())
	return req, nil
}
