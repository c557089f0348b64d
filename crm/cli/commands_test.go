package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

const today = "2026-11-25"

func TestContactListJSON(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", "2026-11-20", "log", "--with", "Priya Raman", "--date", "2026-11-20", "--summary", "promo plan")
	var list []map[string]any
	kithJSON(t, db, &list, "--today", today, "contact", "list", "--json")
	if len(list) != 5 {
		t.Fatalf("%d contacts, want 5", len(list))
	}
	checkPriyaRow(t, list[len(list)-2]) // by name: Alex, Alex, Jo, Priya, Sam
	sam := list[4]
	if sam["last_contact"] != nil || sam["next_due"] != "2026-10-08" || sam["cadence_days"] != 7.0 {
		t.Errorf("sam: %v", sam)
	}
	checkListFilters(t, db)
}

// checkPriyaRow checks Priya's row of 'contact list --json'.
func checkPriyaRow(t *testing.T, priya map[string]any) {
	t.Helper()
	for key, want := range map[string]any{
		"name": "Priya Raman", "email": "priya@fabrikam.example", "company": "Fabrikam",
		"cadence_days": 42.0, "last_contact": "2026-11-20", "next_due": "2027-01-01",
	} {
		if priya[key] != want {
			t.Errorf("priya[%q] = %v, want %v", key, priya[key], want)
		}
	}
	if roles, _ := priya["roles"].([]any); len(roles) != 1 || roles[0] != "mentor" {
		t.Errorf("roles %v", priya["roles"])
	}
	if _, ok := priya["id"].(float64); !ok {
		t.Error("no numeric id")
	}
}

// checkListFilters checks --role, --search and --archived.
func checkListFilters(t *testing.T, db string) {
	t.Helper()
	var mentors []crm.ContactSummary
	kithJSON(t, db, &mentors, "contact", "list", "--role", "mentor", "--json")
	if len(mentors) != 1 || mentors[0].Name != "Priya Raman" {
		t.Errorf("--role mentor: %+v", mentors)
	}
	var found []crm.ContactSummary
	kithJSON(t, db, &found, "contact", "list", "--search", "director", "--json")
	if len(found) != 1 || found[0].Name != "Priya Raman" {
		t.Errorf("--search director: %+v", found)
	}
	mustKith(t, db, "contact", "archive", "Sam Lee")
	var archived []crm.ContactSummary
	kithJSON(t, db, &archived, "contact", "list", "--archived", "--json")
	if len(archived) != 1 || archived[0].Name != "Sam Lee" {
		t.Errorf("--archived: %+v", archived)
	}
	mustKith(t, db, "contact", "unarchive", idRef(archived[0].ID))
	kithJSON(t, db, &archived, "contact", "list", "--archived", "--json")
	if len(archived) != 0 {
		t.Errorf("after unarchive: %+v", archived)
	}
}

func TestContactShowJSONHasTheWholeRecord(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", today, "log", "--with", "Priya Raman", "--with", "Jo Park", "--kind", "video", "--minutes", "45",
		"--summary", "intro call", "--note", "Priya seemed tired", "--gave", "introduction: Jo to the Fabrikam team",
		"--received", "advice: ask for a scope review", "--promise", "resource: send the PM ladder doc", "--goal", "land a staff pm role")
	var d priyaShow
	kithJSON(t, db, &d, "--today", today, "contact", "show", "PRIYA raman", "--json")
	in := checkPriyaShow(t, d)
	checkJoShow(t, db, in)
}

// priyaShow is the part of 'contact show --json' the test reads, decoded
// into plain types so the JSON keys themselves are checked.
type priyaShow struct {
	ID       int64         `json:"id"`
	Name     string        `json:"name"`
	Notes    string        `json:"notes"`
	Channels []crm.Channel `json:"channels"`
	Roles    []crm.Role    `json:"roles"`
	Source   string        `json:"source"`
	Detail   string        `json:"source_detail"`
	Circles  []string      `json:"circles"`
	Goals    []crm.Goal    `json:"goals"`
	Open     []crm.Exchange
	Inter    []crm.Interaction `json:"interactions"`
	NextDue  string            `json:"next_due"`
}

// checkPriyaShow checks Priya's page after the intro call, and returns the call.
func checkPriyaShow(t *testing.T, d priyaShow) crm.Interaction {
	t.Helper()
	checkPriyaRecord(t, d)
	if len(d.Inter) != 1 {
		t.Fatalf("interactions: %+v", d.Inter)
	}
	in := d.Inter[0]
	if in.Kind != crm.KindVideo || in.Minutes != 45 || in.Notes != "Priya seemed tired" || in.Goal != "Land a staff PM role" || len(in.Participants) != 2 {
		t.Errorf("interaction: %+v", in)
	}
	// Each line is recorded with each of the two participants.
	if len(in.Exchanges) != 6 {
		t.Errorf("%d exchanges, want 3 lines x 2 people", len(in.Exchanges))
	}
	if d.NextDue != "2027-01-06" {
		t.Errorf("next due %s after today's call, want 2027-01-06", d.NextDue)
	}
	return in
}

// checkPriyaRecord checks the fields seed gave Priya.
func checkPriyaRecord(t *testing.T, d priyaShow) {
	t.Helper()
	if d.Name != "Priya Raman" || d.Notes != "prefers mornings" || d.Source != "event" || d.Detail != "ProductCon" {
		t.Errorf("fields: %+v", d)
	}
	if len(d.Channels) != 2 || d.Channels[1].Label != "linkedin" {
		t.Errorf("channels: %+v", d.Channels)
	}
	if len(d.Roles) != 1 || d.Roles[0].Since.String() != "2025-03-10" || !d.Roles[0].Until.IsZero() {
		t.Errorf("roles: %+v", d.Roles)
	}
	if len(d.Goals) != 1 || d.Goals[0].Title != "Land a staff PM role" {
		t.Errorf("goals: %+v", d.Goals)
	}
}

// checkJoShow checks Jo's page: the same call, and her promise until it is kept.
func checkJoShow(t *testing.T, db string, in crm.Interaction) {
	t.Helper()
	// Jo's page shows the same interaction: it is in both timelines.
	var jo crm.ContactDetail
	kithJSON(t, db, &jo, "--today", today, "contact", "show", "Jo Park", "--json")
	if len(jo.Interactions) != 1 || jo.Interactions[0].ID != in.ID || jo.ReferredByName != "Priya Raman" || jo.Source != crm.SourceReferral {
		t.Errorf("jo: %+v", jo)
	}
	if len(jo.OpenCommitments) != 1 || jo.OpenCommitments[0].Description != "send the PM ladder doc" {
		t.Errorf("jo's open commitments: %+v", jo.OpenCommitments)
	}
	id := jo.OpenCommitments[0].ID
	mustKith(t, db, "commitment", "done", idRef(id))
	kithJSON(t, db, &jo, "--today", today, "contact", "show", "Jo Park", "--json")
	if len(jo.OpenCommitments) != 0 || jo.Gave12m != 2 || jo.Received12m != 1 {
		t.Errorf("after keeping the promise: open %d gave %d received %d", len(jo.OpenCommitments), jo.Gave12m, jo.Received12m)
	}
}

// A fee is paid to one person, not copied to everyone at the meeting.
func TestPaidFeeGoesToTheFirstPersonOnly(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", today, "log", "--with", "Sam Lee", "--with", "Jo Park", "--paid", "150", "--gave", "time: an hour")
	var sam, jo crm.ContactDetail
	kithJSON(t, db, &sam, "--today", today, "contact", "show", "Sam Lee", "--json")
	kithJSON(t, db, &jo, "--today", today, "contact", "show", "Jo Park", "--json")
	money := func(d crm.ContactDetail) (n int, total float64) {
		for _, in := range d.Interactions {
			for _, x := range in.Exchanges {
				if x.ContactID == d.ID && x.Kind == crm.ExMoney {
					n, total = n+1, total+x.Amount
				}
			}
		}
		return n, total
	}
	if n, total := money(sam); n != 1 || total != 150 {
		t.Errorf("Sam: %d fees totalling %v, want one of 150", n, total)
	}
	if n, _ := money(jo); n != 0 {
		t.Errorf("Jo was recorded as paid %d times", n)
	}
	if sam.Gave12m != 2 || jo.Gave12m != 1 {
		t.Errorf("gave: Sam %d (time and fee), Jo %d (time)", sam.Gave12m, jo.Gave12m)
	}
}

func TestContactEdit(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "contact", "add", "Ada Byron", "--title", "Architect")
	if out := mustKith(t, db, "contact", "show", "Ada Byron"); !strings.Contains(out, "\n  Architect\n") {
		t.Errorf("a title without a company should print whole: %s", out)
	}
	mustKith(t, db, "--today", today, "contact", "edit", "Sam Lee", "--end-role", "coach", "--add-role", "mentor",
		"--name", "Samantha Lee", "--email", "sam@example.com", "--cadence-default", "--title", "Coach")
	var d crm.ContactDetail
	kithJSON(t, db, &d, "--today", today, "contact", "show", "samantha lee", "--json")
	if len(d.Roles) != 3 { // coach (ended), circle, mentor
		t.Fatalf("roles: %+v", d.Roles)
	}
	for _, r := range d.Roles {
		if r.Kind == crm.RoleCoach && r.Until.String() != today {
			t.Errorf("coach role should end today, got %+v", r)
		}
	}
	if d.Contact.CadenceDays != 0 || d.CadenceDays != 42 || d.Title != "Coach" || d.PrimaryChannel(crm.ChannelEmail) != "sam@example.com" {
		t.Errorf("edited: cadence %d/%d title %q channels %+v", d.Contact.CadenceDays, d.CadenceDays, d.Title, d.Channels)
	}
	if _, errOut, code := kith(t, db, "contact", "edit", "Samantha Lee", "--end-role", "coach"); code != 2 || !strings.Contains(errOut, "not currently a coach") {
		t.Errorf("ending a role not held: %d %s", code, errOut)
	}
}

func TestDueAndSnooze(t *testing.T) {
	db := seed(t)
	var due []crm.CheckIn
	kithJSON(t, db, &due, "--today", today, "due", "--json")
	// Never contacted, each is due a cadence after the day met: Priya (mentor,
	// 42 days from 2025-03-10), the Alexes (no role, 90 days), Jo (mentee and
	// circle: the shorter 30 days from 09-01) and Sam (his own weekly cadence
	// from 10-01, 48 days late).
	names := []string{}
	for _, c := range due {
		names = append(names, c.Name)
	}
	want := "Priya Raman,Alex Kim,Alex Kim,Jo Park,Sam Lee"
	if strings.Join(names, ",") != want {
		t.Fatalf("due: %v, want %s", names, want)
	}
	if due[4].Due.String() != "2026-10-08" || due[4].DaysOverdue != 48 || due[0].Due.String() != "2025-04-21" {
		t.Errorf("sam: %+v, priya: %+v", due[4], due[0])
	}
	mustKith(t, db, "--today", today, "snooze", "Sam Lee", "--until", "2026-12-20")
	kithJSON(t, db, &due, "--today", today, "due", "--json")
	for _, c := range due {
		if c.Name == "Sam Lee" {
			t.Errorf("snoozed Sam is still due: %+v", c)
		}
	}
	kithJSON(t, db, &due, "--today", today, "due", "--within", "4w", "--json")
	found := false
	for _, c := range due {
		if c.Name == "Sam Lee" {
			found = c.Due.String() == "2026-12-20" && c.DaysOverdue == -25
		}
	}
	if !found {
		t.Errorf("within 4w, Sam should be due on the snooze's end: %+v", due)
	}
	out := mustKith(t, db, "--today", today, "due")
	if !strings.Contains(out, "583 days late") {
		t.Errorf("text output does not say how late: %s", out)
	}
}

func TestCircleMeetingLogsEveryPresentMember(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", today, "circle", "join", "Aspiring PMs", "Priya Raman")
	mustKith(t, db, "--today", today, "log", "--circle", "aspiring pms", "--absent", "Jo Park", "--summary", "roadmap swap", "--minutes", "60")
	var circles []struct {
		crm.Circle
		NextMeeting crm.Date `json:"next_meeting"`
	}
	kithJSON(t, db, &circles, "--today", today, "circle", "list", "--json")
	if len(circles) != 1 || len(circles[0].Members) != 3 || circles[0].LastMet.String() != today || circles[0].NextMeeting.String() != "2026-12-23" {
		t.Fatalf("circles: %+v", circles)
	}
	var list []crm.ContactSummary
	kithJSON(t, db, &list, "--today", today, "contact", "list", "--role", "circle", "--json")
	got := map[string]string{}
	for _, c := range list {
		got[c.Name] = c.LastContact.String()
	}
	if got["Sam Lee"] != today || got["Priya Raman"] != today || got["Jo Park"] != "" {
		t.Errorf("last contact after the circle meeting: %v", got)
	}
	mustKith(t, db, "--today", today, "circle", "leave", "Aspiring PMs", "Jo Park")
	var jo crm.ContactDetail
	kithJSON(t, db, &jo, "--today", today, "contact", "show", "Jo Park", "--json")
	if len(jo.Circles) != 0 || len(jo.CurrentRoles()) != 1 {
		t.Errorf("after leaving her only circle Jo should keep only mentee: %v %v", jo.Circles, jo.CurrentRoles())
	}
}

func TestGoalsAndProfileAndCadence(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "goal", "add", "Speak at a conference", "--horizon", "long", "--with", "Sam Lee")
	mustKith(t, db, "goal", "edit", "Land a staff PM role", "--status", "achieved", "--with", "Jo Park")
	var goals []crm.Goal
	kithJSON(t, db, &goals, "goal", "list", "--json")
	if len(goals) != 2 || goals[0].Title != "Speak at a conference" || goals[1].Status != crm.GoalAchieved || len(goals[1].Helpers) != 2 {
		t.Errorf("goals: %+v", goals)
	}
	mustKith(t, db, "profile", "--strengths", "systems thinking", "--budget-hours", "6", "--budget-money", "200")
	var p crm.Profile
	kithJSON(t, db, &p, "profile", "--json")
	if p.Strengths != "systems thinking" || p.BudgetHours != 6 || p.BudgetMoney != 200 {
		t.Errorf("profile: %+v", p)
	}
	mustKith(t, db, "cadence", "mentor", "2m")
	var cad map[string]int
	kithJSON(t, db, &cad, "cadence", "--json")
	if cad["mentor"] != 60 || cad["coach"] != 14 || cad["none"] != 90 {
		t.Errorf("cadences: %v", cad)
	}
}

// Every bad input fails with exit status 2, a message naming the problem,
// and a database exactly as it was.
func TestBadInputChangesNothing(t *testing.T) {
	db := seed(t)
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"contact", "show", "Nobody Here"}, `no contact named "Nobody Here"`},
		{[]string{"contact", "show", "#999"}, "no contact named \"#999\""},
		{[]string{"contact", "show", "Alex Kim"}, "Alex Kim (#4), Alex Kim (#5)"},
		{[]string{"contact", "add", "Bad Date", "--met", "2026-02-30"}, "met"},
		{[]string{"contact", "add", "Bad Birthday", "--birthday", "1990-13-01"}, "birthday"},
		{[]string{"contact", "add", "Bad Role", "--role", "guru"}, `unknown role "guru"`},
		{[]string{"contact", "add", "Bad Cadence", "--cadence", "3x"}, "cadence"},
		{[]string{"contact", "add", "Bad Source", "--source", "tv"}, `unknown source "tv"`},
		{[]string{"contact", "add", "Bad Referral", "--referred-by", "Ghost"}, "--referred-by"},
		{[]string{"contact", "add", "Bad Email", "--email", "not-an-address"}, "email"},
		{[]string{"contact", "add", "  "}, "name"},
		{[]string{"contact", "add"}, "missing NAME"},
		{[]string{"contact", "add", "Two", "Names"}, "too many arguments"},
		{[]string{"contact", "edit", "Sam Lee", "--add-role", "boss"}, "--add-role"},
		{[]string{"contact", "edit", "Ghost", "--title", "x"}, `no contact named "Ghost"`},
		{[]string{"contact", "list", "--role", "guru"}, "--role"},
		{[]string{"contact", "list", "--sort", "age"}, "--sort"},
		{[]string{"contact", "list", "--bogus"}, "bogus"},
		{[]string{"circle", "add", "aspiring PMS"}, "already exists"},
		{[]string{"circle", "add", "Weekly", "--cadence", "0w"}, "cadence"},
		{[]string{"circle", "join", "No Such Circle", "Sam Lee"}, `no circle named "No Such Circle"`},
		{[]string{"circle", "join", "Aspiring PMs", "Priya Raman", "Ghost"}, `no contact named "Ghost"`},
		{[]string{"circle", "leave", "Aspiring PMs", "Priya Raman"}, "not a member"},
		{[]string{"log", "--with", "Ghost"}, `no contact named "Ghost"`},
		{[]string{"log", "--with", "Alex Kim"}, "2 contacts are named"},
		{[]string{"log", "--with", "Sam Lee", "--kind", "dinner"}, `unknown kind "dinner"`},
		{[]string{"log", "--with", "Sam Lee", "--date", "2026-11-31"}, "date"},
		{[]string{"log", "--with", "Sam Lee", "--minutes", "-5"}, "--minutes"},
		{[]string{"log", "--with", "Sam Lee", "--gave", "advice:"}, "--gave"},
		{[]string{"log", "--with", "Sam Lee", "--promise", "resource:"}, "--promise"},
		{[]string{"log", "--circle", "Aspiring PMs", "--paid", "100"}, "--paid: say who was paid"},
		{[]string{"log", "--with", "Sam Lee", "--paid", "lots"}, "--paid"},
		{[]string{"contact", "edit", "Sam Lee", "--role", "boss"}, "--role"},
		{[]string{"log", "--with", "Sam Lee", "--goal", "Nope"}, `no goal named "Nope"`},
		{[]string{"log", "--summary", "alone"}, "at least one person"},
		{[]string{"log", "--with", "Sam Lee", "--absent", "Jo Park"}, "--absent"},
		{[]string{"goal", "add", "land a staff pm role"}, "already exists"},
		{[]string{"goal", "add", "New", "--horizon", "medium"}, "--horizon"},
		{[]string{"goal", "add", "New", "--target", "2027-02-29"}, "target"},
		{[]string{"goal", "add", "New", "--with", "Ghost"}, "Ghost"},
		{[]string{"goal", "edit", "Land a staff PM role", "--status", "paused"}, "--status"},
		{[]string{"snooze", "Sam Lee"}, "--until"},
		{[]string{"snooze", "Sam Lee", "--until", "soon"}, "until"},
		{[]string{"due", "--within", "two weeks"}, "within"},
		{[]string{"cadence", "guru", "2w"}, "ROLE"},
		{[]string{"cadence", "coach", "2"}, "DUR"},
		{[]string{"commitment", "done", "#77"}, "no commitment #77"},
		{[]string{"profile", "--budget-hours", "-3"}, "--budget-hours"},
		{[]string{"frobnicate"}, "unknown command"},
	}
	before := dumpDB(t, db)
	for _, c := range cases {
		_, errOut, code := kith(t, db, append([]string{"--today", today}, c.args...)...)
		if code != 2 {
			t.Errorf("kith %s: exit %d, want 2 (%s)", strings.Join(c.args, " "), code, errOut)
		}
		if !strings.Contains(errOut, c.msg) {
			t.Errorf("kith %s: message %q does not mention %q", strings.Join(c.args, " "), strings.TrimSpace(errOut), c.msg)
		}
		if after := dumpDB(t, db); after != before {
			t.Fatalf("kith %s changed the database", strings.Join(c.args, " "))
		}
	}
}

// A command that fails half-way, after some writes succeeded, keeps none of them.
func TestFailedCommandIsAllOrNothing(t *testing.T) {
	db := seed(t)
	before := dumpDB(t, db)
	// Priya joins before "Alex Kim" turns out to be ambiguous.
	_, _, code := kith(t, db, "circle", "join", "Aspiring PMs", "Priya Raman", "Alex Kim")
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	if dumpDB(t, db) != before {
		t.Fatal("a failed join kept part of its work")
	}
	// contact edit: fields change, then ending a role fails: nothing is kept.
	if _, _, code := kith(t, db, "contact", "edit", "Sam Lee", "--title", "Changed", "--end-role", "mentor"); code != 2 {
		t.Fatalf("exit %d", code)
	}
	if dumpDB(t, db) != before {
		t.Fatal("a failed edit kept part of its work")
	}
}

func TestGlobalFlagsAndHelp(t *testing.T) {
	db := tempDB(t)
	if _, errOut, code := kith(t, db, "--today", "2026-02-30", "due"); code != 2 || !strings.Contains(errOut, "--today") {
		t.Errorf("bad --today: %d %s", code, errOut)
	}
	out := mustKith(t, db, "help")
	for _, name := range []string{"contact add", "contact list", "log", "due", "snooze", "circle join", "goal add"} {
		if !strings.Contains(out, name) {
			t.Errorf("help does not list %q", name)
		}
	}
	out = mustKith(t, db, "log", "--help")
	if !strings.Contains(out, "--gave") || !strings.Contains(out, "KIND: description") {
		t.Errorf("log --help: %s", out)
	}
	out = mustKith(t, db, "help", "contact", "add")
	if !strings.Contains(out, "--referred-by") {
		t.Errorf("help contact add: %s", out)
	}
	var out2, errOut strings.Builder
	t.Setenv("KITH_DB", db)
	if code := kithMain([]string{"contact", "add", "From Env"}, &out2, &errOut); code != 0 {
		t.Fatalf("KITH_DB: %d %s", code, errOut.String())
	}
	if list := mustKith(t, db, "contact", "list"); !strings.Contains(list, "From Env") {
		t.Errorf("KITH_DB did not pick the database: %s", list)
	}
}

// idRef writes a contact or commitment id the way users type it.
func idRef(n int64) string { return "#" + fmt.Sprint(n) }
