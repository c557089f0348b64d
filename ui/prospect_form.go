package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// eventChoices bounds the events a form offers: the latest first.
const eventChoices = 200

// prospectForm adds or edits a prospect: who, where found (with which
// event or forum, or who could introduce), the goal or gap they could help
// with, the role sought and why them.
type prospectForm struct {
	*formDialog
	orig     *crm.Prospect // the prospect edited, or the one a new form starts from
	editing  bool
	name     *field
	found    *widget.Select
	detail   *field
	event    *widget.Select
	referrer *peoplePicker
	serves   *widget.Select
	role     *widget.Select
	why      *field

	events []crm.EventSummary
	needs  []need // what serves offers after noneChoice
}

// need is a goal or a gap a prospect can serve.
type need struct {
	kind  crm.NeedKind
	id    int64
	title string
}

func (n need) label() string { return string(n.kind) + ": " + n.title }

// newProspectForm opens a form for p: a new prospect when p.ID is 0 (its
// fields, when set, filled in: the board starts one for a goal and a
// role), else an edit.
func newProspectForm(m *Main, p *crm.Prospect) *prospectForm {
	if p == nil {
		p = &crm.Prospect{}
	}
	f := &prospectForm{orig: p, editing: p.ID != 0, name: m.entry("Their name"),
		detail: m.entry("Which conference, forum or team; who could introduce you"),
		why:    m.multiEntry("Why them: what they know or have done that you need")}
	f.found = widget.NewSelect(append([]string{noneChoice}, stringsOf(crm.Founds)...), nil)
	f.event = widget.NewSelect([]string{noneChoice}, nil)
	f.serves = widget.NewSelect([]string{noneChoice}, nil)
	f.role = widget.NewSelect(append([]string{noneChoice}, stringsOf(crm.Roles)...), nil)
	var referrer []crm.Participant
	if p.ReferredBy != 0 {
		referrer = []crm.Participant{{ContactID: p.ReferredBy, Name: p.ReferredByName}}
	}
	f.referrer = newPeoplePicker(m, referrer, nil)
	f.fill(p)
	form := widget.NewForm(widget.NewFormItem("Name", f.name), widget.NewFormItem("Found", f.found),
		widget.NewFormItem("Where exactly", f.detail), widget.NewFormItem("Event", f.event),
		widget.NewFormItem("Could introduce", f.referrer.box), widget.NewFormItem("Could help with", f.serves),
		widget.NewFormItem("Role sought", f.role), widget.NewFormItem("Why them", f.why))
	title := "New prospect"
	if f.editing {
		title = "Edit prospect"
	}
	f.formDialog = newFormDialog(m, title, "Save", form, fyne.NewSize(640, 560))
	f.first = f.name
	f.saveWhen(whyNot(f.prospect), f.submit, f.name)
	f.loadChoices()
	return f
}

func (f *prospectForm) fill(p *crm.Prospect) {
	f.name.SetText(p.Name)
	f.found.SetSelected(noneChoice)
	if p.Found != crm.SourceNone {
		f.found.SetSelected(string(p.Found))
	}
	f.detail.SetText(p.Detail)
	f.event.SetSelected(noneChoice)
	f.serves.SetSelected(noneChoice)
	f.role.SetSelected(noneChoice)
	if p.Role != "" {
		f.role.SetSelected(string(p.Role))
	}
	f.why.SetText(p.Why)
}

// loadChoices offers the latest events, the active goals and the gaps,
// and picks the prospect's.
func (f *prospectForm) loadChoices() {
	var goals []*crm.Goal
	var gaps []*crm.Gap
	f.m.load(func(tx *store.Tx) (err error) {
		if f.events, err = tx.Events(eventChoices, 0); err != nil {
			return err
		}
		if goals, err = tx.Goals(); err != nil {
			return err
		}
		gaps, err = tx.Gaps()
		return err
	}, func() {
		f.settle(func() { f.applyChoices(goals, gaps) })
	})
}

func (f *prospectForm) applyChoices(goals []*crm.Goal, gaps []*crm.Gap) {
	p := f.orig
	events := []string{noneChoice}
	for _, e := range f.events {
		events = append(events, e.Title)
	}
	f.event.SetOptions(events)
	if p.Event != "" {
		f.event.SetSelected(p.Event)
	}
	f.needs = nil
	for _, g := range goals {
		if g.Status == crm.GoalActive || g.ID == p.GoalID {
			f.needs = append(f.needs, need{crm.NeedGoal, g.ID, g.Title})
		}
	}
	for _, g := range gaps {
		f.needs = append(f.needs, need{crm.NeedGap, g.ID, g.Text})
	}
	serves, chosen := []string{noneChoice}, 0
	for i, n := range f.needs {
		serves = append(serves, n.label())
		if n.kind == crm.NeedGoal && n.id == p.GoalID || n.kind == crm.NeedGap && n.id == p.GapID {
			chosen = i + 1
		}
	}
	f.serves.SetOptions(serves)
	f.serves.SetSelectedIndex(chosen)
}

// prospectFields names the form's field for each field Validate names.
var prospectFields = map[string]string{"name": "Name", "found": "Found", "role": "Role sought", "goal": "Could help with"}

// prospect is the prospect the form describes, and why it cannot be saved.
func (f *prospectForm) prospect() (*crm.Prospect, string) {
	p := *f.orig
	p.Name, p.Detail, p.Why = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.detail.Text), f.why.Text
	p.Found, p.Role = crm.SourceNone, ""
	if f.found.Selected != noneChoice {
		p.Found = crm.Source(f.found.Selected)
	}
	if f.role.Selected != noneChoice {
		p.Role = crm.RoleKind(f.role.Selected)
	}
	p.EventID, p.Event = 0, ""
	if i := f.event.SelectedIndex() - 1; i >= 0 && i < len(f.events) {
		p.EventID, p.Event = f.events[i].ID, f.events[i].Title
	}
	p.ReferredBy = 0
	if len(f.referrer.people) > 0 {
		p.ReferredBy = f.referrer.people[0].ContactID
	}
	if i := f.serves.SelectedIndex() - 1; i >= 0 && i < len(f.needs) {
		p.GoalID, p.GapID = 0, 0
		if n := f.needs[i]; n.kind == crm.NeedGoal {
			p.GoalID = n.id
		} else {
			p.GapID = n.id
		}
	} else if f.serves.Selected == noneChoice {
		p.GoalID, p.GapID = 0, 0
	}
	why := formProblem(p.Validate(), prospectFields, "")
	if why == "" && len(f.referrer.people) > 1 {
		why = "Could introduce: one person"
	}
	return &p, why
}

func (f *prospectForm) submit() {
	p, why := f.prospect()
	if why != "" {
		return
	}
	m := f.m
	if !f.editing {
		p.ID = 0
		m.save(func(tx *store.Tx) error { return tx.AddProspect(p) }, func() {
			f.close()
			m.bar.show(fmt.Sprintf("Added %s to the people to contact.", p.Name), func() {
				m.save(func(tx *store.Tx) error { return tx.DeleteProspect(p.ID) }, nil)
			})
		})
		return
	}
	m.save(func(tx *store.Tx) error { return tx.UpdateProspect(p) }, func() {
		f.close()
		m.bar.show(fmt.Sprintf("Saved %s.", p.Name), nil)
	})
}
