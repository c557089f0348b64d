package crm

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, bad := range []string{"", "2026-02-30", "2026-13-01", "26-01-01", "2026/01/01", "2026-1-1", "tomorrow"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted a bad date", bad)
		}
	}
	d, err := ParseDate("2028-02-29")
	if err != nil || d.String() != "2028-02-29" {
		t.Fatalf("leap day: %v %v", d, err)
	}
}

// A well-formed day its month lacks names the month; anything else that is
// not YYYY-MM-DD keeps the format message.
func TestParseDateNamesAMissingDay(t *testing.T) {
	for in, want := range map[string]string{
		"2026-02-30": "February 2026 has no 30th",
		"2026-02-29": "February 2026 has no 29th",
		"2026-04-31": "April 2026 has no 31st",
		"1990-02-30": "February 1990 has no 30th",
	} {
		_, err := ParseDate(in)
		var nd *NoSuchDayError
		if err == nil || err.Error() != want || !errors.As(err, &nd) {
			t.Errorf("ParseDate(%q) = %v, want %q", in, err, want)
		}
	}
	for _, in := range []string{"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-1-1", "2026/02/30", "tomorrow", "2026-02-3x"} {
		_, err := ParseDate(in)
		if err == nil || !strings.Contains(err.Error(), "want YYYY-MM-DD") {
			t.Errorf("ParseDate(%q) = %v, want the format message", in, err)
		}
	}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 30: "30th", 31: "31st"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := mustDate("2026-01-31")
	if got := d.AddMonths(1).String(); got != "2026-02-28" {
		t.Errorf("Jan 31 + 1 month = %s, want 2026-02-28", got)
	}
	if got := d.AddDays(30).String(); got != "2026-03-02" {
		t.Errorf("Jan 31 + 30 days = %s", got)
	}
	if n := d.DaysUntil(mustDate("2026-03-02")); n != 30 {
		t.Errorf("DaysUntil = %d, want 30", n)
	}
	if n := mustDate("2026-03-02").DaysUntil(d); n != -30 {
		t.Errorf("DaysUntil backwards = %d, want -30", n)
	}
}

func TestDateJSON(t *testing.T) {
	var v struct {
		A Date `json:"a"`
		B Date `json:"b"`
	}
	v.A = mustDate("2026-11-25")
	b, _ := json.Marshal(v)
	if string(b) != `{"a":"2026-11-25","b":null}` {
		t.Fatalf("got %s", b)
	}
	var back struct{ A, B Date }
	if err := json.Unmarshal(b, &back); err != nil || back.A != v.A || !back.B.IsZero() {
		t.Fatalf("round trip: %+v %v", back, err)
	}
}

func TestParseSpan(t *testing.T) {
	cases := map[string]int{"10d": 10, "2w": 14, "3m": 90, "1y": 365}
	for in, days := range cases {
		s, err := ParseSpan(in)
		if err != nil || s.Days() != days || s.String() != in {
			t.Errorf("ParseSpan(%q) = %v (%d days), %v", in, s, s.Days(), err)
		}
	}
	for _, bad := range []string{"", "d", "0d", "-3d", "+3d", "3", "3h", "1.5w", "w2"} {
		if _, err := ParseSpan(bad); err == nil {
			t.Errorf("ParseSpan(%q) accepted a bad duration", bad)
		}
	}
	if got := (Span{1, 'm'}).After(mustDate("2026-01-31")).String(); got != "2026-02-28" {
		t.Errorf("1m after Jan 31 = %s", got)
	}
	for days, want := range map[int]string{14: "2w", 90: "3m", 10: "10d", 365: "1y", 42: "6w"} {
		if got := FormatDays(days); got != want {
			t.Errorf("FormatDays(%d) = %s, want %s", days, got, want)
		}
	}
}

func TestParseExchange(t *testing.T) {
	ex, err := ParseExchange(Gave, "introduction: to the Fabrikam platform team")
	if err != nil || ex.Kind != ExIntroduction || ex.Description != "to the Fabrikam platform team" {
		t.Fatalf("got %+v %v", ex, err)
	}
	if _, err := ParseExchange(Gave, "advice:  "); err == nil {
		t.Fatal("an empty description was accepted")
	}
}

func TestNameKey(t *testing.T) {
	if NameKey("  Émile   ZOLA ") != NameKey("émile zola") {
		t.Fatal("NameKey does not fold case and spaces")
	}
}

// mustDate is ParseDate for literals in these tests.
func mustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Reading a stored day takes a short way for well-formed days; it must
// give what time.Parse gives, and refuse what it refuses, for every kind
// of text.
func TestParseDayIsTimeParse(t *testing.T) {
	days := []string{"2026-11-25", "2024-02-29", "2025-02-29", "2026-02-30", "2026-04-31", "2026-12-31",
		"0001-01-01", "9999-12-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "2026/01/01",
		"20x6-01-01", "2026-01-0a", "", "2026-01-01T00:00", "+026-01-01", "2026-01-32"}
	for d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2025; d = d.AddDate(0, 0, 1) {
		days = append(days, d.Format(DateLayout))
	}
	for _, s := range days {
		got, err := parseDay(s)
		want, werr := time.Parse(DateLayout, s)
		if (err == nil) != (werr == nil) || err == nil && !got.Time().Equal(want) {
			t.Errorf("parseDay(%q) = %v, %v; time.Parse gives %v, %v", s, got, err, want, werr)
		}
	}
}

// A Date is a day count: every day it can hold from the year 1 to 9999
// must read, write and move as the time.Time of that day does.
func TestDateIsTheDayOfTime(t *testing.T) {
	check := func(tm time.Time) {
		d := NewDate(tm.Date())
		if !d.Time().Equal(tm) || d.Time() != tm {
			t.Fatalf("NewDate(%s).Time() = %v", tm.Format(DateLayout), d.Time())
		}
		if got := d.String(); got != tm.Format(DateLayout) {
			t.Fatalf("%s reads as %q", tm.Format(DateLayout), got)
		}
		if got, err := ParseDate(d.String()); tm.Year() >= 1900 && (err != nil || got != d) {
			t.Fatalf("ParseDate(%q) = %v, %v", d.String(), got, err)
		}
		if got := d.AddDays(1); got != DateOf(tm.AddDate(0, 0, 1)) || d.DaysUntil(got) != 1 || !d.Before(got) || !got.After(d) ||
			d.Compare(got) != -1 || got.Compare(d) != 1 || d.Compare(d) != 0 {
			t.Fatalf("%s plus one day is %s", d, got)
		}
		if got, want := d.AddMonths(1), addMonthsOfTime(tm, 1); got.Time() != want {
			t.Fatalf("%s plus a month is %s, want %s", d, got, want.Format(DateLayout))
		}
		if got, want := d.AddMonths(-13), addMonthsOfTime(tm, -13); tm.Year() > 1 && got.Time() != want {
			t.Fatalf("%s less 13 months is %s, want %s", d, got, want.Format(DateLayout))
		}
		if b, _ := json.Marshal(d); string(b) != `"`+tm.Format(DateLayout)+`"` {
			t.Fatalf("%s in JSON is %s", d, b)
		}
	}
	for tm := time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC); tm.Year() < 10000; { // 0001-01-01 is "not set"
		check(tm)
		// every day of the years Kith sees most, every 7th of the rest
		if step := 7; tm.Year() >= 1895 && tm.Year() <= 2105 || tm.Year() >= 9995 {
			tm = tm.AddDate(0, 0, 1)
		} else {
			tm = tm.AddDate(0, 0, step)
		}
	}
	if d := NewDate(2026, 13, 1); d != NewDate(2027, 1, 1) {
		t.Errorf("NewDate(2026, 13, 1) = %s, want 2027-01-01", d)
	}
	if d := NewDate(2026, 2, 31); d != NewDate(2026, 3, 3) {
		t.Errorf("NewDate(2026, 2, 31) = %s, want 2026-03-03 (normalized as time.Date does)", d)
	}
	if d := NewDate(1, 1, 1); !d.IsZero() || d.String() != "" {
		t.Errorf("0001-01-01 is the zero Date (not set), got %q", d)
	}
	far := NewDate(9999, 12, 31)
	if n := NewDate(1900, 1, 1).DaysUntil(far); n != 2958463 {
		t.Errorf("1900-01-01 to 9999-12-31 is %d days, want 2958463 (Python's datetime agrees)", n)
	}
}

// addMonthsOfTime is AddMonths computed on time.Time, for comparison.
func addMonthsOfTime(tm time.Time, n int) time.Time {
	first := time.Date(tm.Year(), tm.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(tm.Day(), last), 0, 0, 0, 0, time.UTC)
}
