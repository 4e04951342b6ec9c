package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"go.yaml.in/yaml/v3"
)

// The readers of the config's values for HTTP mode, sharding and the facts
// folder's watcher; config.go has the file's shape and the common ones.

// publicKey reads the application's public key: 64 hex digits, as the
// Developer Portal shows it.
func (p *cfgParser) publicKey(n *yaml.Node) string {
	s := p.str(n)
	if b, err := hex.DecodeString(s); s != "" && (err != nil || len(b) != ed25519.PublicKeySize) {
		p.errorf(n, "%s: want the application's public key, %d hex digits (Developer Portal > General Information)", shown(s), 2*ed25519.PublicKeySize)
		return ""
	}
	return s
}

// shardCount reads a shard count: a whole number, or auto for the count
// Discord recommends.
func (p *cfgParser) shardCount(n *yaml.Node) int {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Value == "auto" {
		return bot.ShardAuto
	}
	return p.integer(n, 1, 1<<16)
}

// shardIDs reads the shards this process runs: one number, or a list.
func (p *cfgParser) shardIDs(n *yaml.Node) []int {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var ids []int
	for _, c := range items {
		v, err := strconv.Atoi(c.Value)
		if c.Kind != yaml.ScalarNode || c.Tag != "!!int" || err != nil || v < 0 {
			p.errorf(c, "%s: want a shard number (0 or more), or a list of them", shown(c.Value))
			continue
		}
		ids = append(ids, v)
	}
	return ids
}

// checkShards checks the shards named against the count, once both are read.
func (p *cfgParser) checkShards(n *yaml.Node, count int, ids []int) {
	if count == bot.ShardAuto && len(ids) > 0 {
		p.errorf(n, "shard_id needs a fixed shard_count: with shard_count: auto, one process runs every shard")
		return
	}
	for i, id := range ids {
		switch {
		case count != bot.ShardAuto && id >= count:
			p.errorf(n, "shard %d: want 0 to %d for shard_count %d", id, count-1, count)
		case slices.Contains(ids[:i], id):
			p.errorf(n, "shard %d given twice", id)
		}
	}
}

// listenAddr reads a host:port to listen on (":8080", "127.0.0.1:8080").
func (p *cfgParser) listenAddr(n *yaml.Node) string {
	s := p.str(n)
	if s == "" {
		return ""
	}
	_, port, err := net.SplitHostPort(s)
	if v, perr := strconv.Atoi(port); err != nil || perr != nil || v < 0 || v > 65535 {
		p.errorf(n, "%s: want host:port to listen on, such as 127.0.0.1:8080 or :8080", shown(s))
		return ""
	}
	return s
}

func (p *cfgParser) boolean(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.errorf(n, "%s: want true or false", shown(n.Value))
		return false
	}
	v, _ := strconv.ParseBool(n.Value)
	return v
}

// durationOrOff reads a duration, or 0 (or off) for never.
func (p *cfgParser) durationOrOff(n *yaml.Node, lo, hi time.Duration) time.Duration {
	if n.Kind == yaml.ScalarNode && (n.Value == "0" || n.Value == "off" || n.Value == "0s") {
		return 0
	}
	return p.duration(n, lo, hi)
}

// shown is a bad value as a config error quotes it, unless it looks like a
// secret pasted in the wrong place (a bot token, a client secret): an error
// is printed, logged, pasted into an issue, and must not carry one on.
func shown(s string) string {
	if secretShaped(s) {
		return fmt.Sprintf("a value of %d characters that looks like a token (not shown)", len(s))
	}
	return strconv.Quote(s)
}

// secretShaped reports whether s looks like a token or a secret: 20
// characters or more of the base64 alphabets and dots, with both letters
// and digits, and some letter that is not a hex digit (a public key, an id
// with a digit too many, a URL or a duration are none of these).
func secretShaped(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "Bot ")
	if len(s) < 20 {
		return false
	}
	var letters, digits, nonHex bool
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letters = true
			nonHex = nonHex || !strings.ContainsRune("abcdefABCDEF", r)
		case strings.ContainsRune("._-+/=", r):
		default:
			return false
		}
	}
	return letters && digits && nonHex
}
