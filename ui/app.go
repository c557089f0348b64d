// Package ui is Kith's desktop window, built with Fyne over package crm.
package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// AppID is Kith's application id, as in FyneApp.toml.
const AppID = "app.kith.desktop"

// Run opens the main window on st and blocks until it is closed.
func Run(st *store.Store) {
	a := app.NewWithID(AppID)
	w := a.NewWindow("Kith")
	m := NewMain(st, w)
	w.SetContent(m.Content())
	w.Resize(fyne.NewSize(1100, 720))
	m.Refresh()
	w.ShowAndRun()
}

// Main is the main window's content.
type Main struct {
	st     *store.Store
	win    fyne.Window
	people []crm.ContactSummary
	list   *widget.List
}

// NewMain builds the main window's content over st.
func NewMain(st *store.Store, w fyne.Window) *Main {
	m := &Main{st: st, win: w}
	m.list = widget.NewList(
		func() int { return len(m.people) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(m.people[i].Name) },
	)
	return m
}

// Content returns the window's root object.
func (m *Main) Content() fyne.CanvasObject { return container.NewBorder(nil, nil, nil, nil, m.list) }

// Refresh reloads the people list.
func (m *Main) Refresh() {
	_ = m.st.View(context.Background(), func(tx *store.Tx) error {
		var err error
		m.people, err = tx.ListContacts(crm.ContactFilter{})
		return err
	})
	m.list.Refresh()
}
