package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm/store"
)

// healthQuestions are the four questions of a health check, each answered
// from 1 (not at all) to 5 (fully).
var healthQuestions = []string{
	"Am I learning?",
	"Is the rhythm right?",
	"Are we both following through?",
	"Is this still the right kind of help?",
}

var oneToFive = []string{"1", "2", "3", "4", "5"}

// healthForm asks the four questions of a health check and a note.
type healthForm struct {
	*formDialog
	agreementID int64
	name        string
	answers     []*widget.RadioGroup
	note        *field
}

func newHealthForm(m *Main, agreementID int64, name string) *healthForm {
	f := &healthForm{agreementID: agreementID, name: name}
	f.note = m.multiEntry("Anything to say about it")
	items := []*widget.FormItem{}
	for _, q := range healthQuestions {
		r := widget.NewRadioGroup(oneToFive, func(string) { f.revalidate() })
		r.Horizontal = true
		f.answers = append(f.answers, r)
		items = append(items, widget.NewFormItem(q, r))
	}
	items = append(items, widget.NewFormItem("Note", f.note))
	intro := wrapped("From 1, not at all, to 5, fully. The answers over time show which way the relationship is going.")
	content := container.NewVBox(intro, widget.NewForm(items...))
	f.formDialog = newFormDialog(m, "How is it going with "+shorten(name, titleRunes)+"?", "Save", content, fyne.NewSize(640, 460))
	f.first = f.note
	f.saveWhen(whyNot(f.input), f.submit)
	return f
}

// input reads the answers, or says which question is unanswered.
func (f *healthForm) input() (healthView, string) {
	var scores [4]int
	for i, r := range f.answers {
		n, err := strconv.Atoi(r.Selected)
		if err != nil {
			return healthView{}, healthQuestions[i] + " pick 1 to 5"
		}
		scores[i] = n
	}
	return healthView{Learning: scores[0], Rhythm: scores[1], FollowThrough: scores[2], Fit: scores[3],
		Note: strings.TrimSpace(f.note.Text)}, ""
}

func (f *healthForm) submit() {
	h, _ := f.input()
	id, name := f.agreementID, f.name
	f.m.save(func(tx *store.Tx) error { return addHealthCheck(tx, id, h) }, func() {
		f.close()
		f.m.bar.show("Health check saved for "+name+".", nil)
	})
}

// fitChoices are the answers to the fit check, as the store names them.
var fitChoices = []struct{ label, value string }{
	{"Good fit", "good"}, {"Still deciding", "deciding"}, {"Not a fit", "not"},
}

// showFitCheck asks, after the second session of a new relationship,
// whether it fits: a button per answer, so one tap (or Tab and Space)
// settles it.
func showFitCheck(m *Main, agreementID int64, name string) dialog.Dialog {
	var d *dialog.CustomDialog
	buttons := container.NewGridWithColumns(len(fitChoices))
	for _, c := range fitChoices {
		buttons.Add(widget.NewButton(c.label, func() {
			m.save(func(tx *store.Tx) error { return setFit(tx, agreementID, c.value) }, func() {
				d.Hide()
				m.bar.show(name+": "+strings.ToLower(c.label)+".", nil)
			})
		}))
	}
	body := container.NewVBox(wrapped("Two sessions in: is "+shorten(name, titleRunes)+" the right person for this?"), buttons)
	d = dialog.NewCustom("Fit check", "Later", body, m.win)
	d.Resize(fyne.NewSize(520, 200))
	m.showDialog(d)
	return d
}
