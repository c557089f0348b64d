package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// followUpLimit bounds the follow-ups Today lists, soonest first; the rest
// are on Find.
const followUpLimit = 10

// followUpsCard is Today's card of prospects to follow up with this
// week, overdue ones first: who, how late, what for and what was asked. It
// reads them itself, off the UI goroutine, and stays hidden when there are
// none, so a book without prospects sees Today as it was.
func followUpsCard(m *Main) fyne.CanvasObject {
	rows := container.NewVBox()
	box := titledCard("Follow-ups", rows)
	box.Hide()
	var list []crm.FollowUp
	var due int
	var today crm.Date
	m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		week := today.AddDays(7)
		if list, err = tx.FollowUpPage(week, followUpLimit); err != nil {
			return err
		}
		due, _, err = tx.CountFollowUps(week)
		return err
	}, func() {
		if len(list) == 0 {
			return
		}
		for _, f := range list {
			rows.Add(followUpRow(m, f, today))
		}
		if more := due - len(list); more > 0 {
			rows.Add(widget.NewButton(plural(more, "more follow-up", "more follow-ups")+": see Find", func() { m.Show(screenFind) }))
		}
		box.Show()
		// The card was laid out hidden, before its rows came: the screen
		// lays itself out again to give it room.
		if m.today != nil {
			m.today.root.Refresh()
		}
	})
	return box
}

// followUpRow is one prospect to follow up with, opening its page.
func followUpRow(m *Main, f crm.FollowUp, today crm.Date) fyne.CanvasObject {
	name := wrappedBold(f.Name)
	late := newChip(lateness(f.DaysOverdue), themed(lateColor(f.DaysOverdue)))
	top := container.NewBorder(nil, nil, nil, besideFirstLine(container.NewCenter(late)), name)
	box := container.NewVBox(top)
	what := "Prospect, " + strings.ToLower(stageNames[f.Stage])
	if f.Role != "" {
		what += ", as a " + string(f.Role)
	}
	if f.Serves != "" {
		what += ", for " + f.Serves
	}
	box.Add(wrappedMuted(what))
	if !f.LastOutreach.IsZero() {
		line := "Reached out " + relDay(f.LastOutreach, today)
		if f.Channel != "" {
			line += " by " + f.Channel
		}
		if f.Ask != "" {
			line += fmt.Sprintf(": asked %q", f.Ask)
		}
		box.Add(wrapped(line))
	}
	open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { openProspect(m, f.ProspectID) })
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(open), box)
}

// lateColor colours a follow-up's chip: late, due today, or coming.
func lateColor(daysOverdue int) fyne.ThemeColorName {
	switch {
	case daysOverdue > 0:
		return colorLate
	case daysOverdue == 0:
		return colorSoon
	}
	return colorMuted
}
