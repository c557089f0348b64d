package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm/store"
)

// The circle and goal forms refuse what crm.Circle.Validate and
// crm.Goal.Validate refuse, naming the form's field, and save the rest.
func TestCircleAndGoalFormsTakeTheirRulesFromTheDomain(t *testing.T) {
	m, st := newTestMain(t)
	f := newCircleForm(m)
	f.show()
	name, cadence := f.name, f.cadence
	for _, c := range []struct{ name, cadence, want string }{
		{"", "", "Name: "}, {"#1", "", "Name: "}, {"PM Circle", "fortnightly", "Meets every: "},
	} {
		name.SetText(c.name)
		cadence.SetText(c.cadence)
		f.submit() // even forced, a refused circle is not written
		if !f.save.Disabled() || !strings.HasPrefix(f.reason.Text, c.want) {
			t.Errorf("circle %q every %q: save disabled=%v, reason %q; want one starting %q",
				c.name, c.cadence, f.save.Disabled(), f.reason.Text, c.want)
		}
	}
	cadence.SetText("4w")
	test.Tap(f.save)

	g := newGoalForm(m, nil)
	g.show()
	for _, c := range []struct{ title, target, want string }{
		{"", "", "Goal: "}, {"#2", "", "Goal: "}, {"Speak at a conference", "2027-02-30", "Target date: "},
	} {
		g.title.SetText(c.title)
		g.target.SetText(c.target)
		if !g.save.Disabled() || !strings.HasPrefix(g.reason.Text, c.want) {
			t.Errorf("goal %q by %q: save disabled=%v, reason %q; want one starting %q",
				c.title, c.target, g.save.Disabled(), g.reason.Text, c.want)
		}
		g.submit() // even forced, a refused goal is not written
	}
	g.target.SetText("2027-03-01")
	test.Tap(g.save)

	_ = st.View(context.Background(), func(tx *store.Tx) error {
		circles, _ := tx.Circles()
		goals, _ := tx.Goals()
		if len(circles) != 1 || circles[0].Name != "PM Circle" || circles[0].CadenceDays != 28 {
			t.Errorf("circles saved: %+v", circles)
		}
		if len(goals) != 1 || goals[0].Title != "Speak at a conference" || goals[0].Target.String() != "2027-03-01" {
			t.Errorf("goals saved: %+v", goals)
		}
		return nil
	})
}
