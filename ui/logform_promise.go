package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
)

// A promise on a log form's line is the user's on an "I gave" line ("I'll
// send the deck") and the other person's on an "I received" line ("Priya
// will intro me to Sam"): both are kept until done, with a due date when
// one was said, and theirs shows on Today once late.

// promiseLabel words the promise tick for the line's direction.
func promiseLabel(dir crm.Direction) string {
	if dir == crm.Received {
		return "they promised"
	}
	return "promise to keep"
}

// promiseExtras gives a line its due date, shown while the promise is
// ticked, and words the tick for the direction chosen.
func (l *exchangeLine) promiseExtras(m *Main, revalidate func()) fyne.CanvasObject {
	l.due = m.dateEntry(crm.Date{}, true)
	l.due.PlaceHolder = "due (optional)"
	l.due.OnChanged = func(string) { revalidate() }
	row := container.NewBorder(nil, nil, widget.NewLabel("Due"), nil, l.due)
	row.Hide()
	l.promise.OnChanged = func(on bool) {
		if on {
			row.Show()
		} else {
			row.Hide()
		}
	}
	l.dir.OnChanged = func(d string) {
		l.promise.Text = promiseLabel(crm.Direction(d))
		l.promise.Refresh()
	}
	l.promise.Text = promiseLabel(crm.Direction(l.dir.Selected))
	return row
}

// dueDate is the day the line's promise falls due; zero when it is no
// promise, has no due date or the field does not read (problem says so).
func (l *exchangeLine) dueDate() crm.Date {
	if l.due == nil || !l.promise.Checked {
		return crm.Date{}
	}
	d, _ := l.due.date()
	return d
}

// dues lists the due date of each exchange f.exchanges makes, in its
// order: a line with everyone makes one exchange per participant.
func (f *logForm) dues(ps []crm.Participant) []crm.Date {
	var out []crm.Date
	for _, l := range f.lines {
		n := 1
		if l.withID == 0 {
			n = len(ps)
		}
		for range n {
			out = append(out, l.dueDate())
		}
	}
	return out
}
