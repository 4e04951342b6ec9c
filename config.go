package main

import (
	"cmp"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/strictyaml"
)

// config is briefbot's configuration file: everything but the token, which
// comes from $DISCORD_TOKEN only. Every option has a safe default, so an
// empty file (or none) is a valid configuration.
type config struct {
	Mode          string        // mode: "gateway" or "http"; --mode overrides it
	ApplicationID string        // discord.application_id; "" = learn it at connect
	PublicKey     string        // discord.public_key, hex; HTTP mode needs it
	GuildIDs      []string      // discord.guild_ids: register here instead of globally
	APIBaseURL    string        // discord.api_base_url
	ShardCount    int           // discord.shard_count; bot.ShardAuto for "auto"
	ShardIDs      []int         // discord.shard_id: the shards this process runs; none = all
	Listen        string        // http.listen; "" = none in gateway mode, defaultListen in HTTP mode
	MetricsListen string        // http.metrics_listen; "" = /healthz and /metrics on http.listen
	AdminUsers    []string      // admins.user_ids
	AdminRoles    []string      // admins.role_ids
	FactsDir      string        // facts.dir (or facts_dir); "" = the embedded seeds
	Stories       []storyConfig // stories: several fact bases; none = the one of facts.dir
	Watch         bool          // facts.watch: reload when the folder changes
	Debounce      time.Duration // facts.debounce: quiet time before reloading
	Poll          time.Duration // facts.poll: look for changes this often too; 0 = never
	LogLevel      slog.Level
	LogFormat     string        // "text" or "json"
	RateBurst     int           // rate_limit.burst; 0 = no limit
	RateEvery     time.Duration // rate_limit.every
	Private       bool          // replies.visibility: private

	FeedbackChannel string // feedback.channel_id: where reports go; "" = no Report button
}

// Run modes.
const (
	modeGateway = "gateway"
	modeHTTP    = "http"
)

// defaultListen is where HTTP mode listens when http.listen is not set:
// this machine only, for a reverse proxy or load balancer in front.
const defaultListen = "127.0.0.1:8080"

func defaultConfig() config {
	return config{Mode: modeGateway, APIBaseURL: "https://discord.com", ShardCount: 1,
		Watch: true, Debounce: time.Second, Poll: time.Minute,
		LogLevel: slog.LevelInfo, LogFormat: "text", RateBurst: 5, RateEvery: 2 * time.Second}
}

// configError lists every problem of a config file, each as file:line: msg.
type configError struct{ problems []string }

func (e *configError) Error() string { return strings.Join(e.problems, "\n") }

// loadConfig reads a config file. It rejects unknown keys and bad values,
// reporting all of them at once with their lines. A relative facts_dir is
// taken relative to the file, so the bot finds its facts wherever it is
// started from.
func loadConfig(path string) (config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return config{}, fmt.Errorf("config: %w", err)
	}
	cfg, err := parseConfig(path, data)
	if err != nil {
		return config{}, err
	}
	if cfg.FactsDir != "" && !filepath.IsAbs(cfg.FactsDir) {
		cfg.FactsDir = filepath.Join(filepath.Dir(path), cfg.FactsDir)
	}
	cfg.resolveStoryDirs(path)
	return cfg, nil
}

// cfgParser walks the YAML by hand, with the strict reading the facts
// loader uses, so that every problem gets its own line and the same
// wording.
type cfgParser struct {
	file     string
	problems []problem
}

// problem is one fault of the file: line 0 for one of the whole file.
type problem struct {
	line int
	msg  string
}

func (p *cfgParser) errorf(n *yaml.Node, format string, args ...any) {
	p.report(n.Line, fmt.Sprintf(format, args...))
}

func (p *cfgParser) report(line int, msg string) {
	p.problems = append(p.problems, problem{line, msg})
}

// lines renders the problems in the file's order, those of the whole file
// last.
func (p *cfgParser) lines() []string {
	slices.SortStableFunc(p.problems, func(a, b problem) int {
		return cmp.Compare(cmp.Or(a.line, math.MaxInt), cmp.Or(b.line, math.MaxInt))
	})
	out := make([]string, len(p.problems))
	for i, pr := range p.problems {
		if pr.line == 0 {
			out[i] = fmt.Sprintf("%s: %s", p.file, pr.msg)
		} else {
			out[i] = fmt.Sprintf("%s:%d: %s", p.file, pr.line, pr.msg)
		}
	}
	return out
}

func (p *cfgParser) strict() strictyaml.File { return strictyaml.File{Report: p.report} }

// parseConfig reads a config file's bytes: every problem at once, each
// with its line, and no config when there is any.
func parseConfig(file string, data []byte) (config, error) {
	cfg := defaultConfig()
	p := &cfgParser{file: file}
	var shardIDs *yaml.Node
	factsDirs := 0
	if root := p.strict().Parse(data); root != nil {
		p.mapping(root, "the top level", p.sections(&cfg, &shardIDs, &factsDirs))
	}
	if factsDirs > 1 {
		p.report(0, "facts.dir and facts_dir both given: keep facts.dir")
	}
	if factsDirs > 0 && len(cfg.Stories) > 0 {
		p.report(0, "facts.dir and stories both given: with stories, give each story its dir")
	}
	if shardIDs != nil {
		p.checkShards(shardIDs, cfg.ShardCount, cfg.ShardIDs)
	}
	if cfg.Listen != "" && cfg.Listen == cfg.MetricsListen && !strings.HasSuffix(cfg.Listen, ":0") {
		p.report(0, fmt.Sprintf("http.listen and http.metrics_listen are both %s: give the metrics their own port, or leave metrics_listen empty", cfg.Listen))
	}
	if len(p.problems) > 0 {
		return config{}, &configError{p.lines()}
	}
	return cfg, nil
}

// sections are the setters of the file's top-level keys; shard_id and the
// count of facts folders given are kept for the checks that need the
// whole file.
func (p *cfgParser) sections(cfg *config, shardIDs **yaml.Node, factsDirs *int) map[string]func(*yaml.Node) {
	section := func(name string, keys map[string]func(*yaml.Node)) func(*yaml.Node) {
		return func(n *yaml.Node) { p.mapping(n, name, keys) }
	}
	factsDir := func(n *yaml.Node) { cfg.FactsDir, *factsDirs = p.str(n), *factsDirs+1 }
	return map[string]func(*yaml.Node){
		"mode": func(n *yaml.Node) { cfg.Mode = p.oneOf(n, modeGateway, modeHTTP) },
		"discord": section("discord", map[string]func(*yaml.Node){
			"application_id": func(n *yaml.Node) { cfg.ApplicationID = p.snowflake(n, true) },
			"public_key":     func(n *yaml.Node) { cfg.PublicKey = p.publicKey(n) },
			"guild_ids":      func(n *yaml.Node) { cfg.GuildIDs = p.snowflakes(n) },
			"api_base_url":   func(n *yaml.Node) { cfg.APIBaseURL = p.baseURL(n) },
			"shard_count":    func(n *yaml.Node) { cfg.ShardCount = p.shardCount(n) },
			"shard_id":       func(n *yaml.Node) { *shardIDs, cfg.ShardIDs = n, p.shardIDs(n) },
		}),
		"http": section("http", map[string]func(*yaml.Node){
			"listen":         func(n *yaml.Node) { cfg.Listen = p.listenAddr(n) },
			"metrics_listen": func(n *yaml.Node) { cfg.MetricsListen = p.listenAddr(n) },
		}),
		"facts": section("facts", map[string]func(*yaml.Node){
			"dir":      factsDir,
			"watch":    func(n *yaml.Node) { cfg.Watch = p.boolean(n) },
			"debounce": func(n *yaml.Node) { cfg.Debounce = p.duration(n, 10*time.Millisecond, time.Minute) },
			"poll":     func(n *yaml.Node) { cfg.Poll = p.durationOrOff(n, time.Second, 24*time.Hour) },
		}),
		"admins": section("admins", map[string]func(*yaml.Node){
			"user_ids": func(n *yaml.Node) { cfg.AdminUsers = p.snowflakes(n) },
			"role_ids": func(n *yaml.Node) { cfg.AdminRoles = p.snowflakes(n) },
		}),
		// The first spelling of facts.dir, still read so that older
		// config files keep working.
		"facts_dir": factsDir,
		"stories":   func(n *yaml.Node) { cfg.Stories = p.storyList(n) },
		"log": section("log", map[string]func(*yaml.Node){
			"level":  func(n *yaml.Node) { cfg.LogLevel = p.logLevel(n, cfg.LogLevel) },
			"format": func(n *yaml.Node) { cfg.LogFormat = cmp.Or(p.oneOf(n, "text", "json"), cfg.LogFormat) },
		}),
		"rate_limit": section("rate_limit", map[string]func(*yaml.Node){
			"burst": func(n *yaml.Node) { cfg.RateBurst = p.integer(n, 0, 1000) },
			"every": func(n *yaml.Node) { cfg.RateEvery = p.duration(n, 100*time.Millisecond, time.Hour) },
		}),
		"replies": section("replies", map[string]func(*yaml.Node){
			"visibility": func(n *yaml.Node) { cfg.Private = p.oneOf(n, "public", "private") == "private" },
		}),
		"feedback": section("feedback", map[string]func(*yaml.Node){
			"channel_id": func(n *yaml.Node) { cfg.FeedbackChannel = p.snowflake(n, true) },
		}),
	}
}

// logLevel reads log.level, keeping def when the value is bad (reported).
func (p *cfgParser) logLevel(n *yaml.Node, def slog.Level) slog.Level {
	switch p.oneOf(n, "debug", "info", "warn", "error") {
	case "debug":
		return slog.LevelDebug
	case "info":
		return slog.LevelInfo
	case "warn":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	}
	return def
}

// mapping checks that n is a mapping of known keys, each given once (the
// strict reading's rule and wording), and hands each value to its setter
// in the file's order. A key that names a token is refused with a word on
// where the token goes, and its value is never quoted; nor is a key that
// looks like a token itself.
func (p *cfgParser) mapping(n *yaml.Node, what string, keys map[string]func(*yaml.Node)) {
	known := make([]string, 0, len(keys))
	for name := range keys {
		known = append(known, name)
	}
	slices.Sort(known)
	if n.Kind == yaml.MappingNode {
		kept := *n
		kept.Content = nil
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			_, ok := keys[k.Value]
			switch {
			case !ok && secretShaped(k.Value):
				// A token pasted as a key: say so without quoting it.
				p.errorf(k, "unknown field %s in %s (known: %s)", shown(k.Value), what, strings.Join(known, ", "))
				continue
			case !ok && strings.Contains(strings.ToLower(k.Value), "token"):
				p.errorf(k, "%q: the token goes in $DISCORD_TOKEN, never in the config file", k.Value)
				continue
			}
			kept.Content = append(kept.Content, k, n.Content[i+1])
		}
		n = &kept
	}
	vals := p.strict().Fields(n, what, known...)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; vals[k.Value] == v {
			keys[k.Value](v)
		}
	}
}

func (p *cfgParser) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!null") {
		p.errorf(n, "want a string")
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

var snowflakeRE = regexp.MustCompile(`^[0-9]{17,20}$`)

// snowflake reads a Discord id: 17 to 20 digits, written as a string (a
// YAML number that long would lose digits in most tools) or a number.
func (p *cfgParser) snowflake(n *yaml.Node, empty bool) string {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!null") {
		p.errorf(n, "want a Discord id (17 to 20 digits)")
		return ""
	}
	if n.Value == "" || n.Tag == "!!null" {
		if !empty {
			p.errorf(n, "want a Discord id (17 to 20 digits), not nothing")
		}
		return ""
	}
	if !snowflakeRE.MatchString(n.Value) {
		p.errorf(n, "%s is not a Discord id (17 to 20 digits)", shown(n.Value))
		return ""
	}
	return n.Value
}

func (p *cfgParser) snowflakes(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "want a list of Discord ids")
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if id := p.snowflake(c, false); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// baseURL reads the REST base: an https URL, or plain http to this machine
// (the bot's rule: bot.ParseAPIBase), with no query or fragment.
func (p *cfgParser) baseURL(n *yaml.Node) string {
	s := p.str(n)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		p.errorf(n, "%s: want an https URL such as https://discord.com", shown(s))
		return ""
	}
	if _, err := bot.ParseAPIBase(s); err != nil {
		p.errorf(n, "%s: plain http only to this machine (localhost, 127.0.0.1, ::1); anywhere else, use https: the requests carry tokens", shown(s))
		return ""
	}
	return strings.TrimRight(s, "/")
}

func (p *cfgParser) oneOf(n *yaml.Node, allowed ...string) string {
	s := n.Value
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" || !slices.Contains(allowed, s) {
		p.errorf(n, "%s: want one of %s", shown(s), strings.Join(allowed, ", "))
		return ""
	}
	return s
}

func (p *cfgParser) integer(n *yaml.Node, lo, hi int) int {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil || v < lo || v > hi {
		p.errorf(n, "%s: want a whole number from %d to %d", shown(n.Value), lo, hi)
		return 0
	}
	return v
}

func (p *cfgParser) duration(n *yaml.Node, lo, hi time.Duration) time.Duration {
	d, err := time.ParseDuration(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" || err != nil || d < lo || d > hi {
		p.errorf(n, "%s: want a duration from %s to %s, such as 2s", shown(n.Value), lo, hi)
		return 0
	}
	return d
}

var errNoToken = errors.New("DISCORD_TOKEN is not set: put the bot's token in the environment (never in the config file)")
