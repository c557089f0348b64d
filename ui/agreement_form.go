package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// agreementInput is what the agreement form describes.
type agreementInput struct {
	Role                 crm.RoleKind
	GoalIDs              []int64
	Start, End, Revisit  crm.Date
	CadenceDays          int
	Sessions             int
	Hours, Fee           float64
	PerSession           bool
	Confidential, Format string
}

// agreementForm sets a person's agreement, changes the active one, or
// renews it as a new agreement that starts today.
type agreementForm struct {
	*formDialog
	contactID    int64
	name         string
	editing      *agreementView // the agreement changed or renewed; nil for a new one
	renew        bool
	role         *widget.Select
	goals        *widget.CheckGroup
	goalIDs      map[string]int64
	start, end   *dateField
	revisit      *dateField
	cadence      *field
	sessions     *field
	hours        *field
	fee          *field
	perSession   *widget.Check
	format       *field
	confidential *field
}

func newAgreementForm(m *Main, contactID int64, name string, editing *agreementView, renew bool) *agreementForm {
	f := &agreementForm{contactID: contactID, name: name, editing: editing, renew: renew, goalIDs: map[string]int64{}}
	f.role = widget.NewSelect(stringsOf(sessionRoles), nil)
	f.role.PlaceHolder = "their current role"
	f.goals = widget.NewCheckGroup(nil, nil)
	today := m.st.Today()
	f.start = m.dateEntry(today, false)
	f.end = m.dateEntry(crm.Date{}, true)
	f.revisit = m.dateEntry(crm.Date{}, true)
	f.cadence = m.entry("e.g. 2w (empty: their check-in cadence)")
	f.sessions = m.entry("sessions agreed")
	f.hours = m.entry("or hours agreed")
	f.fee = m.entry("0")
	f.perSession = widget.NewCheck("per session", nil)
	f.format = m.entry("How you meet: video, Tuesdays 8am")
	f.confidential = m.multiEntry("What stays between you")
	form := widget.NewForm(
		widget.NewFormItem("Role", f.role),
		widget.NewFormItem("Goals", f.goals),
		widget.NewFormItem("Start", f.start),
		widget.NewFormItem("Planned end", f.end),
		widget.NewFormItem("Sessions", container.NewGridWithColumns(2, f.sessions, f.hours)),
		widget.NewFormItem("Fee", container.NewBorder(nil, nil, nil, f.perSession, f.fee)),
		widget.NewFormItem("Rhythm", f.cadence),
		widget.NewFormItem("Revisit on", f.revisit),
		widget.NewFormItem("How you meet", f.format),
		widget.NewFormItem("Confidential", f.confidential),
	)
	title, save := "Agreement with "+shorten(name, titleRunes), "Set"
	switch {
	case renew:
		title, save = "Renew the agreement with "+shorten(name, titleRunes), "Renew"
	case editing != nil:
		save = "Save"
	}
	f.formDialog = newFormDialog(m, title, save, form, fyne.NewSize(640, 600))
	f.first = f.sessions
	f.saveWhen(whyNot(f.input), f.submit, f.start.field, f.end.field, f.revisit.field, f.cadence, f.sessions, f.hours, f.fee)
	f.fill()
	f.loadGoals()
	return f
}

// sessionRoles are the relationships an agreement can be about.
var sessionRoles = []crm.RoleKind{crm.RoleCoach, crm.RoleMentor, crm.RoleCoachee, crm.RoleMentee}

// fill puts the agreement changed or renewed into the form; a renewal
// starts today, with the dates after it to be agreed again.
func (f *agreementForm) fill() {
	a := f.editing
	if a == nil {
		return
	}
	f.role.SetSelected(string(a.Role))
	if !f.renew {
		f.start.SetText(a.Start.String())
		f.end.SetText(a.End.String())
		f.revisit.SetText(a.Revisit.String())
	}
	if a.CadenceDays > 0 {
		f.cadence.SetText(strconv.Itoa(a.CadenceDays) + "d")
	}
	if a.Sessions > 0 {
		f.sessions.SetText(strconv.Itoa(a.Sessions))
	}
	if a.Hours > 0 {
		f.hours.SetText(hoursText(a.Hours))
	}
	if a.Fee > 0 {
		f.fee.SetText(moneyText(a.Fee))
	}
	f.perSession.SetChecked(a.PerSession)
	f.format.SetText(a.Format)
	f.confidential.SetText(a.Confidential)
}

// loadGoals offers the active goals, ticking those the agreement serves.
func (f *agreementForm) loadGoals() {
	var goals []*crm.Goal
	f.m.load(func(tx *store.Tx) (err error) {
		goals, err = tx.Goals()
		return err
	}, func() {
		f.settle(func() {
			var labels, ticked []string
			for _, g := range goals {
				serves := f.editing != nil && containsID(f.editing.GoalIDs, g.ID)
				if g.Status != crm.GoalActive && !serves {
					continue
				}
				label := shorten(g.Title, labelRunes)
				if _, twice := f.goalIDs[label]; twice {
					label = fmt.Sprintf("%s (#%d)", label, g.ID)
				}
				f.goalIDs[label] = g.ID
				labels = append(labels, label)
				if serves {
					ticked = append(ticked, label)
				}
			}
			f.goals.Options = labels
			f.goals.SetSelected(ticked)
			f.goals.Refresh()
		})
	})
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// input reads the form, or says why it does not read.
func (f *agreementForm) input() (agreementInput, string) {
	in := agreementInput{Role: crm.RoleKind(f.role.Selected), Format: strings.TrimSpace(f.format.Text),
		Confidential: strings.TrimSpace(f.confidential.Text), PerSession: f.perSession.Checked}
	for _, label := range f.goals.Selected {
		in.GoalIDs = append(in.GoalIDs, f.goalIDs[label])
	}
	var err error
	if in.Start, err = f.start.date(); err != nil {
		return in, "Start: " + err.Error()
	}
	if in.End, err = f.end.date(); err != nil {
		return in, "Planned end: " + err.Error()
	}
	if !in.End.IsZero() && in.End.Before(in.Start) {
		return in, "Planned end: before the start"
	}
	if in.Revisit, err = f.revisit.date(); err != nil {
		return in, "Revisit on: " + err.Error()
	}
	if in.CadenceDays, err = optionalSpanDays(f.cadence.Text); err != nil {
		return in, "Rhythm: " + err.Error()
	}
	if in.Sessions, err = optionalCount(f.sessions.Text); err != nil {
		return in, "Sessions: " + err.Error()
	}
	if in.Hours, err = optionalAmount(f.hours.Text); err != nil {
		return in, "Hours: " + err.Error()
	}
	if in.Fee, err = optionalAmount(f.fee.Text); err != nil {
		return in, "Fee: " + err.Error()
	}
	return in, ""
}

// optionalCount reads a whole number that may be left empty, as zero.
func optionalCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("a whole number")
	}
	return n, nil
}

// optionalAmount reads an amount (money, hours) that may be left empty.
func optionalAmount(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v != v {
		return 0, fmt.Errorf("a number such as 150 or 1.5")
	}
	return v, nil
}

// submit stores the agreement in one transaction.
func (f *agreementForm) submit() {
	in, _ := f.input()
	var editID int64
	if f.editing != nil {
		editID = f.editing.ID
	}
	id, name, renew := f.contactID, f.name, f.renew
	f.m.save(func(tx *store.Tx) error { return saveAgreement(tx, id, editID, renew, in) }, func() {
		f.close()
		what := "Agreement set with "
		switch {
		case renew:
			what = "Agreement renewed with "
		case editID != 0:
			what = "Agreement changed with "
		}
		f.m.bar.show(what+name+".", nil)
	})
}
