package cli

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// dupBook adds a second record of Priya Raman to the seed book, with
// her work email in capitals and an interaction of its own.
func dupBook(t *testing.T) string {
	t.Helper()
	db := seed(t)
	mustKith(t, db, "--today", today, "contact", "add", "priya  RAMAN", "--email", "PRIYA@fabrikam.example",
		"--phone", "mobile:+1 555 0100", "--role", "coach")
	mustKith(t, db, "--today", today, "log", "--with", "#1", "--date", "2026-11-01", "--summary", "one")
	mustKith(t, db, "--today", today, "log", "--with", "#6", "--with", "Jo Park", "--date", "2026-11-20", "--summary", "two",
		"--gave", "advice: ask for a scope review")
	return db
}

func countRows(t *testing.T, db, query string) int {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestContactDuplicatesJSON(t *testing.T) {
	db := dupBook(t)
	var groups []struct {
		Reason string `json:"reason"`
		Value  string `json:"value"`
		People []struct {
			ID       int64  `json:"id"`
			Name     string `json:"name"`
			Archived bool   `json:"archived"`
		} `json:"people"`
	}
	kithJSON(t, db, &groups, "contact", "duplicates", "--json")
	var got []string
	for _, g := range groups {
		names := []string{}
		for _, p := range g.People {
			names = append(names, p.Name+idRef(p.ID))
		}
		got = append(got, g.Reason+" "+g.Value+": "+strings.Join(names, ", "))
	}
	want := []string{
		"email priya@fabrikam.example: Priya Raman#1, priya  RAMAN#6",
		"name alex kim: Alex Kim#4, Alex Kim#5",
		"name priya raman: Priya Raman#1, priya  RAMAN#6",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("duplicates\n got %q\nwant %q", got, want)
	}
	out := mustKith(t, db, "contact", "duplicates")
	if !strings.Contains(out, "same email: priya@fabrikam.example\n  #1  Priya Raman\n  #6  priya  RAMAN") {
		t.Errorf("text output:\n%s", out)
	}
}

func TestContactMergeKeepsEveryInteraction(t *testing.T) {
	db := dupBook(t)
	interactions := countRows(t, db, "SELECT count(*) FROM interactions")
	dry := mustKith(t, db, "--today", today, "contact", "merge", "#1", "#6", "--dry-run")
	if !strings.HasPrefix(dry, "would merge priya  RAMAN (#6) into Priya Raman (#1)\n") || !strings.Contains(dry, "1 interaction\n") {
		t.Errorf("dry run:\n%s", dry)
	}
	if n := countRows(t, db, "SELECT count(*) FROM contacts WHERE id = 6"); n != 1 {
		t.Fatal("--dry-run removed the other record")
	}
	var sum crm.MergeSummary
	kithJSON(t, db, &sum, "--today", today, "contact", "merge", "#1", "#6", "--json")
	if sum.Keep.ID != 1 || sum.Other.ID != 6 || sum.Interactions != 1 || sum.Exchanges != 1 || sum.Channels != 1 ||
		sum.DuplicateChannels != 1 || sum.Roles != 1 {
		t.Errorf("summary %+v", sum)
	}
	if got := countRows(t, db, "SELECT count(*) FROM interactions"); got != interactions {
		t.Errorf("%d interactions after the merge, want %d", got, interactions)
	}
	if got := countRows(t, db, "SELECT count(*) FROM participants WHERE contact_id = 1"); got != 2 {
		t.Errorf("Priya took part in %d interactions, want both", got)
	}
	var show struct {
		LastContact  string `json:"last_contact"`
		Interactions []any  `json:"interactions"`
	}
	kithJSON(t, db, &show, "--today", today, "contact", "show", "Priya Raman", "--json")
	if show.LastContact != "2026-11-20" || len(show.Interactions) != 2 {
		t.Errorf("after the merge: last contact %q, %d interactions; want the other record's 2026-11-20 and both",
			show.LastContact, len(show.Interactions))
	}
	var dups []any
	kithJSON(t, db, &dups, "contact", "duplicates", "--json")
	if len(dups) != 1 {
		t.Errorf("%d duplicate groups after the merge, want only the Alex Kims", len(dups))
	}
}

// A merge that fails changes nothing, and says why with exit status 1.
func TestContactMergeFailureChangesNothing(t *testing.T) {
	db := dupBook(t)
	conn, err := sql.Open("sqlite3", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`CREATE TRIGGER no_delete BEFORE DELETE ON contacts
		BEGIN SELECT RAISE(ABORT, 'deleting is off in this test'); END`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	before := dumpDB(t, db)
	_, errOut, code := kith(t, db, "contact", "merge", "#1", "#6")
	if code != 1 || !strings.Contains(errOut, "deleting is off") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if after := dumpDB(t, db); after != before {
		t.Error("a failed merge changed the database")
	}
}

func TestContactMergeRefusesBadArguments(t *testing.T) {
	db := dupBook(t)
	for _, c := range []failing{
		{[]string{"#1"}, "missing KEEP and OTHER"},
		{[]string{"#1", "#1"}, "cannot be merged with themselves"},
		{[]string{"#1", "Nobody"}, `OTHER: no contact named "Nobody"`},
		{[]string{"Alex Kim", "#6"}, "KEEP: 2 contacts are named"},
	} {
		if code := fails(t, db, c.want, append([]string{"contact", "merge"}, c.args...)...); code != 2 {
			t.Errorf("merge %v: exit %d, want 2", c.args, code)
		}
	}
}
