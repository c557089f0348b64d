package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
)

// theirsCard lists the promises people made to the user that are past
// their due date, oldest first, each with Done for when it arrives.
func (v *todayView) theirsCard() fyne.CanvasObject {
	list := v.data.rel.theirs
	if len(list) == 0 {
		return nil
	}
	box := container.NewVBox()
	for _, x := range list {
		done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() {
			keepPromise(v.m, crm.Exchange{ID: x.ExchangeID, Description: x.Description}, nil)
		})
		done.Importance = widget.LowImportance
		meta := x.Name + " · due " + relDay(x.Due, v.data.today)
		box.Add(container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(done),
			container.NewVBox(wrapped(shorten(x.Kind+": "+x.Description, promiseRunes)), cutLines(muted(meta)))))
	}
	return titledCard("Promised to you, late", box)
}
