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
	*cardScreen
}

type goalItem struct {
	*crm.Goal
	served []*crm.Interaction
}

func newGoalsView(m *Main) *goalsView {
	return &goalsView{m: m, cardScreen: newCardScreen("Goals",
		"Short- and long-term goals, the people who help with each, and what moved them forward.", "New goal", func() { newGoalForm(m, nil).show() })}
}

func (v *goalsView) reload() {
	loadCards(v.m, v.cardScreen, func(tx *store.Tx) ([]goalItem, error) {
		goals, err := tx.Goals()
		if err != nil {
			return nil, err
		}
		var items []goalItem
		for _, g := range goals {
			it := goalItem{Goal: g}
			if it.served, err = tx.GoalInteractions(g.ID, 4); err != nil {
				return nil, err
			}
			items = append(items, it)
		}
		return items, nil
	}, v.goalCard, "No goals yet. Add one, name who helps with it, and link interactions to it when you log them.")
}

var statusColors = map[crm.GoalStatus]fyne.ThemeColorName{crm.GoalActive: theme.ColorNamePrimary,
	crm.GoalAchieved: colorSoon, crm.GoalDropped: colorMuted}

func (v *goalsView) goalCard(it goalItem) fyne.CanvasObject {
	g := it.Goal
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
		container.NewBorder(nil, nil, container.NewHBox(heading(g.Title), container.NewCenter(status)), edit),
		muted(strings.Join(facts, "  ·  ")),
	)
	if g.Notes != "" {
		box.Add(wrapped(g.Notes))
	}
	if len(helpers) > 0 {
		box.Add(container.NewHBox(bold("Helped by"), widget.NewLabel(strings.Join(helpers, ", "))))
	}
	if len(it.served) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(bold("Interactions that served it"))
		for _, in := range it.served {
			box.Add(interactionRow(in, 0, v.today))
		}
	}
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
	var statuses []string
	for _, s := range crm.GoalStatuses {
		statuses = append(statuses, string(s))
	}
	f.status = widget.NewSelect(statuses, nil)
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
	f.check = func() string {
		if strings.TrimSpace(f.title.Text) == "" {
			return "Goal: a goal needs a title"
		}
		if _, err := f.target.date(); err != nil {
			return "Target date: " + err.Error()
		}
		return ""
	}
	f.title.OnChanged = func(string) { f.revalidate() }
	f.target.OnChanged = func(string) { f.revalidate() }
	f.onSave = f.submit
	return f
}

func (f *goalForm) submit() {
	g := &crm.Goal{Title: strings.TrimSpace(f.title.Text), Horizon: crm.ShortTerm, Status: crm.GoalStatus(f.status.Selected),
		Notes: f.notes.Text, Helpers: f.helpers.people}
	if f.horizon.Selected == "long-term" {
		g.Horizon = crm.LongTerm
	}
	g.Target, _ = f.target.date()
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
		for _, h := range before {
			if err := tx.RemoveHelper(g.ID, h.ContactID); err != nil {
				return err
			}
		}
		for _, h := range g.Helpers {
			if err := tx.AddHelper(g.ID, h.ContactID); err != nil {
				return err
			}
		}
		return nil
	}, f.close)
}
