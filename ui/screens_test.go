package ui

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/demo"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

// The tests in this file check what each screen shows of the sample data,
// on the fixed day testToday, by reading the widgets: the names, headings,
// counts and buttons a person sees. They replace markup masters, which
// broke on any change of layout.

// newDemoMain opens the window on the sample data.
func newDemoMain(t *testing.T) (*Main, *store.Store) {
	t.Helper()
	m, st := newTestMain(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	m.changed()
	return m, st
}

// newDemoOn opens the window on the demo data, showing screen i.
func newDemoOn(t *testing.T, i int) (*Main, *store.Store) {
	t.Helper()
	m, st := newDemoMain(t)
	m.Show(i)
	return m, st
}

// The sidebar offers every screen and the two actions, whichever is shown.
func TestSidebarListsScreensAndActions(t *testing.T) {
	m, _ := newDemoMain(t)
	for i := range screenTable() {
		m.Show(i)
		if got := m.nav.Length(); got != len(screenTable()) {
			t.Fatalf("the sidebar lists %d screens", got)
		}
		assertShows(t, m.nav, "Today", "People", "Circles", "Goals", "Me", "Review", "Settings")
		assertButtons(t, m.win.Canvas().Content(), true, "Log interaction", "New person")
	}
}

func TestTodayShowsWhoIsDueAndWhatWasPromised(t *testing.T) {
	m, _ := newDemoMain(t)
	v := m.today
	assertShows(t, v.root, "Today", "Wednesday 25 November 2026",
		"7 people due this week  ·  4 overdue  ·  5 interactions this month", "Check-ins", "Open commitments")
	due := []struct{ name, role, when, last string }{
		{"Tom Becker", "circle", "9 days late", "Last talked 3 months ago: Fraud tooling teardown"},
		{"Priya Raman", "mentor", "8 days late", "Last talked 7 weeks ago: Calibration season debrief"},
		{"Lena Fischer", "coachee", "6 days late", "Last talked 2 weeks ago: Setting team OKRs"},
		{"Marcus Chen", "coach", "3 days late", "Last talked 2 weeks ago: Debrief of the all-hands talk"},
		{"Grace Liu", "mentor", "due tomorrow", "Last talked 5 weeks ago: Coffee near Woodgrove"},
		{"Jordan Ellis", "mentee", "due in 4 days", "Last talked 3 weeks ago: Job search plan"},
		{"Elena Rossi", "mentor", "due in 5 days", "Last talked 5 weeks ago: Dinner after ProductCon"},
	}
	if got := len(v.dueBox.Objects); got != len(due) {
		t.Fatalf("Today shows %d check-in cards, want %d", got, len(due))
	}
	for i, d := range due {
		card := v.dueBox.Objects[i]
		assertShows(t, card, d.name, d.role, d.when, d.last)
		assertButtons(t, card, true, "Log check-in", "Snooze", "Open")
	}
	assertShows(t, v.dueBox.Objects[1], "You gave: resource, Sent her Hannah's pricing research summary",
		"You received: advice, Name a sponsor before calibration starts")
	promises := []struct{ what, meta string }{
		{"Introduce Jordan to the Fabrikam design team", "Jordan Ellis · introduction · 3 weeks ago"},
		{"Send Lena the OKR template", "Lena Fischer · resource · 2 weeks ago"},
		{"Review Hannah's conference talk draft", "Hannah Berg · feedback · 8 days ago"},
	}
	if got := len(v.promises.Objects); got != len(promises) {
		t.Fatalf("Today lists %d promises, want %d", got, len(promises))
	}
	for i, p := range promises {
		assertShows(t, v.promises.Objects[i], p.what, p.meta)
		assertButtons(t, v.promises.Objects[i], true, "Done")
	}
}

func TestPeopleListsEveryoneWithTheirNextCheckIn(t *testing.T) {
	m, _ := newDemoOn(t, screenPeople)
	v := m.people
	assertShows(t, v.root, "People", "13 people", "Sort", "Name", "Pick someone from the list to see their page.")
	for _, name := range filterNames {
		b := v.filters[name]
		if want := name == "all"; (b.Importance == widget.HighImportance) != want {
			t.Errorf("filter %q highlighted=%v, want %v", name, !want, want)
		}
	}
	if v.list.Length() != 13 {
		t.Errorf("the list has %d rows, want 13", v.list.Length())
	}
	rows := []struct{ name, sub, due string }{
		{"Aisha Khan", "Head of Payments Product · Woodgrove Bank", "in 2 months"},
		{"Diego Alvarez", "Associate Product Manager · Adventure Works", "in 3 weeks"},
		{"Elena Rossi", "VP Engineering · Contoso", "in 5 days"},
		{"Grace Liu", "Chief Product Officer · Woodgrove Bank", "tomorrow"},
		{"Hannah Berg", "Product Manager · Tailspin Toys", "in 2 months"},
		{"Jordan Ellis", "PM bootcamp graduate", "in 4 days"},
		{"Lena Fischer", "Associate Product Manager · Fabrikam", "6 days late"},
		{"Marcus Chen", "Executive coach · Chen Leadership Coaching", "3 days late"},
		{"Priya Raman", "Director of Product · Fabrikam", "8 days late"},
		{"Ravi Patel", "Software Engineer · Fabrikam", "in 2 weeks"},
		{"Sam Okafor", "Senior Product Manager · Northwind Traders", "in 2 months"},
	}
	for i, r := range rows {
		row := v.newRow()
		v.updateRow(i, row)
		assertShows(t, row, r.name, r.sub, r.due)
		assertShows(t, v.list, r.name) // on screen, not only in the data
	}
	row := v.newRow()
	v.updateRow(1, row)
	assertShows(t, row, "circle", "mentee") // Diego's two roles
}

func TestPersonPageShowsEverythingAboutThem(t *testing.T) {
	m, _ := newDemoMain(t)
	m.OpenPerson(2) // Marcus Chen, the coach
	p := m.people.page
	assertShows(t, p.root, "Marcus Chen", "coach", "Executive coach · Chen Leadership Coaching · Remote",
		"Check-in", "Give & receive · 12 months", "How you met", "Roles", "Details", "Helps with", "Timeline",
		"2", "given", "7", "received", "Time to give something back?", "since 29 May",
		"Priya recommended him", "Fortnightly video sessions, paid monthly. Working on executive presence and speaking.",
		"Become a confident public speaker", "Get promoted to Group PM")
	assertButtons(t, p.root, true, "Log interaction", "Edit", "Archive")
	assertPairs(t, p.root,
		"Cadence", "every 2w (role default)", "Last contact", "2 weeks ago", "Next check-in", "22 Nov, 3 days ago",
		"Source", "referral", "Met", "29 May", "Introduced by", "Priya Raman",
		"work", "marcus@chencoaching.example", "mobile", "+44 20 7946 0101")
	summaries := []string{"Debrief of the all-hands talk", "Mock calibration conversation", "Handling pushback from senior leaders",
		"Rehearsed the quarterly review talk", "Executive presence drills", "Reading the 360 results", "Intake: goals and a 360 plan"}
	if got := len(p.events.Objects); got != len(summaries) {
		t.Fatalf("the timeline shows %d rows, want %d", got, len(summaries))
	}
	for i, s := range summaries {
		assertShows(t, p.events.Objects[i], s)
	}
	assertShows(t, p.events.Objects[0], "8 Nov · video · 60 min", "Served: Become a confident public speaker",
		"← received feedback: Pacing was good; land the close", "→ gave help: Wrote him a testimonial")
	if p.older.Visible() {
		t.Error("seven interactions offer older ones")
	}
}

func TestCirclesShowMembersRhythmAndMeetings(t *testing.T) {
	m, _ := newDemoOn(t, screenCircles)
	v := m.circles
	assertShows(t, v.root, "Circles", "Peers who meet and trade lessons. Log a meeting once for everyone who came.")
	assertButtons(t, v.root, true, "New circle")
	circles := []struct {
		name, purpose, facts, count string
		members, meetings           []string
	}{
		{"Fintech Leaders", "Product leaders in payments and banking",
			"meets every 6w  ·  last met 2 weeks ago  ·  next 22 Dec (in 3 weeks)", "3 members",
			[]string{"Aisha Khan", "Tom Becker", "Yuki Tanaka"},
			[]string{"Year-end planning swap", "Embedded finance partnerships", "Fraud tooling teardown"}},
		{"PM Craft Circle", "Product managers trading lessons on the craft",
			"meets every 4w  ·  last met 8 days ago  ·  next 15 Dec (in 2 weeks)", "4 members",
			[]string{"Diego Alvarez", "Hannah Berg", "Sam Okafor", "Yuki Tanaka"},
			[]string{"Conference talk dry-runs", "Writing better PRDs", "Hiring PMs: interview loops"}},
	}
	if got := len(v.list.Objects); got != len(circles) {
		t.Fatalf("%d circle cards, want %d", got, len(circles))
	}
	for i, c := range circles {
		card := v.list.Objects[i]
		assertShows(t, card, c.name, c.purpose, c.facts, c.count, "Recent meetings")
		assertShows(t, card, c.members...)
		assertShows(t, card, c.meetings...)
		assertButtons(t, card, true, "Add member", "Log meeting")
		assertButtons(t, card, true, c.members...) // each opens their page
	}
	assertShows(t, v.list.Objects[1], "17 Nov · meeting · 90 min · PM Craft Circle · with Diego Alvarez, Hannah Berg, Sam Okafor, Yuki Tanaka",
		"→ gave feedback: Review Hannah's conference talk draft  (promised)")
}

func TestGoalsShowHelpersAndWhatServedThem(t *testing.T) {
	m, _ := newDemoOn(t, screenGoals)
	v := m.goals
	assertShows(t, v.root, "Goals", "Short- and long-term goals, the people who help with each, and what moved them forward.")
	assertButtons(t, v.root, true, "New goal")
	goals := []struct {
		title, facts, helpers string
		served                []string
	}{
		{"Become a confident public speaker", "short-term  ·  target 23 Feb 2027 (in 3 months)", "Grace Liu, Marcus Chen",
			[]string{"Conference talk dry-runs", "Debrief of the all-hands talk", "Coffee near Woodgrove", "Embedded finance partnerships"}},
		{"Get promoted to Group PM", "short-term  ·  target 24 Apr 2027 (in 5 months)", "Elena Rossi, Marcus Chen, Priya Raman",
			[]string{"Mock calibration conversation", "Calibration season debrief", "Org design for a growing product team", "Reviewed my promotion packet draft"}},
		{"Mentor two people into PM roles", "long-term  ·  target 25 Nov 2027 (in 12 months)", "Jordan Ellis, Ravi Patel",
			[]string{"First PM interview debrief", "Job search plan", "Moving from engineering into product", "His first product launch"}},
		{"Build a fintech product practice", "long-term  ·  target 25 Oct 2028 (in 23 months)", "Aisha Khan, Grace Liu, Yuki Tanaka",
			[]string{"Year-end planning swap", "How fintech product orgs are built", "Compliance as a product feature", "First mentoring session"}},
	}
	if got := len(v.list.Objects); got != len(goals) {
		t.Fatalf("%d goal cards, want %d", got, len(goals))
	}
	for i, g := range goals {
		card := v.list.Objects[i]
		assertShows(t, card, g.title, "active", g.facts, "Helped by", g.helpers, "Interactions that served it")
		assertShows(t, card, g.served...)
		assertButtons(t, card, true, "Edit")
	}
	assertShows(t, v.list.Objects[0], "Two external talks this year.")
}

func TestReviewOverviewShowsTheQuarter(t *testing.T) {
	m, _ := newDemoOn(t, screenReview)
	v := m.review
	if v.tabs.SelectedIndex() != 0 || v.picker.Selected != "2026Q3" {
		t.Fatalf("the review opens on tab %d, quarter %q; want Overview of 2026Q3", v.tabs.SelectedIndex(), v.picker.Selected)
	}
	assertShows(t, v.header, "Review", "1 Jul to 30 Sep 2026, compared with 2026Q2", "Not saved yet")
	assertButtons(t, v.header, true, "Export report…", "Save review")
	assertShows(t, v.overview,
		"INTERACTIONS", "23", "+14 vs 2026Q2 (9)", "Jul 6 · Aug 8 · Sep 9",
		"TIME", "21h 35m", "vs 9h 35m in 2026Q2", "MONEY SPENT", "no budget set",
		"CHECK-INS", "29 kept", "6 missed", "83% kept on time",
		"Interactions per month by role", "By role", "In 2026Q2",
		"Given and received", "Check-ins kept and missed",
		"Neglected (0)", "Nobody neglected: everyone due was met.",
		"Taking more than giving (1)", "over two quarters: gave 1, received 5")
	// The by-role table: each role's interactions, time, and the quarter before.
	for _, row := range [][]string{{"coach", "5", "4h 50m", "3 · 2h 50m"}, {"mentor", "6", "4h 45m", "2 · 1h 45m"},
		{"circle", "7", "8h 45m", "3 · 4h 15m"}, {"coachee", "2", "1h 30m", "0 · 0m"}, {"mentee", "6", "6h 15m", "3 · 3h 45m"},
		{"no role", "0", "0m", "0 · 0m"}} {
		assertShows(t, v.overview, row...)
	}
	// The charts name each person with their figures.
	for _, bar := range []string{"Marcus Chen", "0 / 4", "Elena Rossi", "2 / 2", "Tom Becker", "1 / 0",
		"Yuki Tanaka", "5 / 0", "Priya Raman", "1 / 1", "Ravi Patel"} {
		assertShows(t, v.overview, bar)
	}
	assertButtons(t, v.overview, true, "Marcus Chen") // taking more, a tap from his row
}

func TestSettingsShowsCadencesDatabaseThemeAndCalendar(t *testing.T) {
	m, st := newDemoOn(t, screenSettings)
	v := m.settings
	for r, want := range map[crm.RoleKind]string{crm.RoleCoach: "2w", crm.RoleMentor: "6w", crm.RoleCircle: "3m",
		crm.RoleCoachee: "2w", crm.RoleMentee: "1m", crm.RoleNone: ""} { // a new book: no check-ins without a role
		if got := v.cadences[r].Text; got != want {
			t.Errorf("the %q cadence shows %q, want %q", r, got, want)
		}
	}
	if v.path.Text != st.Path() || v.theme.Selected != "Follow the system" {
		t.Errorf("database %q, theme %q; want %q, Follow the system", v.path.Text, v.theme.Selected, st.Path())
	}
	assertShows(t, v.root, "Settings", "Check-in cadence", "Database", "Appearance", "Calendar",
		"coach", "mentor", "circle", "coachee", "mentee", "no role",
		"Follow the system", "Light", "Dark",
		"Horizon", "90d", "Reminder at", "09:00", "Review repeats", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO",
		"Next reviews", "Mon 4 Jan 2027  ·  Mon 5 Apr 2027  ·  Mon 5 Jul 2027",
		"Live calendar file", "None chosen", "CalDAV publishing", "Calendar URL", "User", "Password")
	assertButtons(t, v.root, true, "Save cadences", "Back up now", "Choose file…", "Publish now", "Save calendar settings")
	assertButtons(t, v.root, false, "Write now", "Stop", "Forget")
	if v.cal.notes.Checked || v.cal.after.Checked {
		t.Error("private notes or publish-after-change is on in a new book")
	}
}

// relationshipRow returns what each column of the table shows for name.
func relationshipRow(t *testing.T, p *reviewPeople, name string) []string {
	t.Helper()
	for row, i := range p.rows {
		if p.r.Contacts[i].Name != name {
			continue
		}
		var out []string
		for col := range peopleColumns {
			cell := p.newCell()
			p.updateCell(widget.TableCellID{Row: row, Col: col}, cell)
			out = append(out, fmt.Sprint(shownTexts(cell)))
		}
		return out
	}
	t.Fatalf("the table has no row for %s", name)
	return nil
}

func TestReviewTabsShowRelationshipsNetworkAndReflection(t *testing.T) {
	m, st := newDemoOn(t, screenReview)
	decideAbout(t, m, st, "Marcus Chen", review.Keep, "worth every session")
	v := m.review
	assertShows(t, v.header, "Unsaved changes")

	p := v.people
	if v.tabs.SelectedIndex() != 1 || len(p.rows) != 13 {
		t.Fatalf("Relationships: tab %d with %d rows; want tab 1 with 13", v.tabs.SelectedIndex(), len(p.rows))
	}
	assertShows(t, p.root, "13 people", "Everyone", "Find someone in this review")
	for _, c := range peopleColumns[1:] { // the name column's header is under the sticky column
		assertShows(t, p.table, c.title)
	}
	want := []string{"[Marcus Chen]", "[coach]", "[4]", "[4h]", "[27 Sep]", "[0 / 3]", "[0 / 4]", "[-4]", "[taking more]", "[keep]"}
	if got := relationshipRow(t, p, "Marcus Chen"); !slices.Equal(got, want) {
		t.Errorf("Marcus's row shows %v, want %v", got, want)
	}
	assertShows(t, p.table, "Diego Alvarez", "Marcus Chen", "Ravi Patel")
	assertShows(t, p.detail, "Marcus Chen", "Received (4)", "Flags: taking more", "Decision",
		"4 interactions · 4h · last contact 8 weeks ago\nCheck-ins: 0 kept, 3 missed · every 2w\nBalance -4 this quarter; over two quarters gave 1, received 5",
		"5 Jul  ← received feedback: Themes from the 360: clarity under pressure",
		"worth every session", "Keep: carry on as you are.")
	assertButtons(t, p.detail, true, "Open page", "deepen", "keep", "pause", "end")
	if p.choice[review.Keep].Importance != widget.HighImportance {
		t.Error("the keep decision is not highlighted")
	}

	v.tabs.SelectIndex(2)
	assertShows(t, v.network, "New people (2)", "Role changes (2)", "Circles (2)", "Goals (4 active)",
		"Goals nobody helps with", "Every active goal has someone helping.", "Gaps",
		"since 27 Aug · job, Joined my team as an APM",
		"since 11 Sep · referral, Priya thought I could help him move into product, referred by Priya Raman",
		"Ben Carter", "coach ended", "17 Aug", "Elena Rossi", "28 Jul",
		"Fintech Leaders", "met 3 times, meant to meet every 6w", "Attended: Aisha Khan 3 · Yuki Tanaka 3 · Tom Becker 2",
		"PM Craft Circle", "met 3 times, meant to meet every 4w",
		"Become a confident public speaker", "short-term · by 23 Feb 2027", "Helping: Grace Liu, Marcus Chen",
		"Build a fintech product practice", "Helping: Aisha Khan, Grace Liu, Yuki Tanaka")
	assertButtons(t, v.network, true, "Lena Fischer", "Ravi Patel")

	v.tabs.SelectIndex(3)
	r := v.reflect
	if len(r.answers) != 4 {
		t.Errorf("the reflection has %d answers, want 4", len(r.answers))
	}
	assertShows(t, r.root, "Reflection", "Decisions",
		"Which goals moved forward this quarter, and who helped? Which goal needs someone?",
		"Which strengths did you lean on, and which gaps still have no coach or mentor?",
		"Which relationships fit the way you work, and which cost you energy?",
		"Was the time and money you put in worth it? Will you change your budget next quarter?",
		"4 active goals; every active goal has someone helping.")
	if got := len(r.decisions.Objects); got != 1 {
		t.Fatalf("%d decisions listed, want Marcus's", got)
	}
	assertShows(t, r.decisions, "keep", "worth every session")
	assertButtons(t, r.decisions, true, "Marcus Chen")
}
