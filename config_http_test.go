package main

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

const testKey = "9f2c1a0b3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5061728394a5b6c7d8e"

// TestConfigHTTPAndShards: the options of HTTP mode, sharding and the
// facts folder's watcher, read right.
func TestConfigHTTPAndShards(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		edit func(*config) // the expected config, from the defaults
	}{
		{"http mode", "mode: http\ndiscord: {public_key: " + testKey + "}\nhttp: {listen: \":8080\"}\n",
			func(c *config) { c.Mode, c.PublicKey, c.Listen = modeHTTP, testKey, ":8080" }},
		{"shards of a count", "discord: {shard_count: 4, shard_id: [1, 3]}\n",
			func(c *config) { c.ShardCount, c.ShardIDs = 4, []int{1, 3} }},
		{"one shard by number", "discord: {shard_count: 2, shard_id: 1}\n",
			func(c *config) { c.ShardCount, c.ShardIDs = 2, []int{1} }},
		{"auto", "discord: {shard_count: auto}\n", func(c *config) { c.ShardCount = bot.ShardAuto }},
		{"facts section", "facts: {dir: /srv/facts, watch: false, debounce: 250ms, poll: 0}\n",
			func(c *config) {
				c.FactsDir, c.Watch, c.Debounce, c.Poll = "/srv/facts", false, 250*time.Millisecond, 0
			}},
		{"the older facts_dir", "facts_dir: /srv/facts\n", func(c *config) { c.FactsDir = "/srv/facts" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig("c.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			want := defaultConfig()
			tt.edit(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestConfigHTTPAndShardErrors: bad values are refused with file:line.
func TestConfigHTTPAndShardErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"mode: websocket\n", `c.yaml:1: "websocket": want one of gateway, http`},
		{"discord: {public_key: abc}\n", `c.yaml:1: "abc": want the application's public key, 64 hex digits`},
		{"discord:\n  shard_count: 0\n", `c.yaml:2: "0": want a whole number from 1`},
		{"discord:\n  shard_count: many\n", `c.yaml:2: "many": want a whole number`},
		{"discord:\n  shard_count: 2\n  shard_id: 2\n", "c.yaml:3: shard 2: want 0 to 1 for shard_count 2"},
		{"discord:\n  shard_count: 4\n  shard_id: [1, 1]\n", "c.yaml:3: shard 1 given twice"},
		{"discord:\n  shard_id: [-1]\n", `c.yaml:2: "-1": want a shard number`},
		{"discord:\n  shard_count: auto\n  shard_id: 0\n", "c.yaml:3: shard_id needs a fixed shard_count"},
		{"http:\n  listen: localhost\n", `c.yaml:2: "localhost": want host:port`},
		{"http:\n  port: 80\n", `c.yaml:2: unknown key "port" in http (known: listen)`},
		{"facts:\n  watch: yes please\n", `c.yaml:2: "yes please": want true or false`},
		{"facts:\n  debounce: 1h\n", `c.yaml:2: "1h": want a duration from 10ms to 1m0s`},
		{"facts:\n  poll: 1ms\n", `c.yaml:2: "1ms": want a duration from 1s`},
		{"facts: {dir: a}\nfacts_dir: b\n", "c.yaml: facts.dir and facts_dir both given"},
	}
	for _, tt := range tests {
		_, err := parseConfig("c.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.yaml, err, tt.want)
		}
	}
}
