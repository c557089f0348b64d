package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// The choices for each agenda item after a session. An item left with
// none stays open as it was.
const (
	tickDiscussed = "discussed"
	tickCarry     = "carry forward"
	tickDrop      = "drop"
)

// agendaTicks is what became of an agenda's items in a session.
type agendaTicks struct {
	Done, Carried, Dropped []int64
}

// agendaPanel is the log form's agenda: when the form is for one person,
// what was prepared for the session with them, each item to tick
// discussed, carried forward or dropped; and, during an agreement, whether
// the interaction counts as one of its sessions.
type agendaPanel struct {
	f         *logForm
	box       *fyne.Container
	session   *widget.Check
	contactID int64 // whose agenda is shown; 0 for none
	agenda    *agendaView
	ticks     map[int64]*widget.RadioGroup
}

func newAgendaPanel(f *logForm) *agendaPanel {
	a := &agendaPanel{f: f, box: container.NewVBox(), ticks: map[int64]*widget.RadioGroup{}}
	a.session = widget.NewCheck("Count as a session of the agreement", nil)
	a.session.SetChecked(true)
	return a
}

// follow shows the agenda of the one person the interaction is with, or
// none when it is with several or nobody.
func (a *agendaPanel) follow(ps []crm.Participant) {
	var id int64
	if len(ps) == 1 && a.f.editing == nil {
		id = ps[0].ContactID
	}
	if id == a.contactID {
		return
	}
	a.contactID = id
	if id == 0 {
		a.show(nil)
		return
	}
	var ag *agendaView
	a.f.m.load(func(tx *store.Tx) (err error) {
		ag, err = openAgenda(tx, id)
		return err
	}, func() {
		if a.contactID == id { // not someone picked since
			a.f.settle(func() { a.show(ag) })
		}
	})
}

// show lays out the agenda's items with their ticks.
func (a *agendaPanel) show(ag *agendaView) {
	a.agenda = ag
	a.ticks = map[int64]*widget.RadioGroup{}
	var objs []fyne.CanvasObject
	if ag != nil && ag.Agreement != nil && ag.Agreement.active() {
		objs = append(objs, a.session)
	}
	if ag != nil {
		for _, it := range ag.Items {
			r := widget.NewRadioGroup([]string{tickDiscussed, tickCarry, tickDrop}, nil)
			r.Horizontal = true
			a.ticks[it.ID] = r
			objs = append(objs, container.NewVBox(wrapped(it.Text), r))
		}
	}
	if len(objs) == 0 {
		objs = append(objs, muted(a.emptyNote()))
	}
	a.box.Objects = objs
	a.box.Refresh()
}

// counts reports whether the interaction counts as a session.
func (a *agendaPanel) counts() bool { return a.session.Checked }

// chosen is what the user ticked.
func (a *agendaPanel) chosen() agendaTicks {
	var t agendaTicks
	if a.agenda == nil {
		return t
	}
	for _, it := range a.agenda.Items {
		switch a.ticks[it.ID].Selected {
		case tickDiscussed:
			t.Done = append(t.Done, it.ID)
		case tickCarry:
			t.Carried = append(t.Carried, it.ID)
		case tickDrop:
			t.Dropped = append(t.Dropped, it.ID)
		}
	}
	return t
}

// afterLog records, in the transaction that logged in, what became of
// the agenda, whether it counts as a session, and when the promises made
// in it fall due.
func (f *logForm) afterLog(tx *store.Tx, in *crm.Interaction, dues []crm.Date) error {
	if f.agenda.agenda != nil {
		if err := applyAgenda(tx, in.ID, f.agenda.chosen(), f.agenda.counts()); err != nil {
			return err
		}
	}
	for i, x := range in.Exchanges {
		if x.Commitment && i < len(dues) && !dues[i].IsZero() {
			if err := setPromiseDue(tx, x.ID, dues[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// emptyNote says why no agenda is shown.
func (a *agendaPanel) emptyNote() string {
	switch {
	case a.f.editing != nil:
		return "The agenda is ticked when a session is logged."
	case a.contactID == 0:
		return "Logging with one person shows what is open with them."
	}
	return "Nothing open with them: prepare the next session to start an agenda."
}
