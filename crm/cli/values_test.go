package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Values that would break a later command are refused at the field, with
// exit status 2, and the book is left as it was.
func TestValuesThatBreakLaterCommandsAreRefused(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", "2026-11-25", "log", "--with", "Sam Lee", "--minutes", "30")
	before := dumpDB(t, db)
	for _, c := range []failing{
		{[]string{"log", "--with", "Sam Lee", "--paid", "Inf"}, `--paid: "Inf" is not an amount`},
		{[]string{"log", "--with", "Sam Lee", "--paid", "+Inf"}, "--paid"},
		{[]string{"log", "--with", "Sam Lee", "--paid", "NaN"}, "--paid"},
		{[]string{"log", "--with", "Sam Lee", "--paid", "1e400"}, "--paid"},
		{[]string{"log", "--with", "Sam Lee", "--paid", "-5"}, "--paid"},
		{[]string{"log", "--with", "Sam Lee", "--paid", "1.234"}, "more than two decimal places"},
		{[]string{"log", "--with", "Sam Lee", "--paid", "1000000000"}, "--paid"},
		{[]string{"log", "--with", "Sam Lee", "--minutes", "9223372036854775807"}, "--minutes"},
		{[]string{"log", "--with", "Sam Lee", "--minutes", "1441"}, "more than a day"},
		{[]string{"log", "--with", "Sam Lee", "--minutes", "-1"}, "--minutes"},
		{[]string{"interaction", "edit", "1", "--minutes", "5000"}, "--minutes"},
		{[]string{"profile", "--budget-money", "+Inf"}, "--budget-money"},
		{[]string{"profile", "--budget-money", "NaN"}, "--budget-money"},
		{[]string{"profile", "--budget-hours", "Inf"}, "--budget-hours"},
		{[]string{"profile", "--budget-hours", "-1"}, "--budget-hours"},
		{[]string{"profile", "--budget-hours", "745"}, "--budget-hours"},
		{[]string{"log", "--with", "Sam Lee", "--date", "0001-01-01"}, "--date: 0001-01-01 is out of range"},
		{[]string{"log", "--with", "Sam Lee", "--date", "1899-12-31"}, "out of range"},
		{[]string{"contact", "add", "Old", "--met", "0001-01-01"}, "--met: 0001-01-01"},
		{[]string{"goal", "add", "Old", "--target", "0001-01-01"}, "--target: 0001-01-01"},
		{[]string{"snooze", "Sam Lee", "--until", "0001-01-01"}, "--until: 0001-01-01 is out of range"},
		{[]string{"--today", "0001-01-01", "due"}, "--today"},
		{[]string{"due", "--within", "7974y"}, `--within: "7974y" is longer than 100 years`},
		{[]string{"--today", "9999-12-30", "due", "--within", "1w"}, "reaches past 9999-12-31"},
		{[]string{"export", "ics", "--horizon", "36500y"}, "--horizon: "},
		{[]string{"calendar", "set", "--horizon", "101y"}, "horizon"},
		{[]string{"calendar", "set", "--review-rule", "FREQ=MONTHLY;INTERVAL=0"}, "INTERVAL=0"},
		{[]string{"calendar", "set", "--review-rule", "FREQ=MONTHLY;COUNT=0"}, "COUNT=0"},
		{[]string{"calendar", "set", "--review-rule", "BYMONTH=1"}, "FREQ is missing"},
		{[]string{"calendar", "set", "--review-rule", "FREQ=YEARLY;BYMONTH=13"}, "BYMONTH=13"},
		{[]string{"calendar", "set", "--review-rule", "FREQ=YEARLY;COUNT=2;UNTIL=20300101"}, "UNTIL and COUNT"},
	} {
		if code := fails(t, db, c.want, c.args...); code != 2 {
			t.Errorf("kith %s: exit %d, want 2", strings.Join(c.args, " "), code)
		}
	}
	if after := dumpDB(t, db); after != before {
		t.Errorf("a refused command changed the book")
	}
}

// What is allowed at the edges still goes in, and reads back as typed.
func TestValuesAtTheirLimitsAreKept(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "log", "--with", "Sam Lee", "--paid", "999999999.99", "--minutes", "1440", "--date", "1900-01-01")
	mustKith(t, db, "profile", "--budget-money", "150.5", "--budget-hours", "744")
	mustKith(t, db, "--today", "9999-12-01", "due", "--within", "30d")
	mustKith(t, db, "calendar", "set", "--review-rule", "rrule:freq=monthly;byday=-1fr;bysetpos=-1")
	var shown struct {
		Interactions []struct {
			Minutes   int `json:"minutes"`
			Exchanges []struct {
				Amount float64 `json:"amount"`
			} `json:"exchanges"`
		} `json:"interactions"`
	}
	kithJSON(t, db, &shown, "contact", "show", "Sam Lee", "--json")
	if n := len(shown.Interactions); n != 1 || shown.Interactions[0].Minutes != 1440 || shown.Interactions[0].Exchanges[0].Amount != 999999999.99 {
		t.Errorf("contact show: %+v", shown.Interactions)
	}
	out := mustKith(t, db, "review", "--quarter", "1900Q1", "--format", "json")
	if !strings.Contains(out, "999999999.99") {
		t.Errorf("the review does not hold the fee:\n%.400s", out)
	}
}

// A name holding control characters is shown escaped in a table, so it
// can neither act on the terminal nor break the columns.
func TestControlCharactersInTablesAreEscaped(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "contact", "add", "Eve\x1b[2J\tTab\nLine\u202eevil", "--role", "mentor")
	out := mustKith(t, db, "contact", "list")
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("control characters reached the terminal: %q", out)
	}
	if !strings.Contains(out, `Eve\x1b[2J\tTab\nLine\u202eevil`) {
		t.Errorf("the name is not shown escaped: %q", out)
	}
	if lines := strings.Count(out, "\n"); lines != 2 {
		t.Errorf("%d lines, want a header and one row: %q", lines, out)
	}
	var list []struct {
		Name string `json:"name"`
	}
	kithJSON(t, db, &list, "contact", "list", "--json")
	if len(list) != 1 || list[0].Name != "Eve\x1b[2J\tTab\nLine\u202eevil" {
		t.Errorf("--json must keep the name as it is: %q", list)
	}
}

// review --out writes a file readable by the user alone, also over a
// file that others could read.
func TestReviewOutIsPrivate(t *testing.T) {
	db := seed(t)
	out := filepath.Join(t.TempDir(), "review.md")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o644); err != nil {
		t.Fatal(err)
	}
	mustKith(t, db, "review", "--format", "md", "--out", out)
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	body, _ := os.ReadFile(out)
	if string(body) == "old" {
		t.Errorf("the review was not written")
	}
}
