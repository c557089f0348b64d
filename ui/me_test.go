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
