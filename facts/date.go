package facts

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Granularity says how much of a date is known.
type Granularity uint8

// Granularities, coarsest first.
const (
	Unknown Granularity = iota
	Year
	Month
	Week
	Day
)

// Date is a calendar date known to some granularity: a day, an ISO week, a
// month or a year. News prose often gives no more than "last week" or "in
// February", and a briefing must not pretend to know more than the source.
type Date struct {
	start time.Time // first day of the period, UTC midnight
	gran  Granularity
}

// DayDate returns the date of one day.
func DayDate(y int, m time.Month, d int) Date {
	return Date{start: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), gran: Day}
}

// MonthDate returns the date of a month.
func MonthDate(y int, m time.Month) Date {
	return Date{start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), gran: Month}
}

// YearDate returns the date of a year.
func YearDate(y int) Date {
	return Date{start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), gran: Year}
}

// WeekDate returns the ISO week that contains day t.
func WeekDate(t time.Time) Date {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	offset := (int(t.Weekday()) + 6) % 7 // days since Monday
	return Date{start: t.AddDate(0, 0, -offset), gran: Week}
}

// ParseDate reads YYYY-MM-DD, YYYY-MM, YYYY or an ISO week YYYY-Www, from
// the year 1 on: the zero time.Time (1 January of the year 1) is an open
// bound of a range, so a date ending there would be taken for no date.
func ParseDate(s string) (Date, error) {
	d, err := parseDate(s)
	if err == nil && d.start.Year() < 1 {
		return Date{}, fmt.Errorf("bad date %q: the year 0000 is not a year", strings.TrimSpace(s))
	}
	return d, err
}

func parseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www", s)
	switch {
	case len(s) == 10:
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return Date{}, bad
		}
		return Date{start: t, gran: Day}, nil
	case len(s) == 8 && s[5] == 'W':
		y, err1 := strconv.Atoi(s[:4])
		w, err2 := strconv.Atoi(s[6:])
		if err1 != nil || err2 != nil || !digits(s[:4]) || !digits(s[6:]) || s[4] != '-' || w < 1 || w > 53 {
			return Date{}, bad
		}
		// ISO week 1 is the week with the year's first Thursday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		d := WeekDate(jan4)
		d.start = d.start.AddDate(0, 0, 7*(w-1))
		if yy, ww := d.start.ISOWeek(); yy != y || ww != w {
			return Date{}, bad
		}
		return d, nil
	case len(s) == 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return Date{}, bad
		}
		return Date{start: t, gran: Month}, nil
	case len(s) == 4:
		t, err := time.Parse("2006", s)
		if err != nil {
			return Date{}, bad
		}
		return Date{start: t, gran: Year}, nil
	}
	return Date{}, bad
}

// digits reports whether s is ASCII digits only (strconv.Atoi takes a sign too).
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.gran == Unknown }

// Granularity reports how much of the date is known.
func (d Date) Granularity() Granularity { return d.gran }

// Start is the first day of the period.
func (d Date) Start() time.Time { return d.start }

// End is the first day after the period.
func (d Date) End() time.Time {
	switch d.gran {
	case Day:
		return d.start.AddDate(0, 0, 1)
	case Week:
		return d.start.AddDate(0, 0, 7)
	case Month:
		return d.start.AddDate(0, 1, 0)
	case Year:
		return d.start.AddDate(1, 0, 0)
	}
	return d.start
}

// String renders the date at its granularity: 2024-06-13, 2024-W24, 2024-06, 2024.
func (d Date) String() string {
	switch d.gran {
	case Day:
		// Formatted by hand: answers print many dates, and time.Format
		// showed in their profile.
		y, m, dd := d.start.Date()
		b := []byte("0000-00-00")
		put := func(at, v, width int) {
			for i := at + width - 1; i >= at; i-- {
				b[i] = byte('0' + v%10)
				v /= 10
			}
		}
		put(0, y, 4)
		put(5, int(m), 2)
		put(8, dd, 2)
		return string(b)
	case Week:
		y, w := d.start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return d.start.Format("2006-01")
	case Year:
		return d.start.Format("2006")
	}
	return ""
}

// Human renders the date for people: "Thu 13 Jun 2024", "week of 10 Jun 2024", "Jun 2024", "2024".
func (d Date) Human() string { return d.inWords(&humanLayouts) }

// Long renders the date in words, for the opening line of an answer:
// "Monday 24 March 2025", "week of 24 March 2025", "February 2025", "2025".
func (d Date) Long() string { return d.inWords(&longLayouts) }

// humanLayouts and longLayouts are the time layouts Human and Long render
// each granularity with.
var (
	humanLayouts = [Day + 1]string{Year: "2006", Month: "Jan 2006", Week: "2 Jan 2006", Day: "Mon 2 Jan 2006"}
	longLayouts  = [Day + 1]string{Year: "2006", Month: "January 2006", Week: "2 January 2006", Day: "Monday 2 January 2006"}
)

// inWords renders the date with the layout for its granularity, a week as
// "week of" its first day, and an unknown date as "date unknown".
func (d Date) inWords(layouts *[Day + 1]string) string {
	if d.gran == Unknown || d.gran > Day {
		return "date unknown"
	}
	s := d.start.Format(layouts[d.gran])
	if d.gran == Week {
		return "week of " + s
	}
	return s
}

// Before orders dates by their start, a coarser period first when two start
// on the same day, so "March" comes before "1 March" in a timeline.
func (d Date) Before(e Date) bool {
	if !d.start.Equal(e.start) {
		return d.start.Before(e.start)
	}
	return d.gran < e.gran
}

// compare is -1, 0 or +1 as d is before, neither before nor after, or
// after e, in Before's order.
func (d Date) compare(e Date) int {
	if c := d.start.Compare(e.start); c != 0 {
		return c
	}
	return cmp.Compare(d.gran, e.gran)
}

// Overlaps reports whether the date's period meets [from, to), where a zero
// bound is open.
func (d Date) Overlaps(from, to time.Time) bool {
	if d.IsZero() {
		return false
	}
	if !from.IsZero() && !d.End().After(from) {
		return false
	}
	if !to.IsZero() && !d.start.Before(to) {
		return false
	}
	return true
}
