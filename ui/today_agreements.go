package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todayRelations is what Today shows of the agreements: those ending,
// past their sessions or due for a revisit; health and fit checks due;
// promises made to the user that are late; and stalled agreements.
type todayRelations struct {
	agreements []attention
	health     []attention
	theirs     []theirPromise
	stalled    []attention
}

// relationSections are Today's cards about agreements, those with
// something to show, for the right-hand column.
func (v *todayView) relationSections() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, card := range []fyne.CanvasObject{v.theirsCard(), v.healthCard(), v.agreementsCard(), v.stalledCard()} {
		if card != nil {
			out = append(out, card)
		}
	}
	return out
}

// agreementsCard lists agreements ending within two weeks, past their
// session count, or due for a revisit.
func (v *todayView) agreementsCard() fyne.CanvasObject {
	list := v.data.rel.agreements
	if len(list) == 0 {
		return nil
	}
	box := container.NewVBox()
	for _, a := range list {
		open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { v.m.OpenPerson(a.ContactID) })
		open.Importance = widget.LowImportance
		box.Add(attentionRow(a, open))
	}
	return titledCard("Agreements", box)
}

// attentionRow is a person, what is asked of their agreement, and the
// button that answers it.
func attentionRow(a attention, action fyne.CanvasObject) fyne.CanvasObject {
	chip := newChip(flagWords[a.Flag], flagColor(a.Flag))
	text := container.NewVBox(wrappedBold(a.Name), container.NewHBox(chip), cutLines(muted(a.Why)))
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(action), text)
}

// prepareButton opens the agenda for the next session with someone due.
func (v *todayView) prepareButton(it dueItem) fyne.CanvasObject {
	return widget.NewButtonWithIcon("Prepare", theme.ListIcon(), func() { showPrepare(v.m, it.ContactID, it.Name) })
}
