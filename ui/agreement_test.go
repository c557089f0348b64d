package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// agreed gives id an agreement as the command line would set it.
func agreed(t *testing.T, st *store.Store, a *crm.Agreement) *crm.Agreement {
	t.Helper()
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.SetAgreement(a) })
	return a
}

// session logs a meeting with id on day.
func session(t *testing.T, st *store.Store, id int64, day, summary string) *crm.Interaction {
	t.Helper()
	in := &crm.Interaction{Date: crmtest.Date(day), Kind: crm.KindMeeting, Summary: summary,
		Participants: []crm.Participant{{ContactID: id}}}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.LogInteraction(in) })
	return in
}

// coachWithAgreement is Sam, a coach with six sessions at 150 each ending
// in ten days, two of them held.
func coachWithAgreement(t *testing.T) (*Main, *store.Store, int64, *crm.Agreement) {
	t.Helper()
	m, st := newTestMain(t)
	id := addPerson(t, st, "Sam Lee", "Northwind", crm.RoleCoach, "2026-09-01")
	a := agreed(t, st, &crm.Agreement{ContactID: id, Start: crmtest.Date("2026-10-01"), End: crmtest.Date("2026-12-05"),
		Sessions: 6, Fee: 150, PerSession: true, Revisit: crmtest.Date("2026-11-20"), Format: "video, Tuesdays"})
	session(t, st, id, "2026-10-07", "Goals for the quarter")
	in := &crm.Interaction{Date: crmtest.Date("2026-11-04"), Kind: crm.KindMeeting, Summary: "Delegation",
		Participants: []crm.Participant{{ContactID: id}},
		Exchanges:    []crm.Exchange{{ContactID: id, Direction: crm.Gave, Kind: crm.ExMoney, Description: "two sessions", Amount: 300}}}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.LogInteraction(in) })
	m.changed()
	return m, st, id, a
}

func TestPersonPageShowsAgreementProgress(t *testing.T) {
	m, _, id, _ := coachWithAgreement(t)
	m.OpenPerson(id)
	c := m.people.page.agreement
	if c == nil || c.prepare == nil {
		t.Fatal("the person page shows no active agreement")
	}
	root := m.people.root
	assertPairs(t, root, "Fee", "300 of 900 (150 a session)", "How you meet", "video, Tuesdays")
	assertShows(t, root, "ending soon", "revisit due", "Prepare next session", "Close…")
	if got := c.bar.Value; got < 0.33 || got > 0.34 {
		t.Errorf("the progress bar is at %.2f, want 2/6", got)
	}
	shown := strings.Join(shownTexts(root), " | ")
	if !strings.Contains(shown, "10 days left") {
		t.Errorf("the term does not say ten days are left: %s", shown)
	}
}

func TestSetAgreementThroughForm(t *testing.T) {
	m, st := newTestMain(t)
	id := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	m.OpenPerson(id)
	c := m.people.page.agreement
	if c == nil || c.set == nil {
		t.Fatal("a mentor with no agreement is not offered one")
	}
	test.Tap(c.set)
	f := m.people.page.agreement.opened.(*agreementForm)
	f.sessions.SetText("six")
	if !f.save.Disabled() || !strings.HasPrefix(f.reason.Text, "Sessions:") {
		t.Fatalf("sessions 'six': save disabled=%v, reason %q", f.save.Disabled(), f.reason.Text)
	}
	f.sessions.SetText("12")
	f.fee.SetText("1200")
	f.revisit.SetText("2027-03-01")
	f.format.SetText("coffee, monthly")
	test.Tap(f.save)
	a := viewed(t, st, func(tx *store.Tx) (*crm.Agreement, error) { return tx.ActiveAgreement(id) })
	if a.Sessions != 12 || a.Fee != 1200 || a.PerSession || a.Revisit != crmtest.Date("2027-03-01") ||
		a.Role != crm.RoleMentor || a.Start != crmtest.Date(testToday) || a.Format != "coffee, monthly" {
		t.Errorf("stored %+v", a)
	}
	if c := m.people.page.agreement; c == nil || c.prepare == nil {
		t.Error("the page does not show the new agreement")
	}
}

func TestRenewKeepsTheOldAgreementInHistory(t *testing.T) {
	m, st, id, _ := coachWithAgreement(t)
	m.OpenPerson(id)
	test.Tap(m.people.page.agreement.renew)
	f := m.people.page.agreement.opened.(*agreementForm)
	if f.sessions.Text != "6" || f.start.Text != testToday {
		t.Errorf("renewal starts from sessions %q on %q, want 6 from today", f.sessions.Text, f.start.Text)
	}
	f.end.SetText("2027-03-01")
	test.Tap(f.save)
	list := viewed(t, st, func(tx *store.Tx) ([]*crm.Agreement, error) { return tx.AgreementsOf(id) })
	if len(list) != 2 {
		t.Fatalf("%d agreements after renewing, want 2", len(list))
	}
	assertShows(t, m.people.root, "Before")
}

func TestPrepareShowsWhatIsOpenAndNotesQuestions(t *testing.T) {
	m, st, id, _ := coachWithAgreement(t)
	mustUpdate(t, st, func(tx *store.Tx) error {
		return tx.AddPromise(&crm.Exchange{ContactID: id, Direction: crm.Gave, Kind: crm.ExAdvice,
			Description: "send the hiring rubric", Date: crmtest.Date("2026-11-04")}, crm.Date{})
	})
	v := showPrepare(m, id, "Sam Lee")
	if m.win.Canvas().Focused() != v.ask {
		t.Error("the question field does not have the keyboard when the agenda opens")
	}
	assertShows(t, v.items, "Promises either way", "• I promised advice: send the hiring rubric", "Last time")
	test.Type(v.ask, "how to say no to the VP")
	v.ask.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assertShows(t, v.items, "To ask", "• how to say no to the VP")
	if n := strings.Count(strings.Join(shownTexts(v.items), "\n"), "Last time ("); n != 1 {
		t.Errorf("the agenda shows %d last sessions, want the one: %v", n, shownTexts(v.items))
	}
	if v.ask.Text != "" {
		t.Errorf("the question field still holds %q", v.ask.Text)
	}
}

func TestLogFormTicksTheAgendaAndCanSkipCountingASession(t *testing.T) {
	m, st, id, _ := coachWithAgreement(t)
	var q1, q2 crm.AgendaItem
	mustUpdate(t, st, func(tx *store.Tx) (err error) {
		if q1, err = tx.Ask(id, "the offsite"); err != nil {
			return err
		}
		q2, err = tx.Ask(id, "reading list")
		return err
	})
	f := newLogForm(m, []crm.Participant{{ContactID: id, Name: "Sam Lee"}}, 0)
	f.show()
	p := f.agenda
	if p.ticks[q1.ID] == nil || p.ticks[q2.ID] == nil {
		t.Fatalf("the log form's agenda shows %v", shownTexts(p.box))
	}
	p.ticks[q1.ID].SetSelected(tickDiscussed)
	p.ticks[q2.ID].SetSelected(tickCarry)
	test.Tap(p.session) // not a session
	f.summary.SetText("Quick call")
	test.Tap(f.save)
	items := viewed(t, st, func(tx *store.Tx) (*crm.Agenda, error) { return tx.Agenda(id) })
	if len(items.Items) != 1 || items.Items[0].ID != q2.ID || items.Items[0].Carried != 1 {
		t.Errorf("open agenda after the session: %+v; want only the reading list, carried once", items.Items)
	}
	a := viewed(t, st, func(tx *store.Tx) ([]crm.AgreementProgress, error) { return tx.AgreementsProgress(id) })
	if a[0].SessionsHeld != 2 {
		t.Errorf("%d sessions held, want still 2: the call was not a session", a[0].SessionsHeld)
	}
}

func TestTheirLatePromiseFromTheLogFormShowsOnToday(t *testing.T) {
	m, _, id, _ := coachWithAgreement(t)
	f := newLogForm(m, []crm.Participant{{ContactID: id, Name: "Sam Lee"}}, 0)
	f.show()
	l := f.addLine(m, crm.Received)
	if l.promise.Text != "they promised" {
		t.Errorf("a received line's promise reads %q", l.promise.Text)
	}
	l.desc.SetText("intro to their CFO")
	test.Tap(l.promise)
	l.due.SetText("2026-13-01")
	if !f.save.Disabled() {
		t.Error("a due date that is no date leaves Save on")
	}
	l.due.SetText("2026-11-20")
	f.date.SetText("2026-11-18")
	test.Tap(f.save)
	m.Show(screenToday)
	if got := m.today.data.rel.theirs; len(got) != 1 || got[0].Description != "intro to their CFO" {
		t.Fatalf("their late promises on Today: %+v", got)
	}
	assertShows(t, m.today.root, "Promised to you, late", "advice: intro to their CFO")
}

func TestTodayListsAgreementsHealthAndStalled(t *testing.T) {
	m, st, _, _ := coachWithAgreement(t)
	old := addPerson(t, st, "Ana Lopez", "", crm.RoleMentee, "2026-01-10")
	agreed(t, st, &crm.Agreement{ContactID: old, Start: crmtest.Date("2026-08-01"), CadenceDays: 14})
	m.changed()
	r := m.today.data.rel
	names := func(list []attention) (out []string) {
		for _, a := range list {
			out = append(out, a.Name+":"+a.Flag)
		}
		return out
	}
	if got := names(r.agreements); !slices.Contains(got, "Sam Lee:ending_soon") || !slices.Contains(got, "Sam Lee:revisit_due") {
		t.Errorf("agreements on Today: %v", got)
	}
	if got := names(r.health); !slices.Contains(got, "Ana Lopez:health_due") || !slices.Contains(got, "Sam Lee:fit_check_due") {
		t.Errorf("health checks on Today: %v", got)
	}
	if got := names(r.stalled); !slices.Equal(got, []string{"Ana Lopez:stalled"}) {
		t.Errorf("stalled on Today: %v", got)
	}
	assertShows(t, m.today.root, "Agreements", "How is it going?", "Stalled")
}

func TestHealthCheckFromTheForm(t *testing.T) {
	m, st, id, a := coachWithAgreement(t)
	f := newHealthForm(m, a.ID, "Sam Lee")
	f.show()
	for i, r := range f.answers[:3] {
		r.SetSelected(oneToFive[i+2])
	}
	if !f.save.Disabled() || !strings.Contains(f.reason.Text, "right kind of help") {
		t.Fatalf("three answers: save disabled=%v, reason %q", f.save.Disabled(), f.reason.Text)
	}
	f.answers[3].SetSelected("2")
	f.note.SetText("rhythm is off")
	test.Tap(f.save)
	got := viewed(t, st, func(tx *store.Tx) ([]crm.HealthCheck, error) { return tx.HealthChecks(a.ID) })
	if len(got) != 1 || got[0].Learning != 3 || got[0].Rhythm != 4 || got[0].FollowThrough != 5 || got[0].Fit != 2 || got[0].Note != "rhythm is off" {
		t.Errorf("stored %+v", got)
	}
	m.OpenPerson(id)
	assertShows(t, m.people.root, "Health", "one check so far", "rhythm is off")
}

func TestFitCheckRecordsTheVerdict(t *testing.T) {
	m, st, _, a := coachWithAgreement(t)
	showFitCheck(m, a.ID, "Sam Lee")
	test.Tap(findButton(t, topDialog(t, m), "Still deciding"))
	got := viewed(t, st, func(tx *store.Tx) (*crm.Agreement, error) { return tx.Agreement(a.ID) })
	if got.Fit != crm.FitDeciding {
		t.Errorf("fit %q, want deciding", got.Fit)
	}
}

func TestClosingCompletesAndMovesToKeepInTouch(t *testing.T) {
	m, st, id, a := coachWithAgreement(t)
	m.OpenPerson(id)
	test.Tap(m.people.page.agreement.closeBtn)
	f := m.people.page.agreement.opened.(*closingForm)
	f.outcome.SetSelected(outcomeChoices[2].label) // redefined
	f.why.SetText("goal met; staying in touch as a mentor")
	if !f.save.Disabled() || !strings.HasPrefix(f.reason.Text, "New role") {
		t.Fatalf("redefined without a new role: save disabled=%v, reason %q", f.save.Disabled(), f.reason.Text)
	}
	f.outcome.SetSelected(outcomeChoices[0].label)
	f.learned.SetText("ask for feedback early")
	test.Tap(f.save)
	got := viewed(t, st, func(tx *store.Tx) (*crm.Agreement, error) { return tx.Agreement(a.ID) })
	if got.Status != crm.AgreementCompleted || got.Learned != "ask for feedback early" {
		t.Errorf("closed as %+v", got)
	}
	c := viewed(t, st, func(tx *store.Tx) (*crm.Contact, error) { return tx.Contact(id) })
	if c.CadenceDays != crm.KeepInTouchDays || len(c.CurrentRoles()) != 0 {
		t.Errorf("after closing: cadence %d, roles %v; want %d and none", c.CadenceDays, c.CurrentRoles(), crm.KeepInTouchDays)
	}
	assertShows(t, m.people.root, "Before", "Set an agreement")
}
