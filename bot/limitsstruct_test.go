package bot

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/commands"
)

// TestCheckResponseAgrees checks that the limit check on a reply's struct
// (checkResponse) says exactly what the check on its decoded encoding
// (checkCallback) says, for rendered answers and for the same answers
// pushed over each limit, so that reading the struct instead of decoding
// the bytes loses none of the limits guarantee.
func TestCheckResponseAgrees(t *testing.T) {
	table := commands.NewTable()
	r, runs := genRuns(rand.NewPCG(7, 2026), 300, 60)
	broke := 0
	for run := range runs {
		a := genAnswer(r)
		req := genRequest(r, table)
		for _, typ := range []discordgo.InteractionResponseType{4, 7} {
			m := answerMessage(table, req, a, r.IntN(2) == 0, r.IntN(3))
			resp := m.response(typ)
			agree(t, run, "as rendered", resp)
			what := breakLimit(r, resp.Data)
			if agree(t, run, what, resp) {
				broke++
			}
		}
	}
	if broke < runs/2 {
		t.Errorf("only %d of %d broken replies were caught", broke, 2*runs)
	}
}

// agree checks that checkResponse and checkCallback give the same verdict
// on resp, and reports whether it broke a limit.
func agree(t *testing.T, run int, what string, resp *discordgo.InteractionResponse) bool {
	t.Helper()
	b, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	want, got := checkCallback(b), checkResponse(resp, b)
	if (want == nil) != (got == nil) || (want != nil && want.Error() != got.Error()) {
		t.Fatalf("run %d, %s: checkResponse says %v, checkCallback says %v", run, what, got, want)
	}
	return want != nil
}

// breakLimit changes d at random, mostly past one of Discord's limits,
// and says what it did: one of 16 changes, 11 to the message and its
// embeds, 5 to its components.
func breakLimit(r *rand.Rand, d *discordgo.InteractionResponseData) string {
	n := r.IntN(16)
	if n < 11 {
		return breakMessage(r, d, n)
	}
	return breakComponents(r, d, n-11)
}

// longText is n copies of one character, ASCII, accented, outside the
// BMP or an invalid byte, as Discord counts each as one.
func longText(r *rand.Rand, n int) string {
	return strings.Repeat([]string{"x", "é", "😀", "\xff"}[r.IntN(4)], n)
}

// breakMessage makes change n of the message's text, mentions or embeds.
func breakMessage(r *rand.Rand, d *discordgo.InteractionResponseData, n int) string {
	long := func(n int) string { return longText(r, n) }
	embed := func() *discordgo.MessageEmbed {
		if len(d.Embeds) == 0 {
			d.Embeds = append(d.Embeds, &discordgo.MessageEmbed{})
		}
		return d.Embeds[r.IntN(len(d.Embeds))]
	}
	switch n {
	case 0:
		d.Content = long(maxContent + r.IntN(2))
		return "content"
	case 1:
		embed().Title = long(maxTitle + r.IntN(2))
		return "title"
	case 2:
		embed().Description = long(maxDescription + r.IntN(2))
		return "description"
	case 3:
		e := embed()
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: long(r.IntN(2)), Value: long(maxFieldValue + r.IntN(2))})
		return "field"
	case 4:
		embed().Footer = &discordgo.MessageEmbedFooter{Text: long(maxFooter + r.IntN(2))}
		return "footer"
	case 5:
		embed().Author = &discordgo.MessageEmbedAuthor{Name: long(maxAuthor + r.IntN(2))}
		return "author"
	case 6:
		for range maxEmbeds + 1 - len(d.Embeds) {
			d.Embeds = append(d.Embeds, &discordgo.MessageEmbed{Description: long(700)})
		}
		return "embeds"
	case 7:
		d.AllowedMentions = [](*discordgo.MessageAllowedMentions){nil, {}, {Parse: []discordgo.AllowedMentionType{"users"}}}[r.IntN(3)]
		return "mentions"
	case 8:
		d.Embeds = append(d.Embeds, nil)
		return "nil embed"
	case 9:
		embed().Fields = append(embed().Fields, nil)
		return "nil field"
	default:
		*embed() = discordgo.MessageEmbed{Title: long(maxTitle), Description: long(maxDescription), Footer: &discordgo.MessageEmbedFooter{Text: long(maxFooter)}}
		return "total"
	}
}

// breakComponents makes change n of the message's components.
func breakComponents(r *rand.Rand, d *discordgo.InteractionResponseData, n int) string {
	switch n {
	case 0:
		b := discordgo.Button{Label: longText(r, maxLabel+r.IntN(2)), CustomID: longText(r, r.IntN(2)*(maxCustomID+r.IntN(2)))}
		d.Components = append(d.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{b, b}})
		return "buttons"
	case 1:
		for range maxRows + 1 - len(d.Components) {
			d.Components = append(d.Components, &discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{URL: "https://x", Label: "x"}}})
		}
		return "rows"
	case 2:
		opts := make([]discordgo.SelectMenuOption, r.IntN(maxMenuOptions+2))
		for i := range opts {
			opts[i] = discordgo.SelectMenuOption{Label: longText(r, 1+r.IntN(maxOption+1)), Value: longText(r, r.IntN(maxOption+2))}
		}
		d.Components = append(d.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{CustomID: "menu", Options: opts}}})
		return "menu"
	case 3:
		d.Components = append(d.Components, discordgo.ActionsRow{})
		return "empty row"
	default:
		d.Components = append(d.Components, discordgo.Button{Label: "x", CustomID: "top"})
		return "button outside a row"
	}
}
