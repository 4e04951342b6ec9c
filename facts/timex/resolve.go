package timex

import "time"

// dayOf returns t's calendar date as UTC midnight, or zero for zero.
func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// monday returns the first day of t's ISO week.
func monday(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }

// after returns the first day after the period of size g starting at t.
func after(t time.Time, g Gran) time.Time {
	switch g {
	case Week:
		return t.AddDate(0, 0, 7)
	case Month:
		return t.AddDate(0, 1, 0)
	case Year:
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 0, 1)
}

// granOf is the size of the period s names.
func granOf(s spec) Gran {
	switch s.form {
	case fAbs, fMD:
		switch {
		case s.d > 0:
			return Day
		case s.m > 0:
			return Month
		}
		return Year
	case fDOM, fWeekday:
		return Day
	case fWeekend:
		return Week
	}
	return s.gran
}

// resolve dates s against the publication day pub (zero if unknown) and
// the clause's tense: a past clause looks back from pub, a future one
// forward, and otherwise the nearest candidate wins.
func resolve(s spec, pub time.Time, t Tense) (time.Time, Gran) {
	g := granOf(s)
	switch {
	case s.form == fAbs:
		return date(s.y, max(s.m, 1), max(s.d, 1)), g
	case s.form == fVague || pub.IsZero():
		return time.Time{}, g
	}
	switch s.form {
	case fRel:
		switch s.gran {
		case Day:
			return pub.AddDate(0, 0, s.off), g
		case Week:
			return monday(pub).AddDate(0, 0, 7*s.off), g
		case Month:
			return date(pub.Year(), int(pub.Month())+s.off, 1), g
		}
		return date(pub.Year()+s.off, 1, 1), g
	case fMD:
		return resolveMD(s, pub, t), g
	case fDOM:
		return resolveDOM(s.d, pub, t), g
	case fWeekday:
		if s.week {
			return monday(pub).AddDate(0, 0, 7*s.dx+(int(s.wd)+6)%7), g
		}
		return pick(pub, s.wd, s.dx, t), g
	}
	// fWeekend: the ISO week of the Saturday meant.
	if s.deix {
		return monday(pub).AddDate(0, 0, 7*s.dx), g
	}
	return monday(pick(pub, time.Saturday, 0, t)), g
}

// pick returns the weekday wd around pub: strictly before for "last",
// strictly after for "next", else by tense, nearest when it is unknown.
func pick(pub time.Time, wd time.Weekday, dx int, t Tense) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	fwd := (7 - back) % 7
	switch {
	case dx < 0:
		if back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back)
	case dx > 0:
		if fwd == 0 {
			fwd = 7
		}
		return pub.AddDate(0, 0, fwd)
	case t == Past, t != Future && back <= fwd:
		return pub.AddDate(0, 0, -back)
	}
	return pub.AddDate(0, 0, fwd)
}

// resolveMD picks the year of a month, or of a day in a month, written
// without one.
func resolveMD(s spec, pub time.Time, t Tense) time.Time {
	y, pm := pub.Year(), int(pub.Month())
	switch {
	case s.dx < 0:
		if s.m >= pm {
			y--
		}
	case s.dx > 0:
		if s.m <= pm {
			y++
		}
	case s.deix:
	case s.d == 0:
		switch diff := s.m - pm; {
		case t == Past && diff > 0, t != Past && t != Future && diff > 6:
			y--
		case t == Future && diff < 0, t != Past && t != Future && diff < -6:
			y++
		}
	default:
		c := date(y, s.m, s.d)
		switch {
		case t == Past && c.After(pub), t != Past && t != Future && c.After(pub.AddDate(0, 6, 0)):
			y--
		case t == Future && c.Before(pub), t != Past && t != Future && c.Before(pub.AddDate(0, -6, 0)):
			y++
		}
	}
	if s.d > daysIn(s.m, y) {
		return time.Time{} // 29 February of a common year
	}
	return date(y, s.m, max(s.d, 1))
}

// resolveDOM finds the day d of the month nearest pub in the direction the
// tense allows, skipping months too short to have it.
func resolveDOM(d int, pub time.Time, t Tense) time.Time {
	var back, fwd time.Time
	for i := 0; i < 3 && back.IsZero(); i++ {
		first := date(pub.Year(), int(pub.Month())-i, 1)
		if c := first.AddDate(0, 0, d-1); c.Month() == first.Month() && !c.After(pub) {
			back = c
		}
	}
	for i := 0; i < 3 && fwd.IsZero(); i++ {
		first := date(pub.Year(), int(pub.Month())+i, 1)
		if c := first.AddDate(0, 0, d-1); c.Month() == first.Month() && !c.Before(pub) {
			fwd = c
		}
	}
	switch {
	case t == Past || fwd.IsZero():
		return back
	case t == Future || back.IsZero():
		return fwd
	case pub.Sub(back) <= fwd.Sub(pub):
		return back
	}
	return fwd
}

// resolveEnd dates the end of a range whose start resolved to start: a
// day or month without a year takes the start's, moved on a year if it
// would fall before it, and a weekday is the first one on or after it.
func resolveEnd(s spec, start, pub time.Time, t Tense) (time.Time, Gran) {
	switch s.form {
	case fMD:
		if s.d > daysIn(s.m, start.Year()) {
			return time.Time{}, Day
		}
		e := date(start.Year(), s.m, max(s.d, 1))
		if e.Before(start) {
			e = e.AddDate(1, 0, 0)
		}
		return e, granOf(s)
	case fWeekday:
		return start.AddDate(0, 0, (int(s.wd)-int(start.Weekday())+7)%7), Day
	}
	return resolve(s, pub, t)
}
