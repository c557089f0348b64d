package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// stalledCard lists agreements with nothing logged for twice their rhythm
// and no session planned, each with Prepare to restart it.
func (v *todayView) stalledCard() fyne.CanvasObject {
	list := v.data.rel.stalled
	if len(list) == 0 {
		return nil
	}
	box := container.NewVBox()
	for _, a := range list {
		prep := widget.NewButtonWithIcon("Prepare", theme.ListIcon(), func() { showPrepare(v.m, a.ContactID, a.Name) })
		box.Add(attentionRow(a, prep))
	}
	return titledCard("Stalled", box)
}
