package bot

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the bot's Prometheus metrics, registered on the registry
// passed in Options (never the global default one, so that two bots in one
// process, as in the tests, count apart). A nil *metrics counts nothing:
// `briefbot register` makes a Bot without any.
type metrics struct {
	gatherer     prometheus.Gatherer
	interactions *prometheus.CounterVec
	handler      *prometheus.HistogramVec
	reloads      *prometheus.CounterVec
	rateLimited  *prometheus.CounterVec
	rejected     *prometheus.CounterVec
}

// otherCommand is the command label of an interaction whose command is not
// in the table: the label set stays bounded whatever a client sends.
const otherCommand = "other"

func newMetrics(reg *prometheus.Registry, b *Bot) (*metrics, error) {
	m := &metrics{
		gatherer: reg,
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_interactions_total",
			Help: "Interactions and DMs answered, by kind (command, autocomplete, button, dm), command and outcome.",
		}, []string{"kind", "command", "outcome"}),
		handler: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "briefbot_handler_duration_seconds",
			Help: "Time a command's handler took to answer from the fact base, by command (a reply from the reply cache runs no handler).",
			// From 100 µs (a /who) to 2.5 s (past the point of deferring).
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"command"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_reloads_total",
			Help: "Reloads of the fact base by outcome (ok, failed).",
		}, []string{"outcome"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_rate_limited_total",
			Help: "Requests refused by the per-user rate limit (by=user) and REST calls Discord answered with 429 (by=discord).",
		}, []string{"by"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_http_rejected_total",
			Help: "Requests and connections the HTTP listeners refused before any handler ran, by reason (signature, stale, too_large, unreadable, malformed, replay, busy, connections).",
		}, []string{"reason"}),
	}
	// Series that should read 0 rather than be missing before the first event.
	for _, o := range []string{"ok", "failed"} {
		m.reloads.WithLabelValues(o)
	}
	for _, by := range []string{"user", "discord"} {
		m.rateLimited.WithLabelValues(by)
	}
	for _, c := range []prometheus.Collector{m.interactions, m.handler, m.reloads, m.rateLimited, m.rejected, newBaseCollector(b)} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// commandLabel is the label for a command name: the name when the table has
// it or it is the message command, otherCommand when it is neither.
func (b *Bot) commandLabel(name string) string {
	if name == "" {
		return ""
	}
	if _, ok := b.table.Lookup(name); ok || name == askMessage {
		return name
	}
	return otherCommand
}

func (m *metrics) event(kind, command, outcome string) {
	if m != nil {
		m.interactions.WithLabelValues(kind, command, outcome).Inc()
	}
}

func (m *metrics) handled(command string, d time.Duration) {
	if m != nil {
		m.handler.WithLabelValues(command).Observe(d.Seconds())
	}
}

func (m *metrics) reloaded(ok bool) {
	if m == nil {
		return
	}
	if ok {
		m.reloads.WithLabelValues("ok").Inc()
	} else {
		m.reloads.WithLabelValues("failed").Inc()
	}
}

func (m *metrics) limited(by string) {
	if m != nil {
		m.rateLimited.WithLabelValues(by).Inc()
	}
}

func (m *metrics) reject(reason string) {
	if m != nil {
		m.rejected.WithLabelValues(reason).Inc()
	}
}

// httpHandler serves the registry in Prometheus' text format.
func (m *metrics) httpHandler() http.Handler {
	return promhttp.HandlerFor(m.gatherer, promhttp.HandlerOpts{})
}

// baseCollector reports the fact base each story serves at each scrape,
// read from the bot then: after a reload the old base's values are gone,
// with nothing to reset. Each series has the story as a label.
type baseCollector struct {
	b                             *Bot
	articles, age, asOf, info, up *prometheus.Desc
}

func newBaseCollector(b *Bot) baseCollector {
	story := []string{"story"}
	return baseCollector{b: b,
		articles: prometheus.NewDesc("briefbot_fact_base_articles", "Articles in the fact base being served.", story, nil),
		age:      prometheus.NewDesc("briefbot_fact_base_age_seconds", "Seconds since the fact base being served was loaded.", story, nil),
		asOf:     prometheus.NewDesc("briefbot_fact_base_as_of_timestamp_seconds", "The fact base's as-of date (its newest source) as a Unix time; absent when no source is dated.", story, nil),
		info:     prometheus.NewDesc("briefbot_fact_base_info", "Always 1; the version label is the fact base version (a hash of its files), to compare replicas.", []string{"story", "version"}, nil),
		up:       prometheus.NewDesc("briefbot_up", "1 while the bot takes requests: every gateway shard connected, or the HTTP endpoint serving.", nil, nil),
	}
}

func (c baseCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.articles, c.age, c.asOf, c.info, c.up} {
		ch <- d
	}
}

func (c baseCollector) Collect(ch chan<- prometheus.Metric) {
	for _, st := range c.b.svc.Stories() {
		ch <- prometheus.MustNewConstMetric(c.articles, prometheus.GaugeValue, float64(st.Articles), st.Name)
		if !st.LoadedAt.IsZero() {
			ch <- prometheus.MustNewConstMetric(c.age, prometheus.GaugeValue, c.b.opts.Now().Sub(st.LoadedAt).Seconds(), st.Name)
		}
		if !st.AsOf.IsZero() {
			ch <- prometheus.MustNewConstMetric(c.asOf, prometheus.GaugeValue, float64(st.AsOf.Unix()), st.Name)
		}
		if st.Version != "" { // a story not loaded yet has none
			ch <- prometheus.MustNewConstMetric(c.info, prometheus.GaugeValue, 1, st.Name, st.Version)
		}
	}
	up := 0.0
	if ok, _ := c.b.health(); ok {
		up = 1
	}
	ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, up)
}
