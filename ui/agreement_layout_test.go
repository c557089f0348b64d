package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// longAgreement gives the long-named person of the long book an agreement
// with long texts everywhere, a health check with a long note, an agenda of
// long items, a late promise of theirs and a closed agreement before.
func longAgreement(t *testing.T, st *store.Store, b longBook) {
	t.Helper()
	mustUpdate(t, st, func(tx *store.Tx) error {
		old := &crm.Agreement{ContactID: b.person, Role: crm.RoleMentor, Start: crmtest.Date("2026-07-02")}
		if err := tx.SetAgreement(old); err != nil {
			return err
		}
		if err := tx.CloseAgreement(old.ID, crm.Outcome{Status: crm.AgreementRedefined,
			Closing: crm.Closing{ClosedOn: crmtest.Date("2026-08-01"), Reason: lorem(400), Learned: lorem(600), NewRole: crm.RoleMentor}}); err != nil {
			return err
		}
		a := &crm.Agreement{ContactID: b.person, Role: crm.RoleMentor, Start: crmtest.Date("2026-08-02"),
			End: crmtest.Date("2026-12-01"), Sessions: 3, Fee: 123456.78, PerSession: true, CadenceDays: 14,
			Revisit: crmtest.Date("2026-11-01"), Format: lorem(300), Confidential: lorem(500),
			Goals: []crm.AgreementGoal{{ID: b.goal.ID}}}
		if err := tx.SetAgreement(a); err != nil {
			return err
		}
		// Falling, and due again (60 days after the last).
		for i, day := range []string{"2026-08-10", "2026-08-20", "2026-09-01"} {
			if err := tx.AddHealthCheck(&crm.HealthCheck{AgreementID: a.ID, On: crmtest.Date(day), Learning: 5 - i, Rhythm: 4,
				FollowThrough: 3, Fit: 2, Note: lorem(700)}); err != nil {
				return err
			}
		}
		if _, err := tx.Ask(b.person, lorem(800)); err != nil {
			return err
		}
		return tx.AddPromise(&crm.Exchange{ContactID: b.person, Direction: crm.Received, Kind: crm.ExIntroduction,
			Description: lorem(900), Date: crmtest.Date("2026-11-01")}, crmtest.Date("2026-11-10"))
	})
}

func TestLongTextKeepsAgreementScreensNarrow(t *testing.T) {
	m, b := newLongMain(t)
	longAgreement(t, m.st, b)
	m.changed()
	assertShows(t, m.today.root, "Promised to you, late", "How is it going?", "Agreements")
	fits(t, m, "Today with agreements", m.today.root)
	m.OpenPerson(b.person)
	c := m.people.page.agreement
	if c == nil || c.prepare == nil {
		t.Fatal("the long person's page shows no agreement")
	}
	assertShows(t, m.people.root, "health falling", "falling two checks in a row")
	fits(t, m, "the person page with an agreement", m.people.root)

	for _, open := range []struct {
		what string
		show func()
	}{
		{"the agreement form", func() { c.open(newAgreementForm(m, b.person, b.name, m.people.page.rel.Active, false)) }},
		{"the health form", func() { c.open(newHealthForm(m, m.people.page.rel.Active.ID, b.name)) }},
		{"the closing form", func() { c.open(newClosingForm(m, m.people.page.rel.Active.ID, b.name, crm.RoleMentor)) }},
		{"the fit check", func() { showFitCheck(m, m.people.page.rel.Active.ID, b.name) }},
		{"the prepared agenda", func() { showPrepare(m, b.person, b.name) }},
	} {
		open.show()
		fits(t, m, open.what, topDialog(t, m))
		m.escape()
	}
	lf := newLogForm(m, []crm.Participant{{ContactID: b.person, Name: b.name}}, 0)
	lf.show()
	if len(lf.agenda.ticks) == 0 {
		t.Error("the log form shows no agenda for the long person")
	}
	fits(t, m, "the log form with an agenda", topDialog(t, m))
}

// The person page with an agreement and Today with its cards fit a small
// screen with the theme the window really uses.
func TestAgreementScreensFitWithTheRealTheme(t *testing.T) {
	m, b := newLongMain(t)
	fyne.CurrentApp().Settings().SetTheme(newKithTheme(theme.DefaultTheme(), themeDark))
	longAgreement(t, m.st, b)
	m.changed()
	if s := m.win.Canvas().Content().MinSize(); s.Width > smallScreen.Width {
		t.Errorf("Today: the window needs %.0f px of width, more than %.0f", s.Width, smallScreen.Width)
	}
	m.OpenPerson(b.person)
	if s := m.win.Canvas().Content().MinSize(); s.Width > smallScreen.Width {
		t.Errorf("the person page: the window needs %.0f px of width, more than %.0f", s.Width, smallScreen.Width)
	}
}
