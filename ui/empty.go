package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/demo"
	"github.com/kithcrm/kith/crm/store"
)

// emptyState welcomes someone whose book has nobody in it yet.
func emptyState(m *Main) fyne.CanvasObject {
	line := func(r crm.RoleKind, text string) fyne.CanvasObject {
		return container.NewBorder(nil, nil, container.NewVBox(fixedWidth(roleChip(r), 80)), nil, wrapped(text))
	}
	add := widget.NewButtonWithIcon("Add your first person", theme.ContentAddIcon(), m.NewPerson)
	add.Importance = widget.HighImportance
	sample := widget.NewButtonWithIcon("Load sample data", theme.DownloadIcon(), m.loadSample)
	body := container.NewVBox(
		screenTitle("Welcome to Kith"),
		wrapped("Kith keeps the people who grow your career close: who helps you, how often to check in, and what you gave and received."),
		spacer(4),
		line(crm.RoleCoach, "A coach works with you on specific skills towards a near-term goal, often paid."),
		line(crm.RoleMentor, "A mentor offers long-term, two-way perspective on your career as a whole."),
		line(crm.RoleCircle, "A circle is a group of peers with shared interests who meet and trade lessons."),
		spacer(8),
		container.NewHBox(add, sample),
		muted("Sample data is a small, realistic book you can explore and then replace."),
	)
	return container.NewCenter(fixedWidth(card(body), 560))
}

// loadSample fills an empty book with the sample data.
func (m *Main) loadSample() {
	var n demo.Counts
	m.save(func(tx *store.Tx) error {
		var err error
		n, err = demo.LoadTx(tx)
		return err
	}, func() {
		m.bar.show(fmt.Sprintf("Loaded sample data: %d people, %d circles, %d goals, %d interactions.",
			n.People, n.Circles, n.Goals, n.Interactions), nil)
	})
}

// updateSample offers Load sample data in the menu only while the book is
// empty, which is when demo.LoadTx accepts it; every write checks again,
// so emptying the book offers it once more.
func (m *Main) updateSample() {
	if m.sample == nil {
		return
	}
	var n int
	m.load(func(tx *store.Tx) (err error) {
		n, err = tx.CountAllContacts()
		return err
	}, func() {
		if m.sample.Disabled == (n > 0) {
			return
		}
		m.sample.Disabled = n > 0
		if menu := m.win.MainMenu(); menu != nil {
			menu.Refresh()
		}
	})
}
