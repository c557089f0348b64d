package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// healthCard lists the health checks due (30 days into an agreement, then
// every 60) and the fit checks due after a new relationship's second
// session, each with the button that asks it.
func (v *todayView) healthCard() fyne.CanvasObject {
	list := v.data.rel.health
	if len(list) == 0 {
		return nil
	}
	box := container.NewVBox()
	for _, a := range list {
		ask := widget.NewButtonWithIcon("Check", theme.QuestionIcon(), func() { newHealthForm(v.m, a.AgreementID, a.Name).show() })
		if a.Flag == flagFitCheckDue {
			ask = widget.NewButtonWithIcon("Fit?", theme.QuestionIcon(), func() { showFitCheck(v.m, a.AgreementID, a.Name) })
		}
		box.Add(attentionRow(a, ask))
	}
	return titledCard("How is it going?", box)
}
