package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// closingInput is how an agreement closes.
type closingInput struct {
	Outcome string // completed, ended or redefined
	Reason  string
	Learned string
	NewRole crm.RoleKind
}

// outcomeChoices are the ways to close, as the form offers them and the
// store names them.
var outcomeChoices = []struct{ label, value string }{
	{"Completed: the goal is met or the term served", "completed"},
	{"Ended early", "ended"},
	{"Redefined: the relationship goes on as something else", "redefined"},
}

// keepInTouchNote says what happens to the check-ins after a closing.
const keepInTouchNote = "Completed or ended: they stay in your book, with a light check-in every three months. " +
	"Redefined: their old role ends (its history kept) and the new role's rhythm applies."

// closingForm closes the active agreement: how, why, what was learned, and
// the role the person moves to.
type closingForm struct {
	*formDialog
	agreementID int64
	name        string
	outcome     *widget.RadioGroup
	why         *field
	learned     *field
	newRole     *widget.Select
}

func newClosingForm(m *Main, agreementID int64, name string, role crm.RoleKind) *closingForm {
	f := &closingForm{agreementID: agreementID, name: name}
	var labels []string
	for _, c := range outcomeChoices {
		labels = append(labels, c.label)
	}
	f.outcome = widget.NewRadioGroup(labels, nil)
	f.why = m.entry("Why it closes")
	f.learned = m.multiEntry("What you learned, from them or about working together")
	var roles []string
	for _, r := range crm.Roles {
		if r != role {
			roles = append(roles, string(r))
		}
	}
	f.newRole = widget.NewSelect(append([]string{noneChoice}, roles...), nil)
	f.newRole.SetSelected(noneChoice)
	form := widget.NewForm(
		widget.NewFormItem("Outcome", f.outcome),
		widget.NewFormItem("Reason", f.why),
		widget.NewFormItem("Learned", f.learned),
		widget.NewFormItem("New role", f.newRole),
	)
	content := container.NewVBox(form, wrapped(keepInTouchNote))
	f.formDialog = newFormDialog(m, "Close the agreement with "+shorten(name, titleRunes), "Close agreement", content, fyne.NewSize(640, 520))
	f.first = f.why
	f.saveWhen(whyNot(f.input), f.submit, f.why)
	f.outcome.OnChanged = func(string) { f.revalidate() }
	f.newRole.OnChanged = func(string) { f.revalidate() }
	return f
}

// input reads the form, or says what is missing.
func (f *closingForm) input() (closingInput, string) {
	in := closingInput{Reason: strings.TrimSpace(f.why.Text), Learned: strings.TrimSpace(f.learned.Text)}
	for _, c := range outcomeChoices {
		if c.label == f.outcome.Selected {
			in.Outcome = c.value
		}
	}
	if f.newRole.Selected != noneChoice {
		in.NewRole = crm.RoleKind(f.newRole.Selected)
	}
	switch {
	case in.Outcome == "":
		return in, "Outcome: pick how it ends"
	case in.Reason == "":
		return in, "Reason: say why it closes"
	case in.Outcome == "redefined" && in.NewRole == "":
		return in, "New role: a redefined relationship needs one"
	}
	return in, ""
}

func (f *closingForm) submit() {
	in, _ := f.input()
	id, name := f.agreementID, f.name
	f.m.save(func(tx *store.Tx) error { return closeAgreement(tx, id, in) }, func() {
		f.close()
		f.m.bar.show("Closed the agreement with "+name+" ("+outcomeWords[in.Outcome]+").", nil)
	})
}
