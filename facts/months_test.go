package facts

import (
	"slices"
	"testing"
	"time"
)

// TestMonthsStepsAsAddDate: months, which steps by month itself, yields
// what stepping a month's first day by time.AddDate does, across year
// ends, for days, weeks, months and years.
func TestMonthsStepsAsAddDate(t *testing.T) {
	addDate := func(d Date) []int {
		var out []int
		end := d.End()
		for t := time.Date(d.Start().Year(), d.Start().Month(), 1, 0, 0, 0, 0, time.UTC); t.Before(end); t = t.AddDate(0, 1, 0) {
			out = append(out, t.Year()*12+int(t.Month()))
		}
		return out
	}
	var dates []Date
	for y := 2019; y <= 2021; y++ {
		dates = append(dates, YearDate(y))
		for m := time.January; m <= time.December; m++ {
			dates = append(dates, MonthDate(y, m))
			for _, day := range []int{1, 15, 28, 31} {
				dates = append(dates, DayDate(y, m, day), WeekDate(time.Date(y, m, day, 0, 0, 0, 0, time.UTC)))
			}
		}
	}
	for _, d := range dates {
		if got, want := slices.Collect(months(d)), addDate(d); !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%v: months %v, want %v", d, got, want)
		}
	}
}
