package bot

import (
	"testing"

	"github.com/briefbot/briefbot/internal/tabletest"
)

// TestParseAPIBase: the REST base is https, or plain http to this machine
// only, where nothing sent crosses a network.
func TestParseAPIBase(t *testing.T) {
	tabletest.Errs(t, ParseAPIBase, []tabletest.Pair[string, string]{
		{"https://discord.com", ""},
		{"https://proxy.internal:8443/discord", ""},
		{"http://127.0.0.1:8080", ""},
		{"http://127.8.9.10", ""},
		{"http://[::1]:9000", ""},
		{"http://localhost:8080", ""},
		{"http://LOCALHOST", ""},
		{"http://discord.com", "plain http goes to this machine only"},
		{"http://10.0.0.5:8080", "plain http goes to this machine only"},
		{"http://localhost.example.com", "plain http goes to this machine only"},
		{"http://[::ffff:10.0.0.1]", "plain http goes to this machine only"},
		{"ftp://127.0.0.1", "want an https URL"},
		{"discord.com", "want an https URL"},
		{"https://", "want an https URL"},
	})
	// The bot checks what it is given, whoever read the config.
	o := Options{Service: seedService(t), APIBase: "http://discord.com"}
	if _, err := New(o); err == nil {
		t.Error("New took a plain http API base on another machine")
	}
}
