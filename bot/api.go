package bot

import (
	"encoding/json"
	"fmt"

	"github.com/briefbot/briefbot/commands"
	"github.com/bwmarrin/discordgo"
)

// ResponseJSON is the interaction response the bot sends when req is
// answered with a (its first page), as Discord receives it: what
// `briefbot ask --format discord` prints. private is the reply's
// visibility (the configured default, or the hide option).
func ResponseJSON(t *commands.Table, req commands.Request, a commands.Answer, private bool) ([]byte, error) {
	r := answerMessage(t, req, a, private, 0).response(discordgo.InteractionResponseChannelMessageWithSource)
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encoding the response: %w", err)
	}
	return b, nil
}
