package cli

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/emersion/go-ical"

	"github.com/kithcrm/kith/crm"
)

// logged runs 'kith log' and returns the interaction id it printed, which
// must be written bare, never like a person's #id.
func logged(t *testing.T, db string, args ...string) string {
	t.Helper()
	out := mustKith(t, db, append([]string{"--today", today, "log"}, args...)...)
	m := regexp.MustCompile(`^logged interaction (\d+): `).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("log printed %q; want \"logged interaction N: ...\"", out)
	}
	return m[1]
}

// listRow is a row of 'interaction list --json' decoded into plain types,
// so the keys themselves are checked.
type listRow struct {
	ID           int64          `json:"id"`
	Date         string         `json:"date"`
	Kind         string         `json:"kind"`
	Minutes      int            `json:"minutes"`
	Summary      string         `json:"summary"`
	Participants []string       `json:"participants"`
	Circle       string         `json:"circle"`
	Goal         string         `json:"goal"`
	Exchanges    []crm.Exchange `json:"exchanges"`
}

func listJSON(t *testing.T, db string, args ...string) []listRow {
	t.Helper()
	var rows []listRow
	kithJSON(t, db, &rows, append([]string{"--today", today, "interaction", "list", "--json"}, args...)...)
	return rows
}

func summaries(rows []listRow) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Summary)
	}
	return strings.Join(out, ",")
}

func TestLogPrintsTheInteractionIDBare(t *testing.T) {
	db := seed(t)
	out := mustKith(t, db, "--today", today, "log", "--with", "Sam Lee", "--with", "Jo Park", "--kind", "call")
	want := regexp.MustCompile(`^logged interaction \d+: call on 2026-11-25 with Sam Lee \(#2\), Jo Park \(#3\)\n$`)
	if !want.MatchString(out) {
		t.Errorf("log printed %q; want the interaction's id bare and each person's #id after their name", out)
	}
}

func TestInteractionListFiltersAndPages(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", today, "circle", "join", "Aspiring PMs", "Priya Raman")
	logged(t, db, "--with", "Priya Raman", "--date", "2026-10-01", "--summary", "first")
	logged(t, db, "--with", "Sam Lee", "--date", "2026-10-20", "--summary", "second", "--goal", "Land a staff PM role",
		"--gave", "advice: ship it")
	logged(t, db, "--circle", "Aspiring PMs", "--absent", "Jo Park", "--date", "2026-11-10", "--summary", "third")
	all := listJSON(t, db)
	if summaries(all) != "third,second,first" {
		t.Fatalf("newest first: %s", summaries(all))
	}
	third, second := all[0], all[1]
	if third.Circle != "Aspiring PMs" || strings.Join(third.Participants, ",") != "Priya Raman,Sam Lee" || third.Kind != "meeting" {
		t.Errorf("the circle meeting: %+v", third)
	}
	if second.Goal != "Land a staff PM role" || second.Date != "2026-10-20" || len(second.Exchanges) != 1 || second.Exchanges[0].Description != "ship it" {
		t.Errorf("the talk with Sam: %+v", second)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--with", "priya raman"}, "third,first"},
		{[]string{"--with", "Sam Lee", "--from", "2026-11-01"}, "third"},
		{[]string{"--circle", "aspiring pms"}, "third"},
		{[]string{"--from", "2026-10-02", "--to", "2026-11-09"}, "second"},
		{[]string{"--limit", "2"}, "third,second"},
		{[]string{"--limit", "2", "--offset", "2"}, "first"},
	} {
		if got := summaries(listJSON(t, db, c.args...)); got != c.want {
			t.Errorf("interaction list %s: %s, want %s", strings.Join(c.args, " "), got, c.want)
		}
	}
	out := mustKith(t, db, "--today", today, "interaction", "list", "--limit", "2")
	if !strings.HasPrefix(out, "ID ") || !strings.Contains(out, fmt.Sprintf("\n%d ", third.ID)) || !strings.Contains(out, "more follow: add --offset 2") {
		t.Errorf("text list:\n%s", out)
	}
	if strings.Contains(out, "#") {
		t.Errorf("the text list writes an id like a person's #id:\n%s", out)
	}
}

// An edit replaces the fields given and keeps the rest; the check-in moves
// with the date, and leaving someone out takes their exchanges with them.
func TestInteractionEdit(t *testing.T) {
	db := seed(t)
	id := logged(t, db, "--with", "Priya Raman", "--with", "Jo Park", "--date", "2026-11-20", "--summary", "promo plan",
		"--note", "tired", "--received", "advice: scope it", "--promise", "resource: the ladder doc")
	out := mustKith(t, db, "--today", today, "interaction", "edit", id, "--summary", "promotion plan", "--kind", "video",
		"--minutes", "50", "--date", "2026-11-24", "--note", "fine", "--goal", "land a staff pm role")
	if out != "updated interaction "+id+": video on 2026-11-24 with Jo Park (#3), Priya Raman (#1)\n" {
		t.Errorf("edit printed %q", out)
	}
	row := listJSON(t, db)[0]
	if fmt.Sprint(row.ID) != id || row.Summary != "promotion plan" || row.Kind != "video" || row.Minutes != 50 ||
		row.Date != "2026-11-24" || row.Goal != "Land a staff PM role" || len(row.Exchanges) != 4 {
		t.Errorf("after the edit: %+v", row)
	}
	var priya crm.ContactDetail
	kithJSON(t, db, &priya, "--today", today, "contact", "show", "Priya Raman", "--json")
	if priya.LastContact.String() != "2026-11-24" || priya.NextDue.String() != "2027-01-05" || priya.Interactions[0].Notes != "fine" {
		t.Errorf("Priya after the date moved: last %s next %s", priya.LastContact, priya.NextDue)
	}
	out = mustKith(t, db, "--today", today, "interaction", "edit", id, "--with", "Priya Raman")
	if !strings.Contains(out, "removed received advice: scope it with Jo Park (#3)") || !strings.Contains(out, "removed gave resource: the ladder doc with Jo Park (#3)") {
		t.Errorf("leaving Jo out should say what went with her: %q", out)
	}
	row = listJSON(t, db)[0]
	if strings.Join(row.Participants, ",") != "Priya Raman" || len(row.Exchanges) != 2 || row.Summary != "promotion plan" {
		t.Errorf("after --with Priya Raman: %+v", row)
	}
	var jo crm.ContactDetail
	kithJSON(t, db, &jo, "--today", today, "contact", "show", "Jo Park", "--json")
	if !jo.LastContact.IsZero() || len(jo.OpenCommitments) != 0 || len(jo.Interactions) != 0 {
		t.Errorf("Jo no longer took part: %+v", jo)
	}
	mustKith(t, db, "--today", today, "interaction", "edit", id, "--goal", "")
	if row = listJSON(t, db)[0]; row.Goal != "" {
		t.Errorf("--goal \"\" should clear the goal: %+v", row)
	}
}

func TestInteractionDelete(t *testing.T) {
	db := seed(t)
	logged(t, db, "--with", "Priya Raman", "--date", "2026-11-01", "--summary", "older")
	id := logged(t, db, "--with", "Priya Raman", "--date", "2026-11-20", "--summary", "newer", "--promise", "help: a review")
	out := mustKith(t, db, "--today", today, "interaction", "delete", id)
	if out != "deleted interaction "+id+": meeting on 2026-11-20 with Priya Raman (#1)\n" {
		t.Errorf("delete printed %q", out)
	}
	if got := summaries(listJSON(t, db)); got != "older" {
		t.Errorf("after the delete: %s", got)
	}
	var priya crm.ContactDetail
	kithJSON(t, db, &priya, "--today", today, "contact", "show", "Priya Raman", "--json")
	if priya.LastContact.String() != "2026-11-01" || priya.NextDue.String() != "2026-12-13" || len(priya.OpenCommitments) != 0 {
		t.Errorf("Priya after the delete: last %s next %s open %d", priya.LastContact, priya.NextDue, len(priya.OpenCommitments))
	}
}

// Every bad edit, delete or list exits 2, names the problem, and leaves the
// database exactly as it was.
func TestBadInteractionCommandsChangeNothing(t *testing.T) {
	db := seed(t)
	id := logged(t, db, "--with", "Priya Raman", "--summary", "kept")
	before := dumpDB(t, db)
	for _, c := range []failing{
		{[]string{"interaction", "edit", "999", "--summary", "x"}, "no interaction 999"},
		{[]string{"interaction", "delete", "999"}, "no interaction 999"},
		{[]string{"interaction", "delete", "#" + id}, "written bare"},
		{[]string{"interaction", "edit", "abc", "--summary", "x"}, "not an interaction id"},
		{[]string{"interaction", "edit", id}, "nothing to change"},
		{[]string{"interaction", "edit", id, "--date", "2026-02-30"}, "date"},
		{[]string{"interaction", "edit", id, "--date", ""}, "needs a date"},
		{[]string{"interaction", "edit", id, "--kind", "dinner"}, `unknown kind "dinner"`},
		{[]string{"interaction", "edit", id, "--minutes", "-1"}, "--minutes"},
		{[]string{"interaction", "edit", id, "--summary", "x", "--with", "Ghost"}, `no contact named "Ghost"`},
		{[]string{"interaction", "edit", id, "--summary", "x", "--goal", "Nope"}, `no goal named "Nope"`},
		{[]string{"interaction", "delete"}, "missing ID"},
		{[]string{"interaction", "list", "--limit", "0"}, "--limit"},
		{[]string{"interaction", "list", "--limit", "10001"}, "--limit"},
		{[]string{"interaction", "list", "--offset", "-1"}, "--offset"},
		{[]string{"interaction", "list", "--from", "2026-11-02", "--to", "2026-11-01"}, "--to"},
		{[]string{"interaction", "list", "--with", "Alex Kim"}, "2 contacts are named"},
		{[]string{"interaction", "list", "--circle", "Nope"}, `no circle named "Nope"`},
	} {
		if code := fails(t, db, c.want, append([]string{"--today", today}, c.args...)...); code != 2 {
			t.Errorf("kith %s: exit %d, want 2", strings.Join(c.args, " "), code)
		}
		if dumpDB(t, db) != before {
			t.Fatalf("kith %s changed the database", strings.Join(c.args, " "))
		}
	}
}

// liveDescription returns the description of name's check-in event in the
// live calendar file, decoded as a subscribing client would.
func liveDescription(t *testing.T, path, name string) string {
	t.Helper()
	for _, ev := range liveEvents(t, path) {
		if s, _ := ev.Props.Text(ical.PropSummary); strings.HasPrefix(s, "Check in with "+name) {
			d, err := ev.Props.Text(ical.PropDescription)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
	}
	t.Fatalf("no check-in with %s in the live file", name)
	return ""
}

// The live calendar file follows an edit and a delete, as it follows every
// other change.
func TestInteractionEditAndDeleteRewriteTheLiveFile(t *testing.T) {
	db := seed(t)
	live := filepath.Join(t.TempDir(), "Kith.ics")
	mustKith(t, db, "--today", today, "calendar", "set", "--live-file", live)
	id := logged(t, db, "--with", "Priya Raman", "--summary", "promo plan")
	if d := liveDescription(t, live, "Priya Raman"); !strings.Contains(d, "Last talked 2026-11-25: promo plan") {
		t.Fatalf("after the log: %q", d)
	}
	mustKith(t, db, "--today", today, "interaction", "edit", id, "--summary", "promotion plan", "--date", "2026-11-24")
	if d := liveDescription(t, live, "Priya Raman"); !strings.Contains(d, "Last talked 2026-11-24: promotion plan") ||
		!strings.Contains(d, "Check-in due 2027-01-05") {
		t.Errorf("after the edit the live file says %q", d)
	}
	mustKith(t, db, "--today", today, "interaction", "delete", id)
	if d := liveDescription(t, live, "Priya Raman"); !strings.Contains(d, "No conversation logged yet") {
		t.Errorf("after the delete the live file says %q", d)
	}
}
