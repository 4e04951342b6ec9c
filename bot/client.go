package bot

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// The discordgo client: where its REST requests go, and which REST base
// URLs the bot accepts.

// newSession makes a discordgo session whose REST requests go to apiBase
// and whose gateway connection asks for DMs only (slash commands need no
// intent). The token is used, never logged.
func newSession(token string, apiBase *url.URL) (*discordgo.Session, error) {
	if strings.TrimSpace(token) == "" {
		return nil, errors.New("no token: set DISCORD_TOKEN to the bot's token")
	}
	s, err := newRESTSession(token, apiBase)
	if err != nil {
		return nil, err
	}
	s.Identify.Intents = discordgo.IntentsDirectMessages
	s.StateEnabled = false // the bot needs READY only, which is kept regardless
	return s, nil
}

// newRESTSession makes a discordgo session for REST calls only. In HTTP
// mode the token may be empty: the calls that follow an interaction's first
// reply (edits, follow-ups) are authorised by the interaction's own token.
func newRESTSession(token string, apiBase *url.URL) (*discordgo.Session, error) {
	token = strings.TrimSpace(token)
	if token != "" && !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.Client = &http.Client{Timeout: httpTimeout, Transport: rewriteTransport(apiBase, transport())}
	s.LogLevel = logOff
	s.Debug = false // its request dumps would print the Authorization header
	// The bot retries by itself, within each call's deadline (see call).
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 0
	return s, nil
}

// rewriteTransport sends requests meant for discord.com to base instead,
// leaving the path alone: how `discord.api_base_url` reaches a REST proxy
// or a fake Discord without touching discordgo's package-level endpoints.
func rewriteTransport(base *url.URL, next http.RoundTripper) http.RoundTripper {
	if base == nil || (base.Scheme == "https" && base.Host == "discord.com" && strings.Trim(base.Path, "/") == "") {
		return next
	}
	return roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if req.URL.Host != "discord.com" {
			return next.RoundTrip(req)
		}
		r := req.Clone(req.Context())
		u := *req.URL
		u.Scheme, u.Host = base.Scheme, base.Host
		prefix := strings.TrimSuffix(base.Path, "/")
		u.Path = prefix + u.Path
		if u.RawPath != "" {
			u.RawPath = strings.TrimSuffix(base.EscapedPath(), "/") + u.RawPath
		}
		r.URL, r.Host = &u, ""
		return next.RoundTrip(r)
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// apiBase checks a REST base URL; "" means Discord's own.
func apiBase(s string) (*url.URL, error) {
	if s == "" {
		s = DefaultAPIBase
	}
	return ParseAPIBase(s)
}

// ParseAPIBase checks a REST base URL (`discord.api_base_url`): an https
// URL, or plain http to this machine only (localhost, 127.0.0.0/8, ::1),
// for a fake Discord or a proxy beside the bot. Anything sent there may
// carry the bot's token (in gateway mode, and for `briefbot register`) and
// interaction tokens, which plain http would show to the network.
func ParseAPIBase(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("bot: API base: want an https URL, such as https://discord.com")
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) {
		return nil, fmt.Errorf("bot: API base: plain http goes to this machine only (localhost, 127.0.0.1, ::1), not %s: use https", u.Hostname())
	}
	return u, nil
}

// loopback reports whether host names this machine: localhost, or an
// address in 127.0.0.0/8 or ::1.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
