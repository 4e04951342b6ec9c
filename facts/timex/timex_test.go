package timex

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// describe renders e compactly for tables: span=period[/qualifier][..until],
// the period as 2025-03-20, 2025-W12, 2025-03, 2025, or "?" when unresolved
// (then with its size: ?day, ?week ...).
func describe(text string, e Expr) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s=%s", text[e.Start:e.End], period(e.Date, e.Gran))
	if e.Qualifier != "" {
		b.WriteString("/" + e.Qualifier)
	}
	if !e.Until.IsZero() {
		b.WriteString(".." + e.Until.Format("2006-01-02"))
	}
	return b.String()
}

func period(t time.Time, g Gran) string {
	if t.IsZero() {
		return "?" + g.String()
	}
	switch g {
	case Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case Month:
		return t.Format("2006-01")
	case Year:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

func findAll(text, pub string) []string {
	var p time.Time
	if pub != "" {
		p, _ = time.Parse("2006-01-02", pub)
	}
	var out []string
	for _, e := range Find(text, p) {
		out = append(out, describe(text, e))
	}
	return out
}

// Publication days used below, one per weekday of interest.
const (
	thu = "2025-03-20"
	mon = "2025-03-24"
	sun = "2025-03-23"
	sat = "2025-03-22"
	wed = "2025-01-15"
	fri = "2025-12-19"
)

// TestFindDays checks weekdays by tense, days, weeks and weekends
// around the publication date.
func TestFindDays(t *testing.T) {
	checkForms(t, []formCase{
		// Weekdays, by tense.
		{"weekday past", thu, "Ministers met on Wednesday.", []string{"on Wednesday=2025-03-19"}},
		{"weekday future", thu, "Ministers will meet on Wednesday.", []string{"on Wednesday=2025-03-26"}},
		{"weekday same day", thu, "He spoke on Thursday.", []string{"on Thursday=2025-03-20"}},
		{"weekday same day future", thu, "He will speak on Thursday.", []string{"on Thursday=2025-03-20"}},
		{"weekday nearest back", thu, "The vote on Tuesday matters.", []string{"on Tuesday=2025-03-18"}},
		{"weekday nearest ahead", thu, "The vote on Saturday matters.", []string{"on Saturday=2025-03-22"}},
		{"weekday bare", mon, "Talks resumed Tuesday in Riyadh.", []string{"Tuesday=2025-03-18"}},
		{"weekday sunday pub", sun, "The summit is due to open on Monday.", []string{"on Monday=2025-03-24"}},
		{"weekday part of day", sat, "Police were called on Friday night.", []string{"on Friday night=2025-03-21"}},
		{"last weekday", mon, "He resigned last Monday.", []string{"last Monday=2025-03-17"}},
		{"next weekday", mon, "It opens next Monday.", []string{"next Monday=2025-03-31"}},
		{"weekday next week", thu, "Talks resume on Tuesday next week.", []string{"on Tuesday next week=2025-03-25"}},
		{"weekday with date", thu, "It ended on Monday 17 March.", []string{"on Monday 17 March=2025-03-17"}},
		{"weekday range", wed, "Open from Monday to Friday.", []string{"from Monday to Friday=2025-01-13..2025-01-18"}},
		// Days around publication.
		{"yesterday", thu, "He said yesterday that it was over.", []string{"yesterday=2025-03-19"}},
		{"today", thu, "Talks continue today.", []string{"today=2025-03-20"}},
		{"tonight", thu, "He will speak tonight.", []string{"tonight=2025-03-20"}},
		{"tomorrow", fri, "Shops open tomorrow morning.", []string{"tomorrow morning=2025-12-20"}},
		{"this morning", thu, "She arrived this morning.", []string{"this morning=2025-03-20"}},
		{"this evening", thu, "A vote is due this evening.", []string{"this evening=2025-03-20"}},
		{"last night", thu, "Fighting broke out last night.", []string{"last night=2025-03-19"}},
		{"days ago", thu, "It fell three days ago.", []string{"three days ago=2025-03-17"}},
		{"years ago", thu, "It opened 20 years ago.", []string{"20 years ago=2005"}},
		// Weeks and weekends.
		{"this week", thu, "Talks are held this week.", []string{"this week=2025-W12"}},
		{"last week", mon, "He said last week that talks would go on.", []string{"last week=2025-W12"}},
		{"next week", mon, "Talks resume next week.", []string{"next week=2025-W14"}},
		{"earlier this week", thu, "Earlier this week he visited troops.", []string{"Earlier this week=2025-W12/earlier"}},
		{"later this week", mon, "A decision is expected later this week.", []string{"later this week=2025-W13/later"}},
		{"last weekend", thu, "Last weekend we had talks.", []string{"Last weekend=2025-W11"}},
		{"last weekend on sunday", sun, "Last weekend we had talks.", []string{"Last weekend=2025-W11"}},
		{"this weekend", thu, "Leaders meet this weekend.", []string{"this weekend=2025-W12"}},
		{"at the weekend past", mon, "He spoke at the weekend.", []string{"at the weekend=2025-W12"}},
		{"at the weekend future", mon, "He will speak at the weekend.", []string{"at the weekend=2025-W13"}},
	})
}

// TestFindMonths checks months and years relative to publication, months
// without a year, and explicit dates.
func TestFindMonths(t *testing.T) {
	checkForms(t, []formCase{
		// Months and years relative to publication.
		{"last month", wed, "Sales fell last month.", []string{"last month=2024-12"}},
		{"next month", fri, "Prices rise next month.", []string{"next month=2026-01"}},
		{"this year", thu, "Growth this year is slow.", []string{"this year=2025"}},
		{"last year", thu, "It grew 2% last year.", []string{"last year=2024"}},
		{"next year", thu, "The plant opens next year.", []string{"next year=2026"}},
		{"earlier this year", thu, "It was agreed earlier this year.", []string{"earlier this year=2025/earlier"}},
		{"later this month", thu, "A vote is due later this month.", []string{"later this month=2025-03/later"}},
		// Months without a year.
		{"month past", thu, "In February, the minister announced a rise.", []string{"In February=2025-02"}},
		{"month future", thu, "Talks will resume in February.", []string{"in February=2026-02"}},
		{"month past from january", wed, "Prices rose in November.", []string{"in November=2024-11"}},
		{"month unknown near", wed, "The report in November matters.", []string{"in November=2024-11"}},
		{"month unknown same year", thu, "The report in September matters.", []string{"in September=2025-09"}},
		{"month by", thu, "A deal is needed by June.", []string{"by June=2025-06/by"}},
		{"last month name", thu, "Prices rose last March.", []string{"last March=2024-03"}},
		{"last month name later", thu, "Prices rose last January.", []string{"last January=2025-01"}},
		{"next month name", thu, "Polls open next May.", []string{"next May=2025-05"}},
		{"mid month", thu, "Talks resume in mid-April.", []string{"in mid-April=2025-04"}},
		{"end of month", thu, "A deal is due by the end of April.", []string{"by the end of April=2025-04/by"}},
		// Explicit dates.
		{"month day", thu, "It began on March 11th.", []string{"on March 11th=2025-03-11"}},
		{"day month", thu, "It began on 11 March.", []string{"on 11 March=2025-03-11"}},
		{"day month year", thu, "It ended on 20 March 2024.", []string{"on 20 March 2024=2024-03-20"}},
		{"month day comma year", thu, "It ended on March 20, 2024.", []string{"on March 20, 2024=2024-03-20"}},
		{"ordinal of month", thu, "It ends on the 11th of April.", []string{"on the 11th of April=2025-04-11"}},
		{"month year", thu, "It began in June 2019.", []string{"in June 2019=2019-06"}},
		{"abbreviated", thu, "Filed on Sept. 3, 2024.", []string{"on Sept. 3, 2024=2024-09-03"}},
		{"iso date", thu, "Dated 2024-11-05 in the file.", []string{"2024-11-05=2024-11-05"}},
		{"the 11th past", thu, "They met on the 11th.", []string{"on the 11th=2025-03-11"}},
		{"the 11th future", thu, "They will meet on the 11th.", []string{"on the 11th=2025-04-11"}},
		{"the 31st skips short months", "2025-04-10", "It was signed on the 31st.", []string{"on the 31st=2025-03-31"}},
		{"the 11th floor", thu, "He lived on the 11th floor.", nil},
	})
}

// TestFindRangesAndYears checks ranges, years, and the qualifiers
// (by, since, within…) that make an expression open-ended.
func TestFindRangesAndYears(t *testing.T) {
	checkForms(t, []formCase{
		// Ranges.
		{"month day range", thu, "The summit runs March 23-25.", []string{"March 23-25=2025-03-23..2025-03-26"}},
		{"day range month", thu, "The summit runs 23-25 March.", []string{"23-25 March=2025-03-23..2025-03-26"}},
		{"between days", thu, "Voting runs between 3 and 5 May.", []string{"between 3 and 5 May=2025-05-03..2025-05-06"}},
		{"from to days", thu, "Voting runs from 3 to 5 May 2024.", []string{"from 3 to 5 May 2024=2024-05-03..2024-05-06"}},
		{"from to years", "", "He served from 2010 to 2015.", []string{"from 2010 to 2015=2010..2016-01-01"}},
		{"between years", "", "Prices rose between 2010 and 2012.", []string{"between 2010 and 2012=2010..2013-01-01"}},
		{"season", "", "The 2025-26 season starts soon.", []string{"2025-26=2025..2027-01-01"}},
		{"from months", thu, "Open from March to May.", []string{"from March to May=2025-03..2025-06-01"}},
		{"month range wraps", thu, "Open from 20 December to 5 January.", []string{"from 20 December to 5 January=2024-12-20..2025-01-06"}},
		// Years.
		{"in year", "", "It was founded in 2010.", []string{"in 2010=2010"}},
		{"year adjective", "", "The 2010 treaties were signed.", []string{"2010=2010"}},
		{"mid year", "", "Due by mid-2026.", []string{"by mid-2026=2026/by"}},
		{"not a count", "", "Some 2,000 troops and £2025 in cash, 1950 metres.", nil},
		{"not a clock", "", "Kick-off is at 1930 and ends at 2100 GMT.", nil},
		{"not a decade", "", "In the 1990s it grew.", nil},
		{"not a percent", "", "A rise of 1999% is odd.", nil},
		// Qualifiers.
		{"by year", "", "Spending rises by 2027.", []string{"by 2027=2027/by"}},
		{"since year", "", "The first since 2013.", []string{"since 2013=2013/since"}},
		{"until year", "", "Valid until 2030.", []string{"until 2030=2030/until"}},
		{"later in year", "", "A summit later in 2025.", []string{"later in 2025=2025/later"}},
		{"before month", thu, "Not before March.", []string{"before March=2025-03/before"}},
		{"after year", "", "Built after 2019.", []string{"after 2019=2019/after"}},
		{"prior to", "", "Built prior to 2019.", []string{"prior to 2019=2019/before"}},
		{"from open", thu, "The ban will apply from Monday.", []string{"from Monday=2025-03-24/from"}},
		{"within days", thu, "A deal could come within days.", []string{"within days=?day/within"}},
		{"within weeks", thu, "A deal could come within weeks.", []string{"within weeks=?week/within"}},
		{"within the next", thu, "A deal within the next few months.", []string{"within the next few months=?month/within"}},
		{"in the coming", thu, "Talks in the coming weeks.", []string{"in the coming weeks=?week/within"}},
	})
}

// TestFindNonDates checks relative dates with no publication date, and
// words that look like dates but are not.
func TestFindNonDates(t *testing.T) {
	checkForms(t, []formCase{
		// No publication date: relative ones stay unresolved.
		{"no pub relative", "", "He met them on Monday and last week, in March 2020.",
			[]string{"on Monday=?day", "last week=?week", "in March 2020=2020-03"}},
		// Non-dates.
		{"may verb", thu, "It may rain. Theresa May said so. Mrs May's speech.", nil},
		{"may name after prep", thu, "The speech by May was long; after May resigned.", nil},
		{"may month after prep", thu, "The deal must be signed by May.", []string{"by May=2025-05/by"}},
		{"march noun", thu, "A protest march. March organisers said so.", nil},
		{"sunday times", thu, "The Sunday Times and the Mail on Sunday reported it.", nil},
		{"black friday", thu, "Black Friday sales rose.", nil},
		{"today programme", thu, "He told the BBC's Today programme.", nil},
		{"a second", thu, "Wait a second, said the Second Secretary.", nil},
		{"weekday surname", thu, "Coach Mike Friday said so.", nil},
		{"possessive kept out", thu, "Today's talks and next week's vote.", []string{"Today=2025-03-20", "next week=2025-W13"}},
	})
}

// formCase is a text and the expressions Find must find in it, published on
// pub ("" for no date).
type formCase struct {
	name, pub, text string
	want            []string
}

// checkForms runs Find on each form's text.
func checkForms(t *testing.T, tests []formCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(tt.text, tt.pub)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q, %s)\n got %q\nwant %q", tt.text, tt.pub, got, tt.want)
			}
		})
	}
}
