// Package ui is Kith's desktop window, built with Fyne over package crm.
// Each screen is one file with one struct holding its widgets; all storage
// work runs off the UI goroutine and lands back on it through fyne.Do.
package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"net/url"
	"os"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/assets"
	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// AppID is Kith's application id, as in FyneApp.toml.
const AppID = "app.kith.desktop"

// Preference keys.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	// prefScreen names the last screen shown. By name, not by its place in
	// the sidebar, so a new screen does not reopen Kith on the wrong one.
	prefScreen = "window.screen.name"
	prefTheme  = "theme"
)

// The screens the code opens by name, as indexes into screenTable.
const (
	screenToday = iota
	screenPeople
	screenCircles
	screenGoals
	screenMe
	screenFind
	screenReview
	screenSettings
)

// screenRow is one screen of the window: its name in the sidebar and the Go
// menu, its icon, the key that with Ctrl/Cmd switches to it ("" for none),
// and how to make it, keeping the typed view in Main for the code that
// calls it directly.
type screenRow struct {
	name string
	// icon is read from the theme when asked, not at start-up, so it
	// follows a theme change.
	icon    func() fyne.Resource
	key     fyne.KeyName
	newView func(m *Main) screen
}

// screenTable lists the screens in sidebar order. The sidebar, the Go menu,
// the shortcuts and Show all read it, so a new screen is one row here. It is
// a function, not a variable, because the screens it makes rebuild the
// window (a theme change), which reads it again.
func screenTable() []screenRow {
	return []screenRow{
		screenToday:    {"Today", theme.HomeIcon, fyne.Key1, func(m *Main) screen { m.today = newTodayView(m); return m.today }},
		screenPeople:   {"People", theme.AccountIcon, fyne.Key2, func(m *Main) screen { m.people = newPeopleView(m); return m.people }},
		screenCircles:  {"Circles", theme.GridIcon, fyne.Key3, func(m *Main) screen { m.circles = newCirclesView(m); return m.circles }},
		screenGoals:    {"Goals", theme.ConfirmIcon, fyne.Key4, func(m *Main) screen { m.goals = newGoalsView(m); return m.goals }},
		screenMe:       {"Me", theme.InfoIcon, fyne.Key5, func(m *Main) screen { m.me = newMeView(m); return m.me }},
		screenFind:     {"Find", theme.SearchIcon, fyne.Key6, func(m *Main) screen { m.find = newFindView(m); return m.find }},
		screenReview:   {"Review", theme.HistoryIcon, fyne.Key7, func(m *Main) screen { m.review = newReviewView(m); return m.review }},
		screenSettings: {"Settings", theme.SettingsIcon, fyne.Key8, func(m *Main) screen { m.settings = newSettingsView(m); return m.settings }},
	}
}

// exitIfNoWindow turns GLFW failing to start (a display that cannot be
// reached) into a message and exit status 1 instead of a stack trace; any
// other panic goes on.
func exitIfNoWindow() {
	r := recover()
	if r == nil {
		return
	}
	if glfwDidNotStart(r) {
		fmt.Fprintln(os.Stderr, "kith: the window could not open: no display could be reached (see above); the commands work without one: kith help")
		os.Exit(1)
	}
	panic(r)
}

// screenNamed is the index of the screen called name, Today when none is.
func screenNamed(name string) int {
	for i, row := range screenTable() {
		if row.name == name {
			return i
		}
	}
	return screenToday
}

// Run opens the main window on st and blocks until it is closed.
func Run(st *store.Store) {
	defer exitIfNoWindow()
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("kith.png", assets.Icon))
	w := a.NewWindow(windowTitle(st.Path(), defaultPathOrEmpty()))
	applyTheme(a, a.Preferences().StringWithFallback(prefTheme, themeSystem))
	m := NewMain(st, w)
	w.SetContent(m.Content())
	w.SetMainMenu(m.menu())
	w.Resize(windowSize(savedWindowSize(a.Preferences()), screenSize(a)))
	w.SetOnClosed(m.remember)
	m.Show(screenNamed(a.Preferences().String(prefScreen)))
	m.startBackups()
	if trayHost() {
		m.desk.useTray()
	}
	a.Lifecycle().SetOnStarted(m.desk.start)
	w.ShowAndRun()
}

func applyTheme(a fyne.App, choice string) {
	a.Settings().SetTheme(newKithTheme(theme.DefaultTheme(), choice))
}

// screen is one page of the window.
type screen interface {
	view() fyne.CanvasObject
	reload()
}

// Main is the main window's content: the sidebar, the current screen and
// the undo bar, over one store.
type Main struct {
	st  *store.Store
	win fyne.Window

	// run starts background work. It is `go f()` in the app; tests make it
	// synchronous so every load has landed when an action returns.
	run func(f func())
	// debounce is how long the people search waits after a keystroke.
	debounce func(f func())

	nav     *widget.List
	body    *fyne.Container
	bar     *undoBar
	current int
	shown   bool
	layers  []layer // what is shown over the window, top last: Esc closes the top one
	sample  *fyne.MenuItem

	today   *todayView
	people  *peopleView
	circles *circlesView
	goals   *goalsView
	me      *meView
	find    *findView
	// prospect and event are the last prospect and event pages opened.
	prospect *prospectPage
	event    *eventPage
	review   *reviewView
	settings *settingsView
	screens  []screen
	cal      *calendarSync // keeps the live calendar file and CalDAV current
	desk     *desk         // the tray and the daily notification

	// backupErr is why the day's backup failed, nil when it did not.
	backupErr error
	// openURL opens a URL with the system (the backups folder in its file
	// manager); tests replace it.
	openURL func(*url.URL) error

	// importing is the preview of the last file opened for import.
	importing *importPreview
}

// NewMain builds the main window's content over st.
func NewMain(st *store.Store, w fyne.Window) *Main {
	m := &Main{st: st, win: w, run: func(f func()) { go f() },
		openURL: func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }}
	m.cal = newCalendarSync(m)
	m.desk = newDesk(m, fyne.CurrentApp())
	m.debounce = newDebouncer(250 * time.Millisecond)
	m.build()
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			m.escape()
		}
	})
	w.SetOnDropped(m.onDropped) // a .vcf or .csv dropped on the window is imported
	return m
}

// build makes the screens; a theme change builds them afresh so every
// colour follows the new theme.
func (m *Main) build() {
	m.bar = newUndoBar(m)
	table := screenTable()
	m.screens = make([]screen, len(table))
	for i, row := range table {
		m.screens[i] = row.newView(m)
	}
	m.body = container.NewStack()
	m.nav = widget.NewList(func() int { return len(table) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Settings"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(table[i].icon())
			row.Objects[1].(*widget.Label).SetText(table[i].name)
		})
	m.nav.OnSelected = func(i widget.ListItemID) { m.Show(i) }
}

// rebuild recreates the window's content, on the current screen.
func (m *Main) rebuild() {
	m.build()
	m.win.SetContent(m.Content())
	m.shown = false
	m.Show(m.current)
}

// Content returns the window's root object.
func (m *Main) Content() fyne.CanvasObject {
	bg := canvas.NewRectangle(themed(colorSidebar))
	logo := canvas.NewText("Kith", theme.Color(theme.ColorNamePrimary))
	logo.TextStyle.Bold = true
	logo.TextSize = 22
	tagline := muted("the people who grow your career")
	logBtn := widget.NewButtonWithIcon("Log interaction", theme.ContentAddIcon(), func() { m.LogInteraction(nil, 0) })
	logBtn.Importance = widget.HighImportance
	addBtn := widget.NewButtonWithIcon("New person", theme.AccountIcon(), m.NewPerson)
	side := container.NewBorder(
		container.NewVBox(container.NewPadded(container.NewVBox(logo, tagline)), widget.NewSeparator()),
		container.NewPadded(container.NewVBox(logBtn, addBtn)), nil, nil, m.nav)
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(210, 0))
	sidebar := container.NewStack(bg, width, side)
	main := container.NewBorder(m.cal.view(), m.bar.box, nil, nil, m.body)
	return container.NewBorder(nil, nil, sidebar, nil, main)
}

// Show switches to screen i (an index into screenTable(); Today when out of
// range) and reloads it, so it also catches up with writes made while it
// was off screen.
func (m *Main) Show(i int) {
	if i < 0 || i >= len(m.screens) {
		i = screenToday
	}
	if m.shown && i == m.current {
		return
	}
	m.current, m.shown = i, true
	m.nav.Select(i)
	m.body.Objects = []fyne.CanvasObject{m.screens[i].view()}
	m.body.Refresh()
	m.screens[i].reload()
}

// Current returns the index of the screen on show.
func (m *Main) Current() int { return m.current }

// changed reloads the screen on show after a write. The others reload
// when shown (Show always reloads), so a save does not pay for Today's
// counts or the circles' meetings while they are off screen.
func (m *Main) changed() {
	if m.shown {
		m.screens[m.current].reload()
	}
}

func (m *Main) remember() {
	p := fyne.CurrentApp().Preferences()
	s := m.win.Canvas().Size()
	p.SetFloat(prefWidth, float64(s.Width))
	p.SetFloat(prefHeight, float64(s.Height))
	p.SetString(prefScreen, screenTable()[m.current].name)
}

// load runs read-only work off the UI goroutine, then apply on it. A
// storage error is shown in a dialog instead.
func (m *Main) load(work func(tx *store.Tx) error, apply func()) {
	m.background(func() error { return m.st.View(context.Background(), work) }, apply)
}

// save runs a write transaction off the UI goroutine; on success done runs
// on the UI goroutine and every screen reloads.
func (m *Main) save(work func(tx *store.Tx) error, done func()) {
	m.background(func() error { return m.st.Update(context.Background(), work) }, func() {
		if done != nil {
			done()
		}
		m.changed()
		m.cal.afterChange()
		m.desk.afterChange()
		m.updateSample()
	})
}

func (m *Main) background(work func() error, apply func()) {
	m.run(func() {
		err := work()
		fyne.Do(func() {
			if err != nil {
				m.showError(err)
				return
			}
			apply()
		})
	})
}

// showError tells the user what went wrong, in words when it is something
// they can fix.
func (m *Main) showError(err error) {
	var e *crm.Error
	if errors.As(err, &e) {
		dialog.ShowInformation("Not saved", e.Error(), m.win)
		return
	}
	dialog.ShowError(err, m.win)
}

// layer is something shown over the window that Esc closes: a dialog, or
// the date picker's pop-up over a form.
type layer struct {
	key any
	esc func() // what Esc does: close it, or ask first
	// open reports whether it is still shown, for a pop-up that closes
	// without telling (a tap outside it); nil for a dialog, which tells.
	open func() bool
}

// showDialog shows d and remembers it, so Esc can close it.
func (m *Main) showDialog(d dialog.Dialog) { m.showDialogEsc(d, d.Hide) }

// showDialogEsc shows d with esc as what Esc does to it.
func (m *Main) showDialogEsc(d dialog.Dialog, esc func()) {
	m.layers = append(m.layers, layer{key: d, esc: esc})
	d.SetOnClosed(func() {
		m.layers = slices.DeleteFunc(m.layers, func(l layer) bool { return l.key == d })
	})
	d.Show()
}

// showPopUp remembers a pop-up shown over the window, so Esc closes it and
// leaves the dialog under it open.
func (m *Main) showPopUp(p *widget.PopUp) {
	m.layers = append(m.layers, layer{key: p, esc: p.Hide, open: p.Visible})
}

// escape closes what is on top: a pop-up, or a dialog (a form with typed
// content asks first). Layers already closed some other way are dropped.
func (m *Main) escape() {
	for n := len(m.layers); n > 0; n = len(m.layers) {
		top := m.layers[n-1]
		if top.open != nil && !top.open() {
			m.layers = m.layers[:n-1]
			continue
		}
		top.esc()
		return
	}
}

// entry makes a text field that closes the top dialog on Esc.
func (m *Main) entry(placeholder string) *field {
	f := newField(placeholder)
	f.onEsc = m.escape
	return f
}

func (m *Main) multiEntry(placeholder string) *field {
	f := newMultiField(placeholder)
	f.onEsc = m.escape
	return f
}

func (m *Main) dateEntry(d crm.Date, optional bool) *dateField {
	f := newDateField(m.win, d, optional)
	f.onEsc = m.escape
	f.opened = m.showPopUp
	return f
}

// NewPerson opens the form for a new person.
func (m *Main) NewPerson() { newPersonForm(m, nil).show() }

// LogInteraction opens the log form, with people and a circle picked
// already when given.
func (m *Main) LogInteraction(with []crm.Participant, circleID int64) {
	newLogForm(m, with, circleID).show()
}

// FocusSearch shows People and puts the cursor in its search field.
func (m *Main) FocusSearch() {
	m.Show(screenPeople)
	m.win.Canvas().Focus(m.people.search)
}

// OpenPerson shows a person's page.
func (m *Main) OpenPerson(id int64) {
	m.Show(screenPeople)
	m.people.open(id)
}

func shortcut(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// menu is the main menu; its items carry the keyboard shortcuts, so they
// are listed where people look for them.
func (m *Main) menu() *fyne.MainMenu {
	item := func(label string, k fyne.KeyName, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		if k != "" {
			it.Shortcut = shortcut(k)
		}
		return it
	}
	m.sample = item("Load sample data", "", m.loadSample)
	m.updateSample()
	file := fyne.NewMenu("File",
		item("New person…", fyne.KeyN, m.NewPerson),
		item("Log interaction…", fyne.KeyL, func() { m.LogInteraction(nil, 0) }),
		fyne.NewMenuItemSeparator(),
		item("Import…", fyne.KeyI, m.ImportFile),
		item("Export calendar…", fyne.KeyE, m.ExportCalendar),
		item("Export contacts…", "", m.ExportContacts),
		item("Export people as CSV…", "", m.ExportPeopleCSV),
		m.sample,
		// Looked up at click time: a theme change builds a new settings view.
		item("Back up now", "", func() { m.settings.db.backupNow() }),
	)
	var goItems []*fyne.MenuItem
	for i, row := range screenTable() {
		goItems = append(goItems, item(row.name, row.key, func() { m.Show(i) }))
	}
	goItems = append(goItems, fyne.NewMenuItemSeparator(), item("Find person", fyne.KeyF, m.FocusSearch))
	return fyne.NewMainMenu(file, fyne.NewMenu("Go", goItems...))
}
