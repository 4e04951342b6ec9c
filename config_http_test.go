package main

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/tabletest"
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
	parse := func(yaml string) (config, error) { return parseConfig("c.yaml", []byte(yaml)) }
	tabletest.Errs(t, parse, []tabletest.Pair[string, string]{
		{"mode: websocket\n", `c.yaml:1: "websocket": want one of gateway, http`},
		{"discord: {public_key: abc}\n", `c.yaml:1: "abc": want the application's public key, 64 hex digits`},
		{"discord:\n  shard_count: 0\n", `c.yaml:2: "0": want a whole number from 1`},
		{"discord:\n  shard_count: many\n", `c.yaml:2: "many": want a whole number`},
		{"discord:\n  shard_count: 2\n  shard_id: 2\n", "c.yaml:3: shard 2: want 0 to 1 for shard_count 2"},
		{"discord:\n  shard_count: 4\n  shard_id: [1, 1]\n", "c.yaml:3: shard 1 given twice"},
		{"discord:\n  shard_id: [-1]\n", `c.yaml:2: "-1": want a shard number`},
		{"discord:\n  shard_count: auto\n  shard_id: 0\n", "c.yaml:3: shard_id needs a fixed shard_count"},
		{"http:\n  listen: localhost\n", `c.yaml:2: "localhost": want host:port`},
		{"http:\n  port: 80\n", `c.yaml:2: unknown field "port" in http (known: listen, metrics_listen)`},
		{"facts:\n  watch: yes please\n", `c.yaml:2: "yes please": want true or false`},
		{"facts:\n  debounce: 1h\n", `c.yaml:2: "1h": want a duration from 10ms to 1m0s`},
		{"facts:\n  poll: 1ms\n", `c.yaml:2: "1ms": want a duration from 1s`},
		{"facts: {dir: a}\nfacts_dir: b\n", "c.yaml: facts.dir and facts_dir both given"},
	})
}

// TestConfigAPIBaseAndMetrics: api_base_url is https, or plain http to this
// machine only; metrics_listen is read, and may not be listen's address.
func TestConfigAPIBaseAndMetrics(t *testing.T) {
	parse := func(yaml string) (config, error) {
		cfg, err := parseConfig("c.yaml", []byte(yaml))
		if strings.Contains(yaml, "9090") && cfg.MetricsListen != "127.0.0.1:9090" {
			t.Errorf("%q: metrics_listen read as %q", yaml, cfg.MetricsListen)
		}
		return cfg, err
	}
	tabletest.Errs(t, parse, []tabletest.Pair[string, string]{
		{"discord: {api_base_url: https://proxy.example.org/discord}\n", ""},
		{"discord: {api_base_url: \"http://127.0.0.1:8080\"}\n", ""},
		{"discord: {api_base_url: \"http://[::1]:8080\"}\n", ""},
		{"discord: {api_base_url: \"http://localhost:8080\"}\n", ""},
		{"discord: {api_base_url: \"http://proxy.example.org\"}\n", `c.yaml:1: "http://proxy.example.org": plain http only to this machine`},
		{"discord: {api_base_url: \"http://10.1.2.3:8080\"}\n", `c.yaml:1: "http://10.1.2.3:8080": plain http only to this machine`},
		{"http: {listen: \":8080\", metrics_listen: \"127.0.0.1:9090\"}\n", ""},
		{"http: {metrics_listen: nowhere}\n", `c.yaml:1: "nowhere": want host:port`},
		{"http: {listen: \":8080\", metrics_listen: \":8080\"}\n", "c.yaml: http.listen and http.metrics_listen are both :8080"},
	})
}

// TestConfigErrorsHideTokens: a token pasted into any field, or as a key,
// is refused without being quoted; a value that is no secret (an id with a
// digit too many, a public key with a typo) still is, to be fixed.
func TestConfigErrorsHideTokens(t *testing.T) {
	const token = "MTE5ODc2NTQzMjEwOTg3NjU0Mw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB"
	const secret = "x7RkQ2mZp9LwT4vYb8NcH3sJd6FgA1eK" // a client secret's shape
	tests := []struct{ field, yaml string }{
		{"application_id", "discord: {application_id: %s}\n"},
		{"public_key", "discord: {public_key: %s}\n"},
		{"guild_ids", "discord: {guild_ids: [%s]}\n"},
		{"admins", "admins: {user_ids: [\"Bot %s\"]}\n"},
		{"api_base_url", "discord: {api_base_url: %s}\n"},
		{"listen", "http: {listen: %s}\n"},
		{"shard_id", "discord: {shard_id: %s}\n"},
		{"log level", "log: {level: %s}\n"},
		{"rate", "rate_limit: {every: %s}\n"},
		{"a key", "discord: {%s: 1}\n"},
	}
	for _, tt := range tests {
		for _, value := range []string{token, secret} {
			_, err := parseConfig("c.yaml", []byte(fmt.Sprintf(tt.yaml, value)))
			if err == nil {
				t.Errorf("%s: a token was taken", tt.field)
				continue
			}
			if strings.Contains(err.Error(), value) || !strings.Contains(err.Error(), "looks like a token (not shown)") {
				t.Errorf("%s: %v", tt.field, err)
			}
		}
	}
	for _, tt := range []struct{ yaml, want string }{
		{"discord: {application_id: \"1234567890123456789012\"}\n", `"1234567890123456789012" is not a Discord id`},
		{"discord: {public_key: " + testKey + "0}\n", `"` + testKey + `0": want the application's public key`},
	} {
		if _, err := parseConfig("c.yaml", []byte(tt.yaml)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.yaml, err, tt.want)
		}
	}
}
