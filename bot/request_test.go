package bot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// TestRequestOf reads recorded interaction JSON, as Discord sends it.
func TestRequestOf(t *testing.T) {
	table := commands.NewTable()
	tests := []struct {
		name, data string
		want       commands.Request
		hide       *bool
		err        string
	}{
		{"who", `{"name":"who","type":1,"options":[{"name":"name","type":3,"value":"Witkoff"}]}`,
			commands.Request{Command: "who", Options: map[string]string{"name": "Witkoff"}, Raw: "/who name:Witkoff"}, nil, ""},
		{"hide", `{"name":"timeline","type":1,"options":[{"name":"to","type":3,"value":"2025"},{"name":"hide","type":5,"value":true},{"name":"from","type":3,"value":"2024"}]}`,
			commands.Request{Command: "timeline", Options: map[string]string{"from": "2024", "to": "2025"}, Raw: "/timeline from:2024 to:2025"}, ptr(true), ""},
		{"no options", `{"name":"brief","type":1}`,
			commands.Request{Command: "brief", Options: map[string]string{}, Raw: "/brief"}, nil, ""},
		{"unknown", `{"name":"frob","type":1}`, commands.Request{}, nil, "unknown command /frob"},
		{"too long", `{"name":"search","type":1,"options":[{"name":"query","type":3,"value":"` + strings.Repeat("x", 1200) + `"}]}`,
			commands.Request{}, nil, "query too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d discordgo.ApplicationCommandInteractionData
			if err := json.Unmarshal([]byte(tt.data), &d); err != nil {
				t.Fatal(err)
			}
			got, hide, err := requestOf(table, d)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !commands.IsUserError(err) {
					t.Fatalf("err = %v, want a user error with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Command != tt.want.Command || got.Raw != tt.want.Raw || !sameOptions(got.Options, tt.want.Options) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if (hide == nil) != (tt.hide == nil) || (hide != nil && *hide != *tt.hide) {
				t.Errorf("hide = %v, want %v", hide, tt.hide)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestUserOf(t *testing.T) {
	var guild, dm discordgo.Interaction
	if err := json.Unmarshal([]byte(`{"type":2,"guild_id":"1","member":{"user":{"id":"42"},"roles":["7"]},"data":{"name":"who"}}`), &guild); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(`{"type":2,"user":{"id":"43"},"data":{"name":"who"}}`), &dm); err != nil {
		t.Fatal(err)
	}
	if id, roles := userOf(&guild); id != "42" || len(roles) != 1 {
		t.Errorf("guild interaction: %s %v", id, roles)
	}
	if id, roles := userOf(&dm); id != "43" || roles != nil {
		t.Errorf("DM interaction: %s %v", id, roles)
	}
}

// TestRegistration checks the command table as Discord registers it
// against the limits, and against the golden payload.
func TestRegistration(t *testing.T) {
	b, err := RegistrationJSON(commands.NewTable(), false)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkCommands(b); err != nil {
		t.Error(err)
	}
	checkPayload(t, "PUT", "/applications/1/commands", b)
	golden(t, "register.json", append(b, '\n'))
}
