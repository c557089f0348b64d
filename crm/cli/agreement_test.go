package cli

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"
)

// newCoaching makes a book with a coach, a goal and an agreement.
func newCoaching(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	mustKith(t, db, "--today", "2026-01-01", "contact", "add", "Priya Raman", "--role", "coach")
	mustKith(t, db, "--today", "2026-01-01", "goal", "add", "Lead a team", "--with", "Priya Raman")
	mustKith(t, db, "--today", "2026-01-01", "agreement", "set", "Priya Raman", "--goal", "Lead a team", "--sessions", "3",
		"--fee", "150", "--per-session", "--end", "2026-03-31", "--revisit", "2026-02-15", "--format", "video", "--cadence", "2w")
	return db
}

// agreementJSON is what 'agreement show --json' prints, in the parts tests read.
type agreementJSON struct {
	Name       string `json:"name"`
	Agreements []struct {
		ID           int64    `json:"id"`
		Status       string   `json:"status"`
		Sessions     int      `json:"sessions"`
		SessionsHeld int      `json:"sessions_held"`
		FeePaid      float64  `json:"fee_paid"`
		DaysLeft     int      `json:"days_left"`
		Flags        []string `json:"flags"`
		Goals        []struct {
			Title string `json:"title"`
		} `json:"goals"`
		Reason string `json:"reason"`
	} `json:"agreements"`
}

func TestAgreementSetShowAndSessions(t *testing.T) {
	db := newCoaching(t)
	mustKith(t, db, "--today", "2026-01-10", "log", "--with", "Priya Raman", "--summary", "first", "--paid", "150")
	mustKith(t, db, "--today", "2026-01-24", "log", "--with", "Priya Raman", "--summary", "a quick note", "--kind", "message", "--no-session")
	mustKith(t, db, "--today", "2026-02-07", "log", "--with", "Priya Raman", "--summary", "second", "--paid", "150")
	var v agreementJSON
	kithJSON(t, db, &v, "--today", "2026-03-20", "agreement", "show", "Priya Raman", "--json")
	if len(v.Agreements) != 1 {
		t.Fatalf("%+v", v)
	}
	a := v.Agreements[0]
	if a.SessionsHeld != 2 || a.FeePaid != 300 || a.DaysLeft != 11 || len(a.Goals) != 1 || a.Goals[0].Title != "Lead a team" {
		t.Errorf("agreement %+v: want 2 sessions, 300 paid, 11 days left, the goal", a)
	}
	flags := strings.Join(a.Flags, ",")
	for _, want := range []string{"ending_soon", "revisit_due", "health_due", "stalled"} {
		if !strings.Contains(flags, want) {
			t.Errorf("flags %q, want %s", flags, want)
		}
	}
	out := mustKith(t, db, "--today", "2026-03-20", "agreement", "show", "Priya Raman")
	for _, want := range []string{"2 of 3 held", "450 agreed, 300 paid", "11 days left", "Lead a team", "stalled"} {
		if !strings.Contains(out, want) {
			t.Errorf("agreement show says\n%s\nwant %q", out, want)
		}
	}
	// Changing one field leaves the others as they were.
	mustKith(t, db, "--today", "2026-03-20", "agreement", "set", "Priya Raman", "--sessions", "6")
	kithJSON(t, db, &v, "--today", "2026-03-20", "agreement", "show", "Priya Raman", "--json")
	if a := v.Agreements[0]; a.Sessions != 6 || len(a.Goals) != 1 || a.DaysLeft != 11 {
		t.Errorf("after --sessions 6: %+v", a)
	}
	// A renewal is a new agreement counting its own sessions.
	mustKith(t, db, "--today", "2026-04-01", "agreement", "set", "Priya Raman", "--renew", "--start", "2026-04-01", "--end", "2026-06-30")
	mustKith(t, db, "--today", "2026-04-08", "log", "--with", "Priya Raman", "--summary", "third")
	kithJSON(t, db, &v, "--today", "2026-04-08", "agreement", "show", "Priya Raman", "--json")
	if len(v.Agreements) != 2 || v.Agreements[0].SessionsHeld != 1 || v.Agreements[1].Status != "completed" || v.Agreements[1].SessionsHeld != 2 {
		t.Errorf("after renewing: %+v", v.Agreements)
	}
}

func TestAgreementBadInputChangesNothing(t *testing.T) {
	db := newCoaching(t)
	before := dumpDB(t, db)
	for _, c := range []failing{
		{[]string{"agreement", "set", "Priya Raman", "--sessions", "-1"}, "--sessions"},
		{[]string{"agreement", "set", "Priya Raman", "--fee", "lots"}, "--fee"},
		{[]string{"agreement", "set", "Priya Raman", "--goal", "No such goal"}, "--goal"},
		{[]string{"agreement", "set", "Priya Raman", "--end", "2025-01-01"}, "end"},
		{[]string{"agreement", "set", "Priya Raman", "--role", "circle"}, "--role"},
		{[]string{"agreement", "set", "Nobody"}, "Nobody"},
		{[]string{"agreement", "close", "Priya Raman", "--outcome", "paused", "--reason", "x"}, "--outcome"},
		{[]string{"agreement", "close", "Priya Raman", "--outcome", "ended"}, "reason"},
		{[]string{"agreement", "close", "Priya Raman", "--outcome", "redefined", "--reason", "x"}, "new-role"},
		{[]string{"health", "Priya Raman", "--learning", "6", "--rhythm", "3", "--follow-through", "3", "--fit", "3"}, "--learning"},
		{[]string{"health", "Priya Raman", "--learning", "3"}, "--rhythm"},
		{[]string{"log", "--with", "Priya Raman", "--agenda-done", "x"}, "--agenda-done"},
		{[]string{"log", "--with", "Priya Raman", "--agenda-done", "99"}, "agenda item 99"},
		{[]string{"commitment", "add", "Priya Raman"}, "--theirs"},
		{[]string{"ask", "Priya Raman", "  "}, "empty"},
	} {
		if code := fails(t, db, c.want, append([]string{"--today", "2026-02-01"}, c.args...)...); code != 2 {
			t.Errorf("kith %s: exit %d, want 2", strings.Join(c.args, " "), code)
		}
	}
	if after := dumpDB(t, db); after != before {
		t.Error("a refused command changed the book")
	}
}

func TestPrepareAskAndTickTheAgenda(t *testing.T) {
	db := newCoaching(t)
	mustKith(t, db, "--today", "2026-01-10", "log", "--with", "Priya Raman", "--summary", "delegation", "--promise", "resource: send the deck")
	mustKith(t, db, "--today", "2026-01-10", "commitment", "add", "Priya Raman", "--theirs", "introduction: intro to Sam", "--due", "2026-01-20")
	mustKith(t, db, "--today", "2026-01-12", "ask", "Priya Raman", "how to say no")
	var ag struct {
		Name  string `json:"name"`
		Items []struct {
			ID      int64  `json:"id"`
			Kind    string `json:"kind"`
			Text    string `json:"text"`
			Carried int    `json:"carried"`
		} `json:"items"`
		Agreement *struct {
			SessionsHeld int `json:"sessions_held"`
		} `json:"agreement"`
	}
	kithJSON(t, db, &ag, "--today", "2026-01-24", "prepare", "Priya Raman", "--json")
	ids := map[string]string{}
	for _, it := range ag.Items {
		ids[it.Kind] = strconv.FormatInt(it.ID, 10)
	}
	if len(ag.Items) != 5 || ag.Agreement == nil || ag.Agreement.SessionsHeld != 1 {
		t.Fatalf("agenda %+v, want 5 items and the agreement", ag)
	}
	mustKith(t, db, "--today", "2026-01-24", "log", "--with", "Priya Raman", "--summary", "second",
		"--agenda-done", ids["question"], "--agenda-carry", ids["goal"], "--agenda-drop", ids["last"])
	out := mustKith(t, db, "--today", "2026-02-07", "prepare", "Priya Raman")
	if strings.Contains(out, "how to say no") || !strings.Contains(out, "carried 1×") || !strings.Contains(out, "Last time (2026-01-24): second") {
		t.Errorf("the next agenda:\n%s\nwant the question gone, the goal carried, the new summary", out)
	}
	late := mustKith(t, db, "--today", "2026-02-07", "agreement", "list", "--flagged")
	if !strings.Contains(late, "intro to Sam") || !strings.Contains(late, "due 2026-01-20") {
		t.Errorf("agreement list --flagged:\n%s\nwant the late intro", late)
	}
	mine := mustKith(t, db, "--today", "2026-02-07", "commitment", "list")
	if !strings.Contains(mine, "send the deck") {
		t.Errorf("commitment list:\n%s", mine)
	}
}

func TestHealthAndClose(t *testing.T) {
	db := newCoaching(t)
	for i, score := range []string{"5", "4", "3"} {
		day := []string{"2026-01-31", "2026-03-31", "2026-05-30"}[i]
		mustKith(t, db, "--today", day, "health", "Priya Raman", "--learning", score, "--rhythm", score,
			"--follow-through", score, "--fit", score, "--note", "ok")
	}
	var list []struct {
		Trend string   `json:"trend"`
		Flags []string `json:"flags"`
	}
	kithJSON(t, db, &list, "--today", "2026-06-01", "health", "list", "--json")
	if len(list) != 1 || list[0].Trend != "falling" || !strings.Contains(strings.Join(list[0].Flags, ","), "health_falling") {
		t.Errorf("health list %+v, want falling", list)
	}
	kithJSON(t, db, &list, "--today", "2026-06-01", "health", "list", "--due", "--json")
	if len(list) != 0 {
		t.Errorf("health list --due %+v, want none: the last check was two days ago", list)
	}
	mustKith(t, db, "--today", "2026-06-01", "agreement", "close", "Priya Raman", "--outcome", "redefined",
		"--reason", "the coaching is done", "--learned", "ask earlier", "--new-role", "mentor")
	var show agreementJSON
	kithJSON(t, db, &show, "--today", "2026-06-01", "agreement", "show", "Priya Raman", "--json")
	if a := show.Agreements[0]; a.Status != "redefined" || a.Reason != "the coaching is done" || len(a.Flags) != 0 {
		t.Errorf("closed: %+v", a)
	}
	var c struct {
		Roles []struct {
			Role  string `json:"role"`
			Until string `json:"until"`
		} `json:"roles"`
	}
	kithJSON(t, db, &c, "--today", "2026-06-01", "contact", "show", "Priya Raman", "--json")
	if len(c.Roles) != 2 || c.Roles[0].Role != "coach" || c.Roles[0].Until != "2026-06-01" || c.Roles[1].Role != "mentor" || c.Roles[1].Until != "" {
		t.Errorf("roles %+v, want coach until 2026-06-01, then mentor", c.Roles)
	}
	fails(t, db, "no active agreement", "--today", "2026-06-02", "agreement", "close", "Priya Raman", "--outcome", "ended", "--reason", "x")
}

// The calendar carries an agreement's revisit and end dates, read back
// with a real iCalendar parser.
func TestAgreementDatesInTheCalendar(t *testing.T) {
	db := newCoaching(t)
	out := mustKith(t, db, "--today", "2026-02-01", "export", "ics", "--horizon", "12w")
	cal, err := ical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	days := map[string]string{}
	for _, ev := range cal.Events() {
		summary, _ := ev.Props.Text(ical.PropSummary)
		if strings.Contains(summary, "greement") {
			start, err := ev.DateTimeStart(nil)
			if err != nil {
				t.Fatal(err)
			}
			days[summary] = start.Format("2006-01-02")
		}
	}
	want := map[string]string{
		"Revisit the agreement with Priya Raman (2026-02-15)": "2026-02-15",
		"Agreement with Priya Raman ends (2026-03-31)":        "2026-03-31",
	}
	if len(days) != len(want) {
		t.Errorf("agreement events %v, want %v", days, want)
	}
	for s, d := range want {
		if days[s] != d {
			t.Errorf("%q on %q, want %s", s, days[s], d)
		}
	}
	mustKith(t, db, "--today", "2026-02-01", "agreement", "close", "Priya Raman", "--outcome", "ended", "--reason", "moved on")
	if out := mustKith(t, db, "--today", "2026-02-01", "export", "ics", "--horizon", "12w"); strings.Contains(out, "greement") {
		t.Error("a closed agreement is still on the calendar")
	}
}

func TestHealthSchedule(t *testing.T) {
	db := newCoaching(t)
	if out := mustKith(t, db, "health", "schedule"); !strings.Contains(out, "30 days") {
		t.Errorf("default schedule: %q", out)
	}
	mustKith(t, db, "health", "schedule", "--every", "4w")
	var s struct {
		First int `json:"first_days"`
		Every int `json:"every_days"`
	}
	kithJSON(t, db, &s, "health", "schedule", "--json")
	if s.First != 30 || s.Every != 28 {
		t.Errorf("schedule %+v, want 30 and 28", s)
	}
	mustKith(t, db, "--today", "2026-01-31", "health", "Priya Raman", "--learning", "4", "--rhythm", "4", "--follow-through", "4", "--fit", "4")
	var list []struct {
		HealthDue string `json:"health_due"`
	}
	kithJSON(t, db, &list, "--today", "2026-02-01", "health", "list", "--json")
	if len(list) != 1 || list[0].HealthDue != "2026-02-28" {
		t.Errorf("health list %+v, want the next check 28 days after the last", list)
	}
	fails(t, db, "every", "health", "schedule", "--every", "soon")
}

// The commands that only read agreements and health leave the database's
// folder as it was: same bytes, no -wal, no -shm.
func TestAgreementReadsLeaveTheFileAsItWas(t *testing.T) {
	db := newCoaching(t)
	mustKith(t, db, "--today", "2026-01-31", "health", "Priya Raman", "--learning", "4", "--rhythm", "4", "--follow-through", "4", "--fit", "4")
	before := files(t, filepath.Dir(db))
	for _, args := range [][]string{{"agreement", "show", "Priya Raman"}, {"agreement", "show", "Priya Raman", "--json"},
		{"agreement", "list"}, {"agreement", "list", "--flagged", "--json"}, {"health", "list"}, {"health", "list", "--due"},
		{"health", "schedule"}} {
		mustKith(t, db, append([]string{"--today", "2026-02-10"}, args...)...)
	}
	sameFiles(t, "after reading agreements", before, files(t, filepath.Dir(db)))
}
