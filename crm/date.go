package crm

import (
	"cmp"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// DateLayout is the one textual form of a Date, on the command line, in JSON
// and in the database: a calendar day with no time zone.
const DateLayout = "2006-01-02"

// Date is a calendar day. Check-ins, meetings and birthdays are days, not
// instants: a meeting on 2026-11-25 stays on that day whatever time zone the
// laptop travels to. The zero Date means "not set".
//
// A Date is the number of days since 0001-01-01, the zero Date: four
// bytes with no pointer, where a time.Time is twenty-four with one. A
// review of 50,000 people holds hundreds of thousands of them, and the
// memory they took was a good part of its time.
type Date struct {
	n int32 // days since 0001-01-01; zero when unset
}

// unixDay0 is 0001-01-01 in Unix seconds.
const unixDay0 = -62135596800

// NewDate returns the given calendar day; as time.Date, values out of
// their usual range are normalized (month 13 is January of the next year).
func NewDate(year int, month time.Month, day int) Date {
	if month >= time.January && month <= time.December && day >= 1 && day <= 28 {
		return Date{daysFromCivil(year, int(month), day)}
	}
	return dateOfUTC(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// dateOfUTC returns the day of t in UTC.
func dateOfUTC(t time.Time) Date {
	secs := t.Unix() - unixDay0
	days := secs / 86400
	if secs%86400 < 0 {
		days--
	}
	return Date{int32(days)}
}

// daysFromCivil is the number of days from 0001-01-01 to the day y-m-d
// of the proleptic Gregorian calendar (m 1 to 12, d 1 to 31), as in
// Howard Hinnant's days_from_civil.
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400                     // [0, 399]
	doy := (153*((m+9)%12)+2)/5 + d - 1    // [0, 365], from March 1st
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return int32(era*146097 + doe - 306)   // 306: from 0000-03-01 to 0001-01-01
}

// civil is daysFromCivil's inverse: the year, month and day of d.
func (d Date) civil() (y, m, day int) {
	z := int(d.n) + 306
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11], from March
	day = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, day
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// Today returns the local calendar day.
func Today() Date { return DateOf(time.Now()) }

// The days Kith accepts from a person: FirstDate to LastDate. Before 1900
// is a typo rather than a relationship, and the zero Date (0001-01-01, "not
// set") must never be typed in; after 9999 a date no longer fits
// YYYY-MM-DD, so it would neither sort nor compare as the text it is stored as.
var (
	FirstDate = NewDate(1900, time.January, 1)
	LastDate  = NewDate(9999, time.December, 31)
)

// ParseDate reads a YYYY-MM-DD day from FirstDate to LastDate. Impossible
// days such as 2026-02-30 are rejected rather than rolled into the next
// month, with a *NoSuchDayError that says so; text that is not YYYY-MM-DD
// at all gets the format, and a day outside the range says so.
func ParseDate(s string) (Date, error) {
	d, err := parseDay(s)
	if err != nil {
		return Date{}, err
	}
	// Checked even when d is the zero Date: 0001-01-01 is typed, not unset.
	if err := d.InRange(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// OutOfRangeError is ParseDate's error for a real day before FirstDate or
// after LastDate, so that a reader can tell it from text that is no date.
type OutOfRangeError struct{ Day Date }

// Error reads "0001-01-01 is out of range (want a day from 1900-01-01 to 9999-12-31)".
func (e *OutOfRangeError) Error() string {
	return fmt.Sprintf("%s is out of range (want a day from %s to %s)", e.Day.Time().Format(DateLayout), FirstDate, LastDate)
}

// InRange returns an *OutOfRangeError when d is before FirstDate or after
// LastDate, the zero Date included.
func (d Date) InRange() error {
	if d.Before(FirstDate) || d.After(LastDate) {
		return &OutOfRangeError{Day: d}
	}
	return nil
}

// CheckDate refuses a set day before FirstDate or after LastDate; the zero
// Date (not set) passes. The caller names the field.
func CheckDate(d Date) error {
	if d.IsZero() {
		return nil
	}
	return d.InRange()
}

// parseDay reads a YYYY-MM-DD day of any year, as ParseDate without the
// range: what is already stored is read back even if an older Kith let it in.
func parseDay(s string) (Date, error) {
	if d, ok := plainDay(s); ok {
		return d, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err == nil {
		return dateOfUTC(t), nil
	}
	if e := noSuchDay(s); e != nil {
		return Date{}, e
	}
	return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, e.g. 2026-11-25)", s)
}

// plainDay reads a well-formed YYYY-MM-DD of a day that exists without
// time.Parse: every row of a list holds dates, and time.Parse was some 5 %
// of the due list's time. Anything else is left to time.Parse, which
// gives the same Date for what plainDay accepts.
func plainDay(s string) (Date, bool) {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	num := func(part string) int {
		n := 0
		for _, c := range []byte(part) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > 28 && d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return Date{}, false
	}
	return Date{daysFromCivil(y, m, d)}, true
}

// NoSuchDayError is ParseDate's error for a well-formed day that its month
// does not have, such as 2026-02-30: the user wrote a date, just not a real
// one, so the message names the month rather than the format.
type NoSuchDayError struct {
	Year  int
	Month time.Month
	Day   int
}

// Error reads "February 2026 has no 30th".
func (e *NoSuchDayError) Error() string {
	return fmt.Sprintf("%s %d has no %s", e.Month, e.Year, ordinal(e.Day))
}

// noSuchDay returns the error for s when it is YYYY-MM-DD with a real month
// and a day that some month has (1 to 31) but this one does not, else nil.
func noSuchDay(s string) *NoSuchDayError {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' {
		return nil
	}
	y, okY := digits(s[:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:])
	if !okY || !okM || !okD || m < 1 || m > 12 || d < 1 || d > 31 {
		return nil
	}
	if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); d <= last {
		return nil
	}
	return &NoSuchDayError{Year: y, Month: time.Month(m), Day: d}
}

// digits reads a run of ASCII digits as a number.
func digits(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, s != ""
}

// ordinal writes 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st, 30th, 31st.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.n == 0 }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendText(make([]byte, 0, len(DateLayout))))
}

// appendText appends the day as YYYY-MM-DD to b.
func (d Date) appendText(b []byte) []byte {
	y, m, day := d.civil()
	if y < 0 || y > 9999 { // as time.Time writes them
		return d.Time().AppendFormat(b, DateLayout)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return time.Unix(int64(d.n)*86400+unixDay0, 0).UTC() }

// AddDays returns the day n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date {
	return Date{int32(min(max(int64(d.n)+int64(n), math.MinInt32), math.MaxInt32))}
}

// AddMonths returns the same day n months later, clamped to the month's end
// (2026-01-31 plus one month is 2026-02-28, not March 3rd).
func (d Date) AddMonths(n int) Date {
	y, m, day := d.civil()
	first := time.Date(y, time.Month(m+n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if day > last {
		day = last
	}
	return NewDate(first.Year(), first.Month(), day)
}

// DaysUntil returns the number of days from d to other (negative when other is earlier).
func (d Date) DaysUntil(other Date) int {
	return int(other.n) - int(d.n)
}

// Compare returns -1, 0 or +1 as d is earlier than, the same day as, or
// later than other (the zero Date first), for sorting.
func (d Date) Compare(other Date) int { return cmp.Compare(d.n, other.n) }

// Before reports whether d is strictly earlier than other.
func (d Date) Before(other Date) bool { return d.n < other.n }

// After reports whether d is strictly later than other.
func (d Date) After(other Date) bool { return d.n > other.n }

// Value stores the date as YYYY-MM-DD text, or NULL when unset.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a YYYY-MM-DD text column; NULL and "" give the zero Date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	case time.Time:
		*d = DateOf(v.UTC())
		return nil
	}
	return fmt.Errorf("cannot read a date from %T", src)
}

func (d *Date) scanText(s string) error {
	if s == "" {
		*d = Date{}
		return nil
	}
	if len(s) > len(DateLayout) { // tolerate a timestamp: its day is what counts
		s = s[:len(DateLayout)]
	}
	v, err := parseDay(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes "YYYY-MM-DD", or null when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return append(d.appendText(append(make([]byte, 0, len(DateLayout)+2), '"')), '"'), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	return d.scanText(s)
}
