package bot

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/fakediscord"
)

// BenchmarkInteractionRoundTrip times the whole path through the fake
// Discord: from the fake writing INTERACTION_CREATE on the gateway to the
// fake receiving the callback POST, with the real discordgo Session in
// between (gateway read, JSON decoding, dispatch, the handler, rendering,
// the limit check, and the REST call). It reports the median and the 99th
// percentile; run it with -benchtime=2000x for at least 1,000 interactions.
func BenchmarkInteractionRoundTrip(b *testing.B) {
	for _, q := range []struct{ name, cmd, opt, val string }{
		{"who", "who", "name", "Witkoff"},
		{"timeline", "timeline", "", ""},
	} {
		b.Run(q.name, func(b *testing.B) {
			h := startHarness(b, nil)
			lat := make([]time.Duration, 0, b.N)
			data := slash(q.cmd)
			if q.opt != "" {
				data = slash(q.cmd, q.opt, q.val)
			}
			b.ResetTimer()
			for range b.N {
				id := h.id()
				in := interaction(id, 2, testGuild, plainUser, nil, data)
				sent, err := h.fake.Dispatch("INTERACTION_CREATE", in)
				if err != nil {
					b.Fatal(err)
				}
				path := fmt.Sprintf("/interactions/%s/tok-%s/callback", id, id)
				r := h.next(func(r fakediscord.Request) bool { return r.Path == path })
				lat = append(lat, r.At.Sub(sent))
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds()), "p99-µs")
		})
	}
}
