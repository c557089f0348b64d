package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// dueLimit bounds the check-ins Today shows; the rest are a click away in
// People, sorted by next check-in.
const dueLimit = 20

// promiseLimit bounds the promises Today lists, oldest first; a big book
// holds thousands, and the rest are a click away in a scrolling list.
const promiseLimit = 15

// promiseRunes bounds a promise's description on Today.
const promiseRunes = 160

// todayView is the Today screen: who is due, what was promised, and a
// summary line.
type todayView struct {
	m        *Main
	root     *fyne.Container
	date     *canvas.Text
	summary  *widget.Label
	dueBox   *fyne.Container
	promises *fyne.Container
	data     todayData
}

type dueItem struct {
	crm.CheckIn
	gave, got []crm.Exchange
}

type todayData struct {
	today    crm.Date
	counts   store.DayCounts
	due      []dueItem
	promises []crm.Exchange // the oldest open ones, up to promiseLimit
	open     int            // every open promise
	rel      todayRelations // agreements, health, their promises (today_agreements.go)
	empty    bool
}

func newTodayView(m *Main) *todayView {
	v := &todayView{m: m, date: muted(""), summary: widget.NewLabel(""),
		dueBox: container.NewVBox(), promises: container.NewVBox()}
	v.summary.TextStyle.Bold = true
	v.root = container.NewStack()
	return v
}

func (v *todayView) view() fyne.CanvasObject { return v.root }

func (v *todayView) reload() {
	var d todayData
	v.m.load(func(tx *store.Tx) error {
		d.today = tx.Today()
		n, err := tx.CountAllContacts()
		if err != nil || n == 0 {
			d.empty = true
			return err
		}
		if d.counts, err = tx.DayCounts(tx.Today().AddDays(7)); err != nil {
			return err
		}
		checkins, err := tx.DuePage(tx.Today().AddDays(7), dueLimit)
		if err != nil {
			return err
		}
		for _, c := range checkins {
			it := dueItem{CheckIn: c}
			if it.gave, err = tx.RecentExchanges(c.ContactID, crm.Gave, 1); err != nil {
				return err
			}
			if it.got, err = tx.RecentExchanges(c.ContactID, crm.Received, 1); err != nil {
				return err
			}
			d.due = append(d.due, it)
		}
		if d.promises, err = tx.OpenCommitmentPage(promiseLimit, 0); err != nil {
			return err
		}
		if d.open, err = tx.CountOpenCommitments(); err != nil {
			return err
		}
		return loadTodayRelations(tx, &d.rel)
	}, func() {
		v.data = d
		v.render()
	})
}

func (v *todayView) render() {
	d := v.data
	if d.empty {
		v.root.Objects = []fyne.CanvasObject{emptyState(v.m)}
		v.root.Refresh()
		return
	}
	v.date.Text = d.today.Time().Format("Monday 2 January 2006")
	v.summary.SetText(fmt.Sprintf("%s due this week  ·  %d overdue  ·  %s this month",
		plural(d.counts.Due, "person", "people"), d.counts.Overdue, plural(d.counts.ThisMonth, "interaction", "interactions")))
	// Objects are gathered and set once: Add lays the box out again each
	// time, which costs a pass over every card already added.
	var due []fyne.CanvasObject
	for _, it := range d.due {
		due = append(due, v.dueCard(it))
	}
	if len(d.due) == 0 {
		due = append(due, card(wrapped("Nobody is due this week. Enjoy the quiet, or reach out to someone anyway.")))
	}
	if more := d.counts.Due - len(d.due); more > 0 {
		due = append(due, widget.NewButton(fmt.Sprintf("%d more due: see People by next check-in", more), func() {
			v.m.Show(screenPeople)
			v.m.people.sortBy(crm.SortByNextDue)
		}))
	}
	v.dueBox.Objects = due
	var promises []fyne.CanvasObject
	for _, x := range d.promises {
		promises = append(promises, v.promiseRow(x))
	}
	if len(d.promises) == 0 {
		promises = append(promises, muted("No promises waiting. Anything you offer to do is listed here."))
	}
	if more := d.open - len(d.promises); more > 0 {
		promises = append(promises, widget.NewButton(plural(more, "more promise", "more promises"), func() { showPromises(v.m) }))
	}
	v.promises.Objects = promises
	header := container.NewVBox(screenTitle("Today"), v.date, v.summary)
	left := container.NewVBox(heading("Check-ins"), v.dueBox)
	right := container.NewVBox(titledCard("Open commitments", v.promises))
	right.Objects = append([]fyne.CanvasObject{followUpsCard(v.m)}, right.Objects...) // prospects to follow up: today_followups.go
	right.Objects = append(right.Objects, v.relationSections()...)
	body := container.NewBorder(nil, nil, nil, container.NewPadded(fixedWidth(right, 340)), left)
	v.root.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(container.NewVBox(header, body)))}
	v.root.Refresh()
}

// fixedWidth gives o a minimum width.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewStack(spacerW(w), o)
}

func spacerW(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (v *todayView) dueCard(it dueItem) fyne.CanvasObject {
	today := v.data.today
	name := wrappedBold(it.Name)
	late := canvas.NewText(lateness(it.DaysOverdue), themed(colorSoon))
	if it.DaysOverdue > 0 {
		late.Color = themed(colorLate)
	}
	late.TextStyle.Bold = true
	// The chips and lateness stay level with the first line of a long name.
	top := container.NewBorder(nil, nil, nil, besideFirstLine(container.NewHBox(container.NewCenter(roleChips(it.Roles)), container.NewCenter(late))), name)
	last := "Never talked yet"
	if !it.LastContact.IsZero() {
		last = "Last talked " + relDay(it.LastContact, today)
		if it.LastSummary != "" {
			last += ": " + it.LastSummary
		}
	}
	// A card previews the last talk and exchanges on a line each.
	recent := cutLines(muted(last))
	if len(it.gave) > 0 {
		recent.Add(muted("You gave: " + string(it.gave[0].Kind) + ", " + it.gave[0].Description))
	}
	if len(it.got) > 0 {
		recent.Add(muted("You received: " + string(it.got[0].Kind) + ", " + it.got[0].Description))
	}
	lines := container.NewVBox(top, recent)
	who := []crm.Participant{{ContactID: it.ContactID, Name: it.Name}}
	logBtn := widget.NewButtonWithIcon("Log check-in", theme.ContentAddIcon(), func() {
		f := newLogForm(v.m, who, 0)
		f.summary.SetText("Check-in")
		f.show()
	})
	logBtn.Importance = widget.HighImportance
	var snoozeBtn *widget.Button
	snoozeBtn = widget.NewButtonWithIcon("Snooze", theme.HistoryIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("1 week", func() { v.snooze(it.ContactID, it.Name, today.AddDays(7)) }),
			fyne.NewMenuItem("2 weeks", func() { v.snooze(it.ContactID, it.Name, today.AddDays(14)) }),
			fyne.NewMenuItem("Pick a date…", func() { v.pickSnooze(it.ContactID, it.Name) }))
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(snoozeBtn)
		widget.ShowPopUpMenuAtPosition(menu, v.m.win.Canvas(), pos.AddXY(0, snoozeBtn.Size().Height))
	})
	openBtn := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { v.m.OpenPerson(it.ContactID) })
	openBtn.Importance = widget.LowImportance
	actions := flow(logBtn, snoozeBtn, v.prepareButton(it), openBtn)
	row := container.NewBorder(nil, nil, container.NewVBox(avatar(it.Name, it.Roles, 40)), nil,
		container.NewVBox(lines, actions))
	return card(row)
}

// snooze pushes a check-in to until, with an undo that restores the
// previous snooze.
func (v *todayView) snooze(id int64, name string, until crm.Date) {
	var prev crm.Date
	v.m.save(func(tx *store.Tx) error {
		c, err := tx.Contact(id)
		if err != nil {
			return err
		}
		prev = c.SnoozedUntil
		return tx.Snooze(id, until)
	}, func() {
		v.m.bar.show(fmt.Sprintf("Snoozed %s until %s.", name, longDate(until)), func() {
			v.m.save(func(tx *store.Tx) error { return tx.Snooze(id, prev) }, nil)
		})
	})
}

func (v *todayView) pickSnooze(id int64, name string) {
	f := v.m.dateEntry(v.data.today.AddDays(21), false)
	d := dialog.NewForm("Snooze "+shorten(name, titleRunes), "Snooze", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Until", f)}, func(ok bool) {
			if !ok {
				return
			}
			if day, err := f.date(); err == nil {
				v.snooze(id, name, day)
			}
		}, v.m.win)
	v.m.showDialog(d)
}

func (v *todayView) promiseRow(x crm.Exchange) fyne.CanvasObject {
	// Whole on the person's page; here a reminder of a few lines.
	text := wrapped(shorten(x.Description, promiseRunes))
	meta := cutLines(muted(promiseMeta(x, v.data.today)))
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() { keepPromise(v.m, x, nil) })
	done.Importance = widget.LowImportance
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(done), container.NewVBox(text, meta))
}
