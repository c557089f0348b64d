package crm

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The parsers of what a person types. Each fuzz target starts from the
// values that once broke a later command (an amount of +Inf, minutes near
// the largest integer, the year 1, a span that reaches the year 10000, a
// name whose key changed when folded again) and must never panic; what
// each accepts must be something every later command can use.

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-25", "0001-01-01", "1899-12-31", "1900-01-01", "9999-12-31", "0000-01-01",
		"2026-02-30", "2028-02-29", "2026-13-01", "+2026-01-01", "2026-1-1", "", "99999-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() || d.InRange() != nil {
			t.Fatalf("ParseDate(%q) = %v, outside %s to %s", s, d, FirstDate, LastDate)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) writes back as %q", s, d)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Fatalf("%v through JSON is %v, %v", d, back, err)
		}
	})
}

func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"14d", "6w", "3m", "1y", "100y", "101y", "7974y", "36500y", "36500d", "1200m", "0d", "-1d", "+1d", "d", "9223372036854775807d"} {
		f.Add(s, int64(20261125))
	}
	f.Fuzz(func(t *testing.T, s string, day int64) {
		sp, err := ParseSpan(s)
		if err != nil {
			return
		}
		if sp.N <= 0 || sp.Days() <= 0 || sp.Days() > MaxSpanDays {
			t.Fatalf("ParseSpan(%q) = %+v, %d days", s, sp, sp.Days())
		}
		if again, err := ParseSpan(sp.String()); err != nil || again != sp {
			t.Fatalf("ParseSpan(%q) writes back as %q, read %+v, %v", s, sp, again, err)
		}
		from := FirstDate.AddDays(int(uint64(day) % uint64(FirstDate.DaysUntil(LastDate)+1)))
		end := sp.After(from)
		if end.Before(from) || end.After(LastDate) {
			t.Fatalf("%s after %s is %s", sp, from, end)
		}
		if until, err := sp.Until(from); err == nil && until != end {
			t.Fatalf("%s until %s is %s, after gives %s", sp, from, until, end)
		}
	})
}

func FuzzParseExchange(f *testing.F) {
	for _, s := range []string{"advice: slow down", "advise: slow down", "Intro to Sam: great chat", "10:30 call", "https://example.com",
		"other: Re: the offsite", "money:", ":", "", "  ", "feedback:\x00", "ADVICE:x"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, gave bool) {
		dir := Received
		if gave {
			dir = Gave
		}
		ex, err := ParseExchange(dir, s)
		if err != nil {
			return
		}
		if err := ex.Validate(); err != nil {
			t.Fatalf("ParseExchange(%q) = %+v, which the store refuses: %v", s, ex, err)
		}
		if ex.Description != strings.TrimSpace(ex.Description) {
			t.Fatalf("ParseExchange(%q): description %q is not trimmed", s, ex.Description)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"150", "150.5", "150.50", "1.234", "-5", "Inf", "+Inf", "NaN", "1e400", "0x10", "1_000", "999999999.99",
		"1000000000", ".5", "5.", ".", "", " 7 ", "1,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseAmount(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v >= MaxAmount || CheckAmount(v) != nil {
			t.Fatalf("ParseAmount(%q) = %v", s, v)
		}
		if _, err := json.Marshal(v); err != nil {
			t.Fatalf("ParseAmount(%q) = %v, which JSON cannot hold: %v", s, v, err)
		}
		if back, err := ParseAmount(strconv.FormatFloat(v, 'f', -1, 64)); err != nil || back != v {
			t.Fatalf("ParseAmount(%q) = %v, which reads back as %v, %v", s, v, back, err)
		}
	})
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"0", "45", "1440", "1441", "9223372036854775807", "-1", "+5", "", " 30 ", "1e3", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseMinutes(s)
		if err != nil {
			return
		}
		if CheckMinutes(n) != nil {
			t.Fatalf("ParseMinutes(%q) = %d", s, n)
		}
	})
}

func FuzzParseBudgetHours(f *testing.F) {
	for _, s := range []string{"10", "744", "745", "Inf", "NaN", "-1", "2.5", "0.125"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseBudgetHours(s)
		if err != nil {
			return
		}
		p := Profile{BudgetHours: v}
		if err := p.Validate(); err != nil {
			t.Fatalf("ParseBudgetHours(%q) = %v, which the store refuses: %v", s, v, err)
		}
	})
}

// FuzzNameKey checks that a key is a fixed point of the fold: the store
// matches what a person types, folded, against keys it folded before.
func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Zed \u0301", "\u0301 Ana", "  Émile   ZOLA ", "a\u0301\u0301 b", "İstanbul", "ß", "Ǆemal", "ﬃ",
		"\xff\xfe", "Ana\x1b[2J", "\u0345", "ᾳ", "\u00a0x\u2028y", "Ω", "K"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NameKey(s)
		if again := NameKey(k); again != k {
			t.Fatalf("NameKey(%q) = %q, folded again %q", s, k, again)
		}
		if !utf8.ValidString(k) || k != strings.TrimSpace(k) || strings.Contains(k, "  ") {
			t.Fatalf("NameKey(%q) = %q", s, k)
		}
	})
}
