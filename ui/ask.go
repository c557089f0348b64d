package ui

import (
	"fyne.io/fyne/v2/dialog"
)

// ask asks before doing something: yes and no are what its buttons say
// (an empty no keeps Fyne's own), and do runs only on yes. Esc answers no.
func (m *Main) ask(title, text, yes, no string, do func()) {
	d := dialog.NewConfirm(title, text, func(ok bool) {
		if ok {
			do()
		}
	}, m.win)
	d.SetConfirmText(yes)
	if no != "" {
		d.SetDismissText(no)
	}
	m.showDialog(d)
}

// chosen makes a file dialog's callback: an error is shown, nothing
// (the user cancelled) is passed over, and an open file is handed to use,
// which must close it.
func chosen[F comparable](m *Main, use func(F)) func(F, error) {
	return func(f F, err error) {
		var cancelled F
		if err != nil {
			m.showError(err)
			return
		}
		if f == cancelled {
			return
		}
		use(f)
	}
}
