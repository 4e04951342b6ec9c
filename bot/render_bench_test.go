package bot

import (
	"encoding/json"
	"testing"

	"github.com/briefbot/briefbot/commands"
)

// BenchmarkReplyWork is the work of one reply without the network: answer
// a /who, render its first page, marshal the callback and check it
// against Discord's limits, as exchange.reply does.
func BenchmarkReplyWork(b *testing.B) {
	svc := seedService(b)
	table := svc.Table()
	req := commands.Request{Command: "who", Options: map[string]string{"name": "Witkoff"}, Raw: "/who name:Witkoff"}
	b.ReportAllocs()
	for b.Loop() {
		a, err := svc.Handle(req)
		if err != nil {
			b.Fatal(err)
		}
		m := answerMessage(table, req, a, false, 0)
		body, err := json.Marshal(m.response(4))
		if err != nil {
			b.Fatal(err)
		}
		if err := checkCallback(body); err != nil {
			b.Fatal(err)
		}
	}
}
