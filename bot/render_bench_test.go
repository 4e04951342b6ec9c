package bot

import (
	"testing"

	"github.com/briefbot/briefbot/commands"
)

// whoBench is the service and the /who request the reply benchmarks share.
func whoBench(b *testing.B) (*commands.Service, commands.Request) {
	svc := seedService(b)
	return svc, commands.Request{Command: "who", Options: map[string]string{"name": "Witkoff"}, Raw: "/who name:Witkoff"}
}

// BenchmarkReplyWork is the work of one reply without the network: answer
// a /who, render its first page, and encode the callback and check it
// against Discord's limits (encodeResponse), as exchange.reply does.
func BenchmarkReplyWork(b *testing.B) {
	svc, req := whoBench(b)
	table := svc.Table()
	b.ReportAllocs()
	for b.Loop() {
		a, err := svc.Handle(req)
		if err != nil {
			b.Fatal(err)
		}
		m := answerMessage(table, req, a, false, 0)
		if _, err := encodeResponse(m.response(4)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderWho is the rendering alone of BenchmarkReplyWork's
// answer: its first page laid out, with its buttons and suggestions.
func BenchmarkRenderWho(b *testing.B) {
	svc, req := whoBench(b)
	a, err := svc.Handle(req)
	if err != nil {
		b.Fatal(err)
	}
	table := svc.Table()
	b.ReportAllocs()
	for b.Loop() {
		answerMessage(table, req, a, false, 0)
	}
}
