package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// The Me screen shows the profile with a line on why each part matters,
// and saves what is typed in place: strengths, personality, hours a month
// and money a quarter (kept per month, as kith profile keeps it).
func TestMeScreenEditsTheProfileInPlace(t *testing.T) {
	m, st := newDemoOn(t, screenMe)
	v := m.me
	assertShows(t, v.root, "Me", "Goals", "Strengths", "Gaps", "Personality", "Investment",
		whyGoals, whyStrengths, whyGaps, whyPersonality, whyInvestment, "Hours per month", "Money per quarter")
	if !v.save.Disabled() {
		t.Error("Save is on before anything was typed")
	}
	v.strengths.SetText("")
	test.Type(v.strengths, "Systems thinking")
	v.hours.SetText("")
	test.Type(v.hours, "six")
	if !v.save.Disabled() || v.reason.Text != `Hours per month: "six" is not an amount` {
		t.Errorf("a bad number: Save on %v, reason %q", !v.save.Disabled(), v.reason.Text)
	}
	v.hours.SetText("6")
	v.money.SetText("300")
	test.Tap(v.save)
	p := viewed(t, st, (*store.Tx).Profile)
	if p.Strengths != "Systems thinking" || p.BudgetHours != 6 || p.BudgetMoney != 100 {
		t.Errorf("saved %+v", p)
	}
	if v.money.Text != "300" || !v.save.Disabled() {
		t.Errorf("after saving the money field reads %q and Save is on %v", v.money.Text, !v.save.Disabled())
	}
	m.bar.onUndo()
	if p := viewed(t, st, (*store.Tx).Profile); p.Strengths == "Systems thinking" {
		t.Errorf("undo left %+v", p)
	}
}

// Only active goals are listed on Me, each with its horizon.
func TestMeScreenListsActiveGoals(t *testing.T) {
	m, st := newTestMain(t)
	mustUpdate(t, st, func(tx *store.Tx) error {
		if err := tx.AddGoal(&crm.Goal{Title: "Lead a platform team", Horizon: crm.LongTerm}); err != nil {
			return err
		}
		return tx.AddGoal(&crm.Goal{Title: "Old goal", Status: crm.GoalDropped})
	})
	m.Show(screenMe)
	assertShows(t, m.me.goals, "Lead a platform team", "long-term")
	if slices.Contains(shownTexts(m.me.goals), "Old goal") {
		t.Error("a dropped goal is listed")
	}
}

// The board has a row per goal and per gap with the help that fits: a
// covered row names who helps with when you last talked; an uncovered one
// says what to look for and starts a prospect for it, sought in that role
// and serving that need. Choosing another kind of help is saved.
func TestBoardShowsWhoCoversEachNeedAndStartsAProspectForTheRest(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	mustUpdate(t, st, func(tx *store.Tx) error {
		if err := tx.AddGoal(&crm.Goal{Title: "Lead a platform team", Horizon: crm.LongTerm,
			Helpers: []crm.Participant{{ContactID: priya}}}); err != nil {
			return err
		}
		return tx.AddGap(&crm.Gap{Text: "Negotiation"})
	})
	m.Show(screenMe)
	test.Tap(m.me.tabs[meBoard])
	b := m.me.board
	assertShows(t, b.rows, "Lead a platform team", "long-term · a mentor fits", "Priya Raman",
		"Negotiation", "short-term · a circle fits", "No circle for this gap: find peers to learn it with")
	assertShows(t, b.balance, "Balance", "Active: 0 coaches · 1 mentor · 0 circles · 0 coachees · 0 mentees")

	test.Tap(findButton(t, b.rows, "Find one"))
	f := b.started
	if f.serves.Selected != "gap: Negotiation" || f.role.Selected != "circle" {
		t.Fatalf("Find one opened the form serving %q as %q", f.serves.Selected, f.role.Selected)
	}
	test.Type(f.name, "Dana Ortiz")
	test.Tap(f.save)
	p := prospectNamed(t, st, "Dana Ortiz")
	if p.Gap != "Negotiation" || p.Role != crm.RoleCircle || p.Stage != crm.StageToContact {
		t.Errorf("the prospect started from the board is %+v", p)
	}

	b.fits["gap:Negotiation"].SetSelected("coach")
	gaps := viewed(t, st, (*store.Tx).Gaps)
	if len(gaps) != 1 || gaps[0].Fits != crm.RoleCoach {
		t.Fatalf("after choosing a coach the gaps are %+v", gaps)
	}
	assertShows(t, m.me.board.rows, "short-term · a coach fits", "No coach for a short-term gap: find one")

	b.fits["goal:Lead a platform team"].SetSelected("circle")
	goals := viewed(t, st, (*store.Tx).Goals)
	if len(goals) != 1 || goals[0].Fits != crm.RoleCircle {
		t.Fatalf("after choosing a circle the goals are %+v", goals)
	}
	assertShows(t, m.me.board.rows, "long-term · a circle fits", "No circle for this goal: find peers to learn it with")
}

// Gaps are a list on Me: New gap adds one linked to the people who help,
// Edit changes it, Delete takes it off (and Undo puts it back).
func TestGapsAreAListLinkedToPeople(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Marcus Chen", "Contoso", crm.RoleCoach, "2026-01-10")
	m.Show(screenMe)
	v := m.me
	assertShows(t, v.gaps.rows, "No gaps named yet: what would you like someone to help you learn?")
	test.Tap(findButton(t, v.about, "New gap"))
	f := topGapForm(t, m)
	test.Type(f.text, "Public speaking")
	pick(t, f.helpers, "Marc", "Marcus Chen")
	test.Tap(f.save)
	assertShows(t, v.gaps.rows, "Public speaking", "short-term  ·  fits a circle  ·  helped by Marcus Chen")
	gaps := viewed(t, st, (*store.Tx).Gaps)
	if len(gaps) != 1 || len(gaps[0].Helpers) != 1 || gaps[0].Helpers[0].Name != "Marcus Chen" {
		t.Fatalf("gaps %+v", gaps)
	}
	test.Tap(findButton(t, v.gaps.rows, "Edit"))
	f = topGapForm(t, m)
	f.horizon.SetSelected("long-term")
	f.fits.SetSelected("mentor")
	test.Tap(f.save)
	assertShows(t, v.gaps.rows, "long-term  ·  fits a mentor  ·  helped by Marcus Chen")
}

// topGapForm is the gap form last opened through the list.
func topGapForm(t *testing.T, m *Main) *gapForm {
	t.Helper()
	if m.me.gaps.form == nil {
		t.Fatal("no gap form was opened")
	}
	return m.me.gaps.form
}

// Adding a gap reloads Me; what was typed in Strengths and not saved stays.
func TestMeKeepsUnsavedTypingWhenTheScreenReloads(t *testing.T) {
	m, st := newTestMain(t)
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.SetProfile(crm.Profile{Personality: "Introvert"}) })
	m.Show(screenMe)
	v := m.me
	test.Type(v.strengths, "Writing")
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.SetProfile(crm.Profile{Personality: "Ambivert"}) })
	m.changed()
	if v.strengths.Text != "Writing" || v.personality.Text != "Ambivert" || v.save.Disabled() {
		t.Errorf("after a reload: strengths %q, personality %q, Save on %v", v.strengths.Text, v.personality.Text, !v.save.Disabled())
	}
}
