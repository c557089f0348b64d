package ui

import (
	"errors"
	"slices"
	"strconv"
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
	m       *Main
	dlg     *dialog.CustomDialog
	content fyne.CanvasObject
	save    *widget.Button
	reason  *canvas.Text
	check   func() string // "" when the form can be saved, else why not
	onSave  func()
	// left holds buttons apart from Save, at the other end of the row:
	// Delete, when the form edits something that can be deleted.
	left *fyne.Container
	// first is the field the cursor starts in.
	first fyne.Focusable
	// clean is what the form held when it opened, to tell on Esc whether
	// anything was typed; nil until it is shown.
	clean []string

	// reasonLine cuts the reason to the room beside the buttons: it may
	// quote what the user typed, a 200-character name.
	reasonLine *fyne.Container
}

func newFormDialog(m *Main, title, saveLabel string, content fyne.CanvasObject, size fyne.Size) *formDialog {
	f := &formDialog{m: m, content: content, reason: newReason(), left: container.NewHBox()}
	f.save = widget.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), func() {
		if f.revalidate() && f.onSave != nil {
			f.onSave()
		}
	})
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	f.reason.Alignment = fyne.TextAlignCenter
	f.reasonLine = cutLines(f.reason)
	buttons := container.NewBorder(nil, nil, f.left, container.NewHBox(cancel, f.save), vcenter(f.reasonLine))
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

// saveWhen has the form save with save once check passes, checking again
// whenever one of live changes.
func (f *formDialog) saveWhen(check func() string, save func(), live ...*field) {
	f.check, f.onSave = check, save
	for _, e := range live {
		e.OnChanged = func(string) { f.revalidate() }
	}
}

// whyNot makes a form's check out of what builds the thing it describes
// and says why that cannot be saved ("" when it can).
func whyNot[T any](build func() (T, string)) func() string {
	return func() string {
		_, why := build()
		return why
	}
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

// show opens the form with the cursor in its first field.
func (f *formDialog) show() {
	f.revalidate()
	f.m.showDialogEsc(f.dlg, f.escape)
	f.clean = formState(f.content)
	if f.first != nil {
		f.m.win.Canvas().Focus(f.first)
	}
}

func (f *formDialog) close() { f.dlg.Hide() }

// touched reports whether the form holds anything it did not open with.
func (f *formDialog) touched() bool {
	return f.clean != nil && !slices.Equal(formState(f.content), f.clean)
}

// escape closes an untouched form, and asks before throwing away what was
// typed in a touched one.
func (f *formDialog) escape() {
	if !f.touched() {
		f.close()
		return
	}
	f.m.ask("Discard what you typed?", "The form closes and what you typed in it is lost.",
		"Discard", "Keep editing", f.close)
}

// settle applies a load that lands in the form (its choices, a name for an
// id) and, when the form was untouched, counts the result as what it
// opened with: the user typed none of it.
func (f *formDialog) settle(apply func()) {
	if f == nil || f.clean == nil { // not shown yet: show takes the measure
		apply()
		return
	}
	untouched := !f.touched()
	apply()
	if untouched {
		f.clean = formState(f.content)
	}
}

// formState lists what the widgets of a form hold, in order, to compare
// one moment of the form with another.
func formState(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		case *widget.Form:
			for _, it := range w.Items {
				walk(it.Widget)
			}
		case *field:
			out = append(out, w.Text)
		case *dateField:
			out = append(out, w.Text)
		case *widget.Select:
			out = append(out, w.Selected)
		case *widget.RadioGroup:
			out = append(out, w.Selected)
		case *widget.Check:
			out = append(out, strconv.FormatBool(w.Checked))
		case *widget.CheckGroup:
			out = append(out, strings.Join(w.Selected, "\x00"))
		case *widget.Button: // a picked person, a match offered
			out = append(out, w.Text)
		}
	}
	walk(o)
	return out
}

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
