package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
)

// formDialog is a dialog with a Save button that stays off, saying why,
// until the form's check passes. Nothing is written until Save.
type formDialog struct {
	m      *Main
	dlg    *dialog.CustomDialog
	save   *widget.Button
	reason *canvas.Text
	check  func() string // "" when the form can be saved, else why not
	onSave func()

	// reasonLine cuts the reason to the room beside the buttons: it may
	// quote what the user typed, a 200-character name.
	reasonLine *fyne.Container
}

func newFormDialog(m *Main, title, saveLabel string, content fyne.CanvasObject, size fyne.Size) *formDialog {
	f := &formDialog{m: m, reason: newReason()}
	f.save = widget.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), func() {
		if f.revalidate() && f.onSave != nil {
			f.onSave()
		}
	})
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	f.reason.Alignment = fyne.TextAlignCenter
	f.reasonLine = cutLines(f.reason)
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, f.save), vcenter(f.reasonLine))
	body := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), buttons), nil, nil,
		container.NewVScroll(content))
	f.dlg = dialog.NewCustomWithoutButtons(title, body, m.win)
	f.dlg.Resize(size)
	return f
}

// revalidate enables Save when the form is good and explains otherwise.
func (f *formDialog) revalidate() bool {
	why := ""
	if f.check != nil {
		why = f.check()
	}
	ok := explain(f.reason, f.save, why)
	f.reasonLine.Refresh() // cut the new reason to its room
	return ok
}

// newReason makes the line beside a Save button that says why it is off.
func newReason() *canvas.Text {
	t := canvas.NewText("", theme.Color(theme.ColorNameError))
	t.TextSize = theme.CaptionTextSize() + 1
	return t
}

// explain says why beside save, and turns save off while there is a
// reason; it reports whether save is on.
func explain(reason *canvas.Text, save *widget.Button, why string) bool {
	reason.Text = why
	reason.Refresh()
	enableIf(save, why == "")
	return why == ""
}

// enableIf turns a widget on or off.
func enableIf(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func (f *formDialog) show() {
	f.revalidate()
	f.m.showDialog(f.dlg)
}

func (f *formDialog) close() { f.dlg.Hide() }

// splitField splits a domain error, which starts with the field at fault
// ("email: …"), into the field and the reason.
func splitField(err error) (string, string) {
	field, why, ok := strings.Cut(err.Error(), ": ")
	if !ok {
		return "", err.Error()
	}
	return field, why
}

// fieldProblem words a domain error with the form's name for the field.
func fieldProblem(err error, labels map[string]string) string {
	field, why := splitField(err)
	if label, ok := labels[field]; ok {
		return label + ": " + why
	}
	return capitalize(err.Error())
}

// formProblem is why a form cannot be saved: what the record's Validate
// refuses, worded with the form's names for the fields, or else the first
// field that does not read (unreadable, "" when all do).
func formProblem(invalid error, labels map[string]string, unreadable string) string {
	if invalid != nil {
		return fieldProblem(invalid, labels)
	}
	return unreadable
}

// errSpan is what a cadence field says when its text is not a span.
var errSpan = errors.New("want Nd, Nw, Nm or Ny")

// spanDays reads a cadence such as 3w as days.
func spanDays(s string) (int, error) {
	span, err := crm.ParseSpan(strings.TrimSpace(s))
	if err != nil {
		return 0, errSpan
	}
	return span.Days(), nil
}

// optionalSpanDays reads a cadence that may be left empty, as zero days.
func optionalSpanDays(s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return spanDays(s)
}
