package numbers

import (
	"fmt"
	"testing"

	"github.com/briefbot/briefbot/internal/tabletest"
)

// describe renders f compactly for tables: [qualifier|]value=number[/unit]
// followed by the whole span in braces when it differs from what the
// parts spell.
func describe(text string, f Figure) string {
	s := fmt.Sprintf("%s=%g", f.Value, f.Number)
	if f.Qualifier != "" {
		s = f.Qualifier + "|" + s
	}
	if f.Unit != "" {
		s += "/" + f.Unit
	}
	return s + " {" + text[f.Start:f.End] + "}"
}

func findAll(text string) []string {
	var out []string
	for _, f := range Find(text) {
		out = append(out, describe(text, f))
	}
	return out
}

// TestFind checks the figures found in a text: counts, amounts,
// percentages and measures, with their qualifiers and what they count.
func TestFind(t *testing.T) {
	checkFind(t, []findCase{
		{"count", "Officials from 31 allied nations met.", []string{"31=31/allied nations {31 allied nations}"}},
		{"qualified count", "More than 30 countries joined.", []string{"more than|30=30/countries {More than 30 countries}"}},
		{"up to", "Up to 30 countries have been involved.", []string{"up to|30=30/countries {Up to 30 countries}"}},
		{"duration", "A pause for 30 days, however.", []string{"30=30/days {30 days}"}},
		{"spelled", "A fleet of four vessels that will sail.", []string{"four=4/vessels {four vessels}"}},
		{"commas", "About 1,000 troops and 2,225 articles.", []string{
			"about|1,000=1000/troops {About 1,000 troops}", "2,225=2225/articles {2,225 articles}"}},
		{"decimal", "It weighs 2.5 tonnes.", []string{"2.5=2.5/tonnes {2.5 tonnes}"}},
		{"percent", "Spending rises to 2.5% of the UK’s economic output by 2027.", []string{
			"2.5%=2.5/of the UK’s economic output {2.5% of the UK’s economic output}"}},
		{"per cent", "Prices rose 3 per cent last year.", []string{"3 per cent=3 {3 per cent}"}},
		{"money suffix", "A £15.8m deal and $1.13bn (£600m) profit.", []string{
			"£15.8m=1.58e+07 {£15.8m}", "$1.13bn=1.13e+09 {$1.13bn}", "£600m=6e+08 {£600m}"}},
		{"money words", "It cost €2.5 billion and £30k.", []string{"€2.5 billion=2.5e+09 {€2.5 billion}", "£30k=30000 {£30k}"}},
		{"money of", "Some £2bn of new investment.", []string{"some|£2bn=2e+09/of new investment {Some £2bn of new investment}"}},
		{"million count", "1.5 million people fled.", []string{"1.5 million=1.5e+06/people {1.5 million people}"}},
		{"glued million", "Some 3.2m people voted.", []string{"some|3.2m=3.2e+06/people {Some 3.2m people}"}},
		{"spelled compound", "Twenty-five players and two hundred and fifty fans.", []string{
			"Twenty-five=25/players {Twenty-five players}", "two hundred and fifty=250/fans {two hundred and fifty fans}"}},
		{"spelled big", "Three million Ethiopians need aid.", []string{"Three million=3e+06/Ethiopians {Three million Ethiopians}"}},
		{"a dozen", "A dozen countries signed; two dozen did not.", []string{
			"A dozen=12/countries {A dozen countries}", "two dozen=24 {two dozen}"}},
		{"a million", "Nearly a million people left.", []string{"nearly|a million=1e+06/people {Nearly a million people}"}},
		{"qualifiers", "at least 5 ships, nearly 6 planes, fewer than 7 cars, less than 8%, an estimated 9 deaths", []string{
			"at least|5=5/ships {at least 5 ships}", "nearly|6=6/planes {nearly 6 planes}",
			"fewer than|7=7/cars {fewer than 7 cars}", "less than|8%=8 {less than 8%}",
			"an estimated|9=9/deaths {an estimated 9 deaths}"}},
		{"irregular plural", "Some 20 staff and 300 people.", []string{"some|20=20/staff {Some 20 staff}", "300=300/people {300 people}"}},
		{"no plural head", "He scored 30 in the final.", []string{"30=30 {30}"}},
		{"measure", "It ran 10km and 5 mph.", []string{"10=10/km {10km}", "5=5/mph {5 mph}"}},
		{"metres not millions", "She won the 100m hurdles.", []string{"100=100/m {100m}"}},
		{"hyphen unit", "A 10-year plan.", []string{"10=10/year {10-year}"}},
		{"range", "Between 20-30 people came.", []string{"20-30=20/people {20-30 people}"}},
		{"one counts", "He had one vessel left.", []string{"one=1/vessel {one vessel}"}},
		{"year-like count", "Some 1950 troops.", []string{"some|1950=1950/troops {Some 1950 troops}"}},
	})
}

// TestFindNotFigures checks numbers that are not figures: years, dates,
// times, names, ranks, ages, scores and the like.
func TestFindNotFigures(t *testing.T) {
	checkFind(t, []findCase{
		{"years", "In 2010, by 2027, 2004 sales and the 2010 treaties.", nil},
		{"season", "The 2025-26 season.", nil},
		{"dates", "On 11 March and March 20, 2025.", nil},
		{"ordinals", "The third meeting on the 1st.", nil},
		{"times", "At 10am, 10:30, 9.30pm, at 10.30 and 1900 GMT.", nil},
		{"phone", "Call 0800 123 4567 or +44 20 7946 0000.", nil},
		{"names", "Number 10, No 10, the G7, the F-35, Covid-19, BBC Radio 4.", nil},
		{"ranks", "He is world number one; at number 12 in the chart.", nil},
		{"ages", "A 25-year-old man, aged 30; Mr Brown, 42, said.", nil},
		{"one pronoun", "One of the leaders; no one came; the one; one another.", nil},
		{"score", "They won 3-1.", nil},
		{"fractions", "About two-thirds and two thirds of voters.", nil},
		{"decade", "In the 1990s.", nil},
		{"a second", "Wait a second.", nil},
		{"code", "See 24/7 and &#163;5.", nil},
		{"capitalised name", "The Formula One team and the Big Four.", nil},
	})
}

// findCase is a text and the figures Find must find in it, described.
type findCase = tabletest.Case[string, []string]

// checkFind runs Find on each case's text.
func checkFind(t *testing.T, tests []findCase) {
	t.Helper()
	tabletest.Run(t, "Find", findAll, tests)
}

// TestNumberExact checks that scaled values come out exactly as written,
// not off by a rounding error ("£15.8m" is 15800000, not 15800000.000000002).
func TestNumberExact(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"£15.8m", 15.8e6},
		{"$1.13bn", 1.13e9},
		{"0.1%", 0.1},
		{"2.2 million", 2.2e6},
		{"£30k", 30e3},
		{"1,000", 1000},
		{"£2.86bn", 2.86e9},
		{"three million two hundred thousand", 3.2e6},
	}
	for _, tt := range tests {
		got := Find(tt.text)
		if len(got) != 1 || got[0].Number != tt.want {
			t.Errorf("Find(%q) = %+v, want one figure of %v", tt.text, got, tt.want)
		}
	}
}
