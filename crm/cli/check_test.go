package cli

import (
	"database/sql"
	"strings"
	"testing"
)

// kith check finds every stored date true after the commands that write
// them, reads only, and reports a date changed behind Kith's back with
// exit status 1.
func TestCheckFindsStoredDatesTrueAndReportsADifference(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", "2026-11-25", "log", "--with", "Sam Lee", "--with", "Jo Park", "--date", "2026-11-20", "--summary", "catch-up")
	mustKith(t, db, "--today", "2026-11-25", "snooze", "Priya Raman", "--until", "2027-01-10")
	var c struct {
		People      int   `json:"people"`
		Pending     int   `json:"pending"`
		Differences []any `json:"differences"`
	}
	kithJSON(t, db, &c, "check", "--json")
	if c.People != 5 || c.Pending != 0 || len(c.Differences) != 0 {
		t.Fatalf("check --json: %+v", c)
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE contacts SET next_due = '2000-01-01' WHERE name = 'Sam Lee'"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before := dumpDB(t, db)
	out, errOut, code := kith(t, db, "check")
	if code != 1 || !strings.Contains(out, "Sam Lee") || !strings.Contains(out, "2000-01-01") || !strings.Contains(errOut, "1 of 5 people") {
		t.Errorf("check of a changed date: exit %d\n%s%s", code, out, errOut)
	}
	if after := dumpDB(t, db); after != before {
		t.Errorf("check changed the database")
	}
}
