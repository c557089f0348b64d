package crm

import (
	"fmt"
	"strconv"
)

// Span is a length of time written the way people say it: 10d, 2w, 3m, 1y.
// Cadences and look-ahead windows are Spans.
type Span struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

// MaxSpanDays is the longest Span, in days: a hundred years. A cadence or a
// look-ahead longer than a life is a typo, and a span this short keeps any
// day it is added to within the years a date can be written in (see LastDate).
const MaxSpanDays = 36500

// ParseSpan reads Nd, Nw, Nm (months) or Ny with N a positive whole number,
// at most MaxSpanDays long.
func ParseSpan(s string) (Span, error) {
	bad := fmt.Errorf("%q is not a duration (want Nd, Nw, Nm or Ny, e.g. 14d, 6w, 3m, 1y)", s)
	if len(s) < 2 {
		return Span{}, bad
	}
	unit := s[len(s)-1]
	switch unit {
	case 'd', 'w', 'm', 'y':
	default:
		return Span{}, bad
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > MaxSpanDays || s[0] == '+' {
		return Span{}, bad
	}
	sp := Span{N: n, Unit: unit}
	if sp.Days() > MaxSpanDays {
		return Span{}, &SpanTooLongError{Text: s}
	}
	return sp, nil
}

// SpanTooLongError is ParseSpan's error for a well-formed span longer than
// MaxSpanDays, which an older Kith accepted: a reader of saved settings can
// tell it from text that is no span.
type SpanTooLongError struct{ Text string }

// Error reads `"7974y" is longer than 100 years`.
func (e *SpanTooLongError) Error() string { return fmt.Sprintf("%q is longer than 100 years", e.Text) }

// Days is the span as a whole number of days, the unit cadences are stored
// in: a month counts as 30 days and a year as 365, so a "3m" cadence is a
// steady 90-day rhythm rather than one that drifts with month lengths.
func (s Span) Days() int {
	switch s.Unit {
	case 'w':
		return s.N * 7
	case 'm':
		return s.N * 30
	case 'y':
		return s.N * 365
	}
	return s.N
}

// After returns the calendar day the span ends on when it starts on d. Unlike
// Days, months and years are calendar months and years here, so "due within
// 1m" from Jan 31st reaches Feb 28th. A day past LastDate is LastDate: dates
// are stored and compared as YYYY-MM-DD text, which a year 10000 would break.
// Until says so instead.
func (s Span) After(d Date) Date {
	end := s.end(d)
	if end.After(LastDate) {
		return LastDate
	}
	return end
}

// Until returns the day the span ends on when it starts on d, as After,
// and an error when that day is past LastDate, for a command to refuse.
// The caller names the field.
func (s Span) Until(d Date) (Date, error) {
	end := s.end(d)
	if end.After(LastDate) {
		return Date{}, fmt.Errorf("%s from %s reaches past %s", s, d, LastDate)
	}
	return end, nil
}

func (s Span) end(d Date) Date {
	switch s.Unit {
	case 'w':
		return d.AddDays(7 * s.N)
	case 'm':
		return d.AddMonths(s.N)
	case 'y':
		return d.AddMonths(12 * s.N)
	}
	return d.AddDays(s.N)
}

// String returns the span as it was written, e.g. "6w".
func (s Span) String() string { return strconv.Itoa(s.N) + string(s.Unit) }

// FormatDays writes a number of days as the shortest exact Span text: 14 is
// "2w", 90 is "3m", 10 is "10d".
func FormatDays(days int) string {
	switch {
	case days > 0 && days%365 == 0:
		return strconv.Itoa(days/365) + "y"
	case days > 0 && days%30 == 0:
		return strconv.Itoa(days/30) + "m"
	case days > 0 && days%7 == 0:
		return strconv.Itoa(days/7) + "w"
	}
	return strconv.Itoa(days) + "d"
}

// EveryDays says how often a cadence checks in, for a sentence: "every 2w",
// or "no check-ins" for 0 days, the cadence of people who have none (no
// role in a book that checks on nobody without one, or imported and not
// given a role or cadence yet).
func EveryDays(days int) string {
	if days <= 0 {
		return "no check-ins"
	}
	return "every " + FormatDays(days)
}
