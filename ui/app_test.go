package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// The sidebar, the Go menu and its shortcuts all come from the screen table:
// each screen has one sidebar row and one menu item, and the item's action
// and shortcut lead to that screen.
func TestScreenTableDrivesSidebarAndMenu(t *testing.T) {
	m, _ := newTestMain(t)
	table := screenTable()
	if got := m.nav.Length(); got != len(table) || len(m.screens) != len(table) {
		t.Fatalf("sidebar rows %d, screens %d, table %d", got, len(m.screens), len(table))
	}
	var goMenu *fyne.Menu
	for _, menu := range m.menu().Items {
		if menu.Label == "Go" {
			goMenu = menu
		}
	}
	if goMenu == nil {
		t.Fatal("no Go menu")
	}
	keys := map[fyne.KeyName]bool{}
	for i, row := range table {
		it := goMenu.Items[i]
		if it.Label != row.name {
			t.Errorf("Go menu item %d is %q, want %q", i, it.Label, row.name)
		}
		sc, ok := it.Shortcut.(*desktop.CustomShortcut)
		if !ok || sc.KeyName != row.key || keys[sc.KeyName] {
			t.Errorf("%s has shortcut %#v, want its own key %q", row.name, it.Shortcut, row.key)
		} else {
			keys[sc.KeyName] = true
		}
		it.Action()
		if m.Current() != i {
			t.Errorf("the %s item shows screen %d", row.name, m.Current())
		}
	}
	for name, i := range map[string]int{"Today": screenToday, "People": screenPeople, "Circles": screenCircles,
		"Goals": screenGoals, "Me": screenMe, "Review": screenReview, "Settings": screenSettings} {
		if table[i].name != name {
			t.Errorf("screen constant for %s indexes %q", name, table[i].name)
		}
	}
	m.Show(len(table))
	if m.Current() != screenToday {
		t.Errorf("showing a screen past the end shows %d, want Today", m.Current())
	}
}

// File › Load sample data is offered only while the book is empty: adding
// someone turns it off, and removing the last person (undo) turns it on.
func TestLoadSampleDataOnlyIntoAnEmptyBook(t *testing.T) {
	m, st := newTestMain(t)
	m.win.SetMainMenu(m.menu())
	if m.sample.Disabled {
		t.Fatal("Load sample data is off in an empty book")
	}
	f := newPersonForm(m, nil)
	f.show()
	test.Type(f.name, "Ana Silva")
	test.Tap(f.save)
	if !m.sample.Disabled {
		t.Error("Load sample data is still on with Ana in the book")
	}
	m.bar.onUndo()
	if m.sample.Disabled {
		t.Error("Load sample data stayed off after the book was emptied")
	}
	addPerson(t, st, "Sam Lee", "", "", "2026-01-10")
	m.win.SetMainMenu(m.menu()) // a window opened on a full book
	if !m.sample.Disabled {
		t.Error("Load sample data is on for a book that already holds someone")
	}
}
