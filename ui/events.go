package ui

import (
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

// eventLimit bounds the events the Events list shows, the latest first.
const eventLimit = 200

// eventsView is the Events part of the Find screen: conferences, meetups,
// talks, workshops and online communities, each opening its page.
type eventsView struct {
	m    *Main
	root fyne.CanvasObject
	list *fyne.Container
	// opens are the Open buttons on show, by event title, and adding the
	// form New event opened last, for tests.
	opens  map[string]*widget.Button
	adding *eventForm
}

func newEventsView(m *Main) *eventsView {
	v := &eventsView{m: m, list: container.NewVBox()}
	add := widget.NewButtonWithIcon("New event", theme.ContentAddIcon(), func() {
		v.adding = newEventForm(m)
		v.adding.show()
	})
	head := container.NewBorder(nil, nil, nil, add,
		wrappedMuted("Where you meet people. The people and prospects you met at one link to it, and it becomes their source."))
	v.root = container.NewBorder(container.NewPadded(head), nil, nil, nil, container.NewVScroll(container.NewPadded(v.list)))
	return v
}

func (v *eventsView) view() fyne.CanvasObject { return v.root }

func (v *eventsView) reload() {
	var events []crm.EventSummary
	var today crm.Date
	v.m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		events, err = tx.Events(eventLimit, 0)
		return err
	}, func() { v.show(events, today) })
}

func (v *eventsView) show(events []crm.EventSummary, today crm.Date) {
	v.opens = map[string]*widget.Button{}
	var rows []fyne.CanvasObject
	for _, e := range events {
		open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { openEvent(v.m, e.ID) })
		v.opens[e.Title] = open
		facts := []string{string(e.Kind), longDate(e.Date) + " (" + relDay(e.Date, today) + ")"}
		if e.Place != "" {
			facts = append(facts, e.Place)
		}
		facts = append(facts, plural(e.People, "person", "people")+" met", plural(e.Prospects, "prospect", "prospects"))
		text := container.NewVBox(wrappedBold(e.Title), wrappedMuted(strings.Join(facts, "  ·  ")))
		rows = append(rows, card(container.NewBorder(nil, nil, nil, container.NewVBox(open), text)))
	}
	if len(rows) == 0 {
		rows = append(rows, card(wrapped("No events yet. Add the conference, meetup or forum where you meet people.")))
	}
	v.list.Objects = rows
	v.list.Refresh()
}

// eventPage is an event's page over the window: who you met there, and who
// you still have to follow up with.
type eventPage struct {
	m   *Main
	d   *crm.EventPage
	dlg *dialog.CustomDialog
	// add starts a prospect met here; started is the form it opened last.
	add     *widget.Button
	started *prospectForm
	// met and followUp list who was met there and who to follow up.
	met, followUp *fyne.Container
}

func openEvent(m *Main, id int64) {
	var d *crm.EventPage
	var today crm.Date
	m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		d, err = tx.EventPage(id)
		return err
	}, func() {
		pg := &eventPage{m: m, d: d}
		pg.show(today)
		m.event = pg
	})
}

func (pg *eventPage) show(today crm.Date) {
	d := pg.d
	facts := []string{string(d.Kind), longDate(d.Date)}
	if d.Place != "" {
		facts = append(facts, d.Place)
	}
	box := container.NewVBox(wrappedMuted(strings.Join(facts, "  ·  ")))
	if d.Notes != "" {
		box.Add(wrapped(d.Notes))
	}
	pg.followUp = orNote(pg.people(d.FollowUp, today), "Nobody: everyone you met there has heard from you since.")
	pg.met = orNote(pg.people(d.Met, today), "Nobody linked yet. Add a prospect met here, or pick this event as a person's source.")
	box.Add(heading("Still to follow up"))
	box.Add(pg.followUp)
	box.Add(heading("Who you met"))
	box.Add(pg.met)
	pg.add = widget.NewButtonWithIcon("Prospect met here", theme.ContentAddIcon(), func() {
		pg.dlg.Hide()
		pg.started = newProspectForm(pg.m, &crm.Prospect{Found: crm.SourceEvent, EventID: d.ID, Event: d.Title})
		pg.started.show()
	})
	closeBtn := widget.NewButton("Close", func() { pg.dlg.Hide() })
	body := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, pg.add, closeBtn)),
		nil, nil, container.NewVScroll(box))
	pg.dlg = dialog.NewCustomWithoutButtons(shorten(d.Title, titleRunes), body, pg.m.win)
	pg.dlg.Resize(fyne.NewSize(600, 500))
	pg.m.showDialog(pg.dlg)
}

// people lists people and prospects met at the event, each opening its
// page, with where it stands.
func (pg *eventPage) people(met []crm.Met, today crm.Date) *fyne.Container {
	box := container.NewVBox()
	for _, p := range met {
		open := widget.NewButton(p.Name, func() {
			pg.dlg.Hide()
			if p.ContactID != 0 {
				pg.m.OpenPerson(p.ContactID)
				return
			}
			openProspect(pg.m, p.ProspectID)
		})
		open.Importance = widget.LowImportance
		open.Alignment = widget.ButtonAlignLeading
		box.Add(container.NewBorder(nil, nil, nil, muted(metLine(p, today)), cutLines(open)))
	}
	return box
}

// metLine says where someone met at an event stands.
func metLine(p crm.Met, today crm.Date) string {
	var parts []string
	if p.ProspectID != 0 && p.ContactID == 0 {
		parts = append(parts, "prospect, "+strings.ToLower(stageNames[p.Stage]))
	}
	if !p.FollowUpOn.IsZero() {
		parts = append(parts, "follow up "+relDay(p.FollowUpOn, today))
	}
	if !p.LastContact.IsZero() {
		parts = append(parts, "last talked "+relDay(p.LastContact, today))
	}
	return strings.Join(parts, "  ·  ")
}

// eventForm adds an event.
type eventForm struct {
	*formDialog
	title, place, notes *field
	kind                *widget.Select
	date                *dateField
}

func newEventForm(m *Main) *eventForm {
	f := &eventForm{title: m.entry("ProductCon 2026, the Rust meetup, a forum"), place: m.entry("City, venue or URL"),
		notes: m.multiEntry("What it was about"), date: m.dateEntry(m.st.Today(), false)}
	f.kind = widget.NewSelect(stringsOf(crm.EventKinds), nil)
	f.kind.SetSelected(string(crm.EventConference))
	form := widget.NewForm(widget.NewFormItem("Event", f.title), widget.NewFormItem("Kind", f.kind),
		widget.NewFormItem("Date", f.date), widget.NewFormItem("Place", f.place), widget.NewFormItem("Notes", f.notes))
	f.formDialog = newFormDialog(m, "New event", "Save", form, fyne.NewSize(560, 420))
	f.first = f.title
	f.saveWhen(whyNot(f.event), f.submit, f.title, f.date.field)
	return f
}

// eventFields names the form's field for each field crm.Event.Validate names.
var eventFields = map[string]string{"title": "Event", "kind": "Kind", "date": "Date"}

func (f *eventForm) event() (*crm.Event, string) {
	e := &crm.Event{Title: strings.TrimSpace(f.title.Text), Kind: crm.EventKind(f.kind.Selected),
		Place: strings.TrimSpace(f.place.Text), Notes: f.notes.Text}
	var err error
	unreadable := ""
	if e.Date, err = f.date.date(); err != nil {
		unreadable = "Date: " + err.Error()
	}
	if unreadable != "" {
		return e, unreadable
	}
	return e, formProblem(e.Validate(), eventFields, "")
}

func (f *eventForm) submit() {
	e, why := f.event()
	if why != "" {
		return
	}
	m := f.m
	m.save(func(tx *store.Tx) error { return tx.AddEvent(e) }, func() {
		f.close()
		m.bar.show(fmt.Sprintf("Added the event %q.", e.Title), nil)
	})
}
