package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// boardView is the board on the Me screen: one row per goal and per gap,
// the kind of help that fits it, who gives it, and the balance.
type boardView struct {
	m    *Main
	root *fyne.Container
}

func newBoardView(m *Main) *boardView {
	return &boardView{m: m, root: container.NewVBox()}
}

func (b *boardView) view() fyne.CanvasObject { return b.root }

func (b *boardView) reload() {}
