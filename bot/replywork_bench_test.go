package bot

import (
	"testing"

	"github.com/briefbot/briefbot/commands"
)

// BenchmarkReplyEncode is BenchmarkReplyWork with the encoding and the
// limit check that exchange.encode does (encodeResponse), rather than
// decoding the encoded reply again.
func BenchmarkReplyEncode(b *testing.B) {
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
		if _, err := encodeResponse(m.response(4)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderWho is the rendering alone of BenchmarkReplyEncode's
// answer: its first page laid out, with its buttons and suggestions.
func BenchmarkRenderWho(b *testing.B) {
	svc := seedService(b)
	table := svc.Table()
	req := commands.Request{Command: "who", Options: map[string]string{"name": "Witkoff"}, Raw: "/who name:Witkoff"}
	a, err := svc.Handle(req)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		answerMessage(table, req, a, false, 0)
	}
}
