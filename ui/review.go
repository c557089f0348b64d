package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reviewView is the Review screen. It is a placeholder until the quarterly
// review lands; the review will replace its content.
type reviewView struct {
	m    *Main
	root fyne.CanvasObject
}

func newReviewView(m *Main) *reviewView {
	v := &reviewView{m: m}
	v.root = container.NewBorder(container.NewPadded(screenTitle("Review")), nil, nil, nil,
		container.NewCenter(fixedWidth(card(container.NewVBox(
			container.NewCenter(widget.NewIcon(theme.HistoryIcon())),
			container.NewCenter(heading("Coming with the quarterly review")),
			wrapped("Each quarter Kith will show who you spent time with, what you gave and received, which goals moved, and who you have drifted from."),
		)), 480)))
	return v
}

func (v *reviewView) view() fyne.CanvasObject { return v.root }

func (v *reviewView) reload() {}
