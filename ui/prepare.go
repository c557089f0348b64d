package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// prepareView is the agenda for the next session with someone, built from
// what is open with them: promises either way, the goals they help with,
// what the last session was about, and the questions noted since.
type prepareView struct {
	m      *Main
	agenda *agendaView
	dlg    *dialog.CustomDialog
	items  *fyne.Container
	ask    *field
	logBtn *widget.Button
}

// agendaGroups orders and names the kinds of agenda item.
var agendaGroups = []struct{ kind, title string }{
	{"promise", "Promises either way"},
	{"goal", "Goals they help with"},
	{"last", "Last time"},
	{"question", "To ask"},
}

// showPrepare prepares the agenda off the UI goroutine and shows it.
func showPrepare(m *Main, contactID int64, name string) *prepareView {
	v := &prepareView{m: m, items: container.NewVBox(muted("Gathering what is open…"))}
	v.ask = m.entry("Ask " + firstName(name) + " about…")
	v.ask.OnSubmitted = func(string) { v.addQuestion(contactID) }
	askBtn := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { v.addQuestion(contactID) })
	v.logBtn = widget.NewButtonWithIcon("Log this session", theme.ContentAddIcon(), func() { v.logSession(contactID, name) })
	v.logBtn.Importance = widget.HighImportance
	closeBtn := widget.NewButton("Close", func() { v.dlg.Hide() })
	body := container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, askBtn, v.ask),
			container.NewBorder(nil, nil, nil, container.NewHBox(closeBtn, v.logBtn))),
		nil, nil, container.NewVScroll(v.items))
	v.dlg = dialog.NewCustomWithoutButtons("Next session with "+shorten(name, titleRunes), body, m.win)
	v.dlg.Resize(fyne.NewSize(620, 560))
	m.showDialog(v.dlg)
	m.win.Canvas().Focus(v.ask)
	v.reload(contactID)
	return v
}

// reload prepares the agenda again: a question added shows at once.
func (v *prepareView) reload(contactID int64) {
	var a *agendaView
	// Preparing writes (it adds what opened since last time as items), but
	// changes nothing the screens show: no reload after it.
	v.m.background(func() error {
		return v.m.st.Update(context.Background(), func(tx *store.Tx) (err error) {
			a, err = prepareAgenda(tx, contactID)
			return err
		})
	}, func() {
		v.agenda = a
		v.render()
	})
}

func (v *prepareView) render() {
	a := v.agenda
	var objs []fyne.CanvasObject
	if ag := a.Agreement; ag != nil {
		objs = append(objs, cutLines(muted(fmt.Sprintf("%s · %s · %s", ag.Role, ag.sessionsPhrase(),
			ag.termText(v.m.st.Today())))))
	}
	for _, g := range agendaGroups {
		var rows []fyne.CanvasObject
		for _, it := range a.Items {
			if it.Kind == g.kind {
				rows = append(rows, agendaLine(it))
			}
		}
		if len(rows) > 0 {
			objs = append(objs, bold(g.title))
			objs = append(objs, rows...)
		}
	}
	if len(a.Items) == 0 {
		objs = append(objs, wrapped("Nothing open with "+a.Name+". Note a question below to start the agenda."))
	}
	v.items.Objects = objs
	v.items.Refresh()
}

// agendaLine is an item's text, with how long it has been carried.
func agendaLine(it agendaItemView) fyne.CanvasObject {
	text := wrapped("• " + it.Text)
	if it.Carried == 0 {
		return text
	}
	return container.NewVBox(text, muted("    carried from "+plural(it.Carried, "session", "sessions")))
}

// addQuestion notes the question typed for next time and shows the agenda
// with it.
func (v *prepareView) addQuestion(contactID int64) {
	text := strings.TrimSpace(v.ask.Text)
	if text == "" {
		return
	}
	// The agenda was prepared when the dialog opened: read it again with
	// the question rather than prepare it twice.
	var a *agendaView
	v.m.save(func(tx *store.Tx) (err error) {
		if err = addQuestion(tx, contactID, text); err != nil {
			return err
		}
		a, err = openAgenda(tx, contactID)
		return err
	}, func() {
		v.ask.SetText("")
		v.agenda = a
		v.render()
	})
}

// logSession opens the log form on this agenda, to tick each item.
func (v *prepareView) logSession(contactID int64, name string) {
	v.dlg.Hide()
	f := newLogForm(v.m, []crm.Participant{{ContactID: contactID, Name: name}}, 0)
	f.show()
}
