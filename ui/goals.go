package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// goalsView is the Goals screen: what you are working towards, who helps,
// and the interactions that served each goal.
type goalsView struct {
	m *Main
	*cardScreen[*crm.Goal]
}

func newGoalsView(m *Main) *goalsView {
	v := &goalsView{m: m}
	v.cardScreen = newCardScreen(m, cards[*crm.Goal]{
		title:    "Goals",
		help:     "Short- and long-term goals, the people who help with each, and what moved them forward.",
		addLabel: "New goal", add: func() { newGoalForm(m, nil).show() },
		read: (*store.Tx).Goals,
		recent: func(tx *store.Tx, g *crm.Goal) ([]*crm.Interaction, error) {
			return tx.GoalInteractions(g.ID, 4)
		},
		cardOf: v.goalCard,
		empty:  "No goals yet. Add one, name who helps with it, and link interactions to it when you log them.",
	})
	return v
}

var statusColors = map[crm.GoalStatus]fyne.ThemeColorName{crm.GoalActive: theme.ColorNamePrimary,
	crm.GoalAchieved: colorSoon, crm.GoalDropped: colorMuted}

func (v *goalsView) goalCard(g *crm.Goal, served []*crm.Interaction) fyne.CanvasObject {
	horizon := "short-term"
	if g.Horizon == crm.LongTerm {
		horizon = "long-term"
	}
	status := newChip(string(g.Status), themed(statusColors[g.Status]))
	facts := []string{horizon}
	if !g.Target.IsZero() {
		facts = append(facts, "target "+shortDate(g.Target, v.today)+" ("+relDay(g.Target, v.today)+")")
	}
	var helpers []string
	for _, h := range g.Helpers {
		helpers = append(helpers, h.Name)
	}
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { newGoalForm(v.m, g).show() })
	box := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(container.NewCenter(status), edit)), tight(wrappedHeading(g.Title))),
		muted(strings.Join(facts, "  ·  ")),
	)
	if g.Notes != "" {
		box.Add(wrapped(g.Notes))
	}
	if len(helpers) > 0 {
		box.Add(container.NewBorder(nil, nil, container.NewVBox(bold("Helped by")), nil, wrapped(strings.Join(helpers, ", "))))
	}
	if len(served) > 0 {
		box.Add(widget.NewSeparator())
	}
	addInteractions(box, "Interactions that served it", served, v.today)
	return card(box)
}

// goalForm adds or edits a goal and its helpers, in one transaction.
type goalForm struct {
	*formDialog
	orig    *crm.Goal
	title   *field
	horizon *widget.RadioGroup
	status  *widget.Select
	target  *dateField
	notes   *field
	helpers *peoplePicker
}

func newGoalForm(m *Main, g *crm.Goal) *goalForm {
	f := &goalForm{orig: g, title: m.entry("What you are working towards"), notes: m.multiEntry("Why it matters, how you will know")}
	f.horizon = widget.NewRadioGroup([]string{"short-term", "long-term"}, nil)
	f.horizon.Horizontal = true
	f.horizon.SetSelected("short-term")
	f.status = widget.NewSelect(stringsOf(crm.GoalStatuses), nil)
	f.status.SetSelected(string(crm.GoalActive))
	f.target = m.dateEntry(crm.Date{}, true)
	var helpers []crm.Participant
	title := "New goal"
	if g != nil {
		title = "Edit goal"
		f.title.SetText(g.Title)
		if g.Horizon == crm.LongTerm {
			f.horizon.SetSelected("long-term")
		}
		f.status.SetSelected(string(g.Status))
		f.target.SetText(g.Target.String())
		f.notes.SetText(g.Notes)
		helpers = g.Helpers
	}
	f.helpers = newPeoplePicker(m, helpers, nil)
	form := widget.NewForm(widget.NewFormItem("Goal", f.title), widget.NewFormItem("Horizon", f.horizon),
		widget.NewFormItem("Status", f.status), widget.NewFormItem("Target date", f.target),
		widget.NewFormItem("Helped by", f.helpers.box), widget.NewFormItem("Notes", f.notes))
	f.formDialog = newFormDialog(m, title, "Save", form, fyne.NewSize(600, 520))
	f.first = f.title
	f.saveWhen(whyNot(f.goal), f.submit, f.title, f.target.field)
	return f
}

// goalFields names the goal form's field for each field crm.Goal.Validate
// names in its errors.
var goalFields = map[string]string{"title": "Goal", "horizon": "Horizon", "status": "Status"}

// goal builds the goal the form describes, and says why it cannot be saved
// when it cannot: what crm.Goal.Validate refuses, or a target that is not a
// day.
func (f *goalForm) goal() (*crm.Goal, string) {
	g := &crm.Goal{Title: strings.TrimSpace(f.title.Text), Horizon: crm.ShortTerm, Status: crm.GoalStatus(f.status.Selected),
		Notes: f.notes.Text, Helpers: f.helpers.people}
	if f.horizon.Selected == "long-term" {
		g.Horizon = crm.LongTerm
	}
	var err error
	unreadable := ""
	if g.Target, err = f.target.date(); err != nil {
		unreadable = "Target date: " + err.Error()
	}
	return g, formProblem(g.Validate(), goalFields, unreadable)
}

func (f *goalForm) submit() {
	g, why := f.goal()
	if why != "" {
		return
	}
	m := f.m
	if f.orig == nil {
		m.save(func(tx *store.Tx) error { return tx.AddGoal(g) }, func() {
			f.close()
			m.bar.show(fmt.Sprintf("Added goal %q.", g.Title), nil)
		})
		return
	}
	g.ID = f.orig.ID
	before := f.orig.Helpers
	m.save(func(tx *store.Tx) error {
		if err := tx.UpdateGoal(g); err != nil {
			return err
		}
		return replaceHelpers(g.ID, before, g.Helpers, tx.RemoveHelper, tx.AddHelper)
	}, f.close)
}

// replaceHelpers sets who helps with a goal or a gap from before to after:
// every former helper unlinked, then every current one linked, so a form's
// list of people is what is stored.
func replaceHelpers(id int64, before, after []crm.Participant, unlink, link func(id, contactID int64) error) error {
	for _, h := range before {
		if err := unlink(id, h.ContactID); err != nil {
			return err
		}
	}
	for _, h := range after {
		if err := link(id, h.ContactID); err != nil {
			return err
		}
	}
	return nil
}
