package bot

import (
	"strings"
	"testing"
)

// TestChecksCatch makes sure the limit checks (and, when the spec is
// there, the OpenAPI validation) reject what Discord would reject.
func TestChecksCatch(t *testing.T) {
	ok := `{"type":4,"data":{"content":"hi","embeds":[],"components":[],"allowed_mentions":{"parse":[]}}}`
	if err := checkCallback([]byte(ok)); err != nil {
		t.Fatalf("a good callback fails: %v", err)
	}
	bad := []struct{ name, body, want string }{
		{"content", `{"type":4,"data":{"content":"` + strings.Repeat("é", 2001) + `","allowed_mentions":{"parse":[]}}}`, "content of 2001"},
		{"mentions", `{"type":4,"data":{"content":"hi"}}`, "allowed_mentions"},
		{"mentions null", `{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":null}}}`, "allowed_mentions"},
		{"title", `{"type":4,"data":{"embeds":[{"title":"` + strings.Repeat("😀", 257) + `"}],"allowed_mentions":{"parse":[]}}}`, "title: 257"},
		{"total", `{"type":4,"data":{"embeds":[{"description":"` + strings.Repeat("x", 4000) + `"},{"description":"` + strings.Repeat("x", 2001) + `"}],"allowed_mentions":{"parse":[]}}}`, "6001 characters across"},
		{"field", `{"type":4,"data":{"embeds":[{"fields":[{"name":"","value":"v"}]}],"allowed_mentions":{"parse":[]}}}`, "name: 0"},
		{"custom_id", `{"type":4,"data":{"components":[{"type":1,"components":[{"type":2,"custom_id":"` + strings.Repeat("x", 101) + `"}]}],"allowed_mentions":{"parse":[]}}}`, "custom_id: 101"},
		{"duplicate id", `{"type":4,"data":{"components":[{"type":1,"components":[{"type":2,"custom_id":"a"},{"type":2,"custom_id":"a"}]}],"allowed_mentions":{"parse":[]}}}`, "used twice"},
		{"rows", `{"type":4,"data":{"components":[` + strings.Repeat(`{"type":1,"components":[{"type":2,"custom_id":"x"}]},`, 5) + `{"type":1,"components":[{"type":2,"custom_id":"y"}]}],"allowed_mentions":{"parse":[]}}}`, "6 action rows"},
		{"choices", `{"type":8,"data":{"choices":[{"name":"","value":"v"}]}}`, "name of 0"},
	}
	for _, tt := range bad {
		err := checkCallback([]byte(tt.body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	if err := checkCommands([]byte(`[{"name":"Who","description":"d"},{"name":"ok","description":""}]`)); err == nil ||
		!strings.Contains(err.Error(), `"Who"`) || !strings.Contains(err.Error(), "description: 0") {
		t.Errorf("checkCommands: %v", err)
	}

	spec, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	if spec == nil {
		t.Skip("no OpenAPI spec at " + specFile)
	}
	if err := spec.validate("POST", "/interactions/1/tok/callback", []byte(ok)); err != nil {
		t.Errorf("the spec refuses a good callback: %v", err)
	}
	if err := spec.validate("POST", "/interactions/1/tok/callback", []byte(bad[3].body)); err == nil {
		t.Error("the spec accepts a 257-character title")
	}
	if err := spec.validate("PUT", "/applications/1/commands", []byte(`[{"name":"x","description":"d","default_member_permissions":"8"}]`)); err != nil {
		t.Errorf("the known difference (permissions as a string) is not allowed: %v", err)
	}
}
