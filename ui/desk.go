package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/nudge"
	"github.com/kithcrm/kith/crm/store"
)

// Preferences of Kith's life outside the window.
const (
	prefNudgeHour = "nudge.hour" // the daily notification's hour; -1 for none
	prefNudgeLast = "nudge.last" // the last day it was sent (or found nothing to say)
	prefTrayKeep  = "tray.keep"  // closing the window keeps Kith in the tray
)

// How much the tray menu and the notification name: a menu of eight people
// fits any screen, and a notification shows two lines at most.
const (
	trayItems   = 8
	nudgeNames  = 2
	nudgeTitle  = "Kith"
	nudgeTicker = time.Minute
)

// desk is Kith's life outside its window: the tray icon and its menu of who
// is waiting today, and the one notification a day. Everything on it reads
// names and days only, never notes.
type desk struct {
	m   *Main
	app fyne.App
	// tray is the app's tray, nil when the desktop shows no tray icons.
	tray desktop.App
	// now is the clock the notification's hour is read from; tests fix it.
	now func() time.Time
	// trayDay is the day the tray menu was last built for, so that the
	// menu is rebuilt when midnight passes.
	trayDay crm.Date
	// checking is set while a notification check reads the book, so that
	// two ticks cannot both send.
	checking bool
}

func newDesk(m *Main, a fyne.App) *desk { return &desk{m: m, app: a, now: time.Now} }

// useTray puts Kith in the tray, when the app has one: its icon left-clicked
// shows the window, and closing the window follows the user's choice.
func (d *desk) useTray() {
	t, ok := d.app.(desktop.App)
	if !ok {
		return
	}
	d.tray = t
	t.SetSystemTrayIcon(d.app.Icon())
	t.SetSystemTrayWindow(d.m.win)
	d.m.win.SetCloseIntercept(d.closeWindow)
}

// schedule is the daily notification's hour, from the preferences.
func (d *desk) schedule() nudge.Schedule {
	h := d.app.Preferences().IntWithFallback(prefNudgeHour, nudge.DefaultHour)
	return nudge.Schedule{Hour: h, Off: h < 0 || h > 23}
}

// start shows the tray and sends the notification the day is owed, then
// checks once a minute. A ticker rather than a timer set for the hour: a
// laptop asleep at nine wakes to a ticker that sees the hour has passed.
func (d *desk) start() {
	d.refreshTray()
	d.check()
	go func() {
		for range time.Tick(nudgeTicker) {
			fyne.Do(d.tick)
		}
	}()
}

// tick runs on the UI goroutine once a minute.
func (d *desk) tick() {
	if d.tray != nil && d.trayDay != d.m.st.Today() {
		d.refreshTray()
	}
	d.check()
}

// afterChange follows a write: who is waiting may have changed.
func (d *desk) afterChange() { d.refreshTray() }

// check sends the day's notification when its hour has come and it has not
// gone out today: one summary however long Kith was closed. The day is
// marked first, so a failed read is not retried every minute, and a day
// with nothing due counts as told.
func (d *desk) check() {
	now := d.now()
	p := d.app.Preferences()
	last, _ := crm.ParseDate(p.String(prefNudgeLast))
	if d.checking || !d.schedule().Due(now, last) {
		return
	}
	p.SetString(prefNudgeLast, crm.DateOf(now).String())
	d.checking = true
	d.m.run(func() {
		var day nudge.Day
		err := d.m.st.View(context.Background(), func(tx *store.Tx) (err error) {
			day, err = nudge.Load(tx, d.m.st.Today(), nudgeNames)
			return err
		})
		fyne.Do(func() {
			d.checking = false
			switch {
			case err != nil:
				// The window shows the same read failing; a dialog here
				// would pop up unasked once a day.
				fyne.LogError("daily notification", err)
			case !day.Empty():
				d.app.SendNotification(fyne.NewNotification(nudgeTitle, day.Text(nudgeNames)))
			}
		})
	})
}

// refreshTray rebuilds the tray menu from the book.
func (d *desk) refreshTray() {
	if d.tray == nil {
		return
	}
	var day nudge.Day
	d.m.load(func(tx *store.Tx) (err error) {
		day, err = nudge.Load(tx, d.m.st.Today(), trayItems)
		return err
	}, func() {
		d.trayDay = day.Date
		d.tray.SetSystemTrayMenu(d.menu(day))
	})
}

// menu is the tray menu for a day: who is waiting, most overdue first (a
// click opens them), how many more, then logging, opening Kith and quitting.
func (d *desk) menu(day nudge.Day) *fyne.Menu {
	var items []*fyne.MenuItem
	if day.Empty() {
		none := fyne.NewMenuItem("Nobody is waiting today", nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		head := fyne.NewMenuItem(day.Headline(), nil)
		head.Disabled = true
		items = append(items, head)
	}
	for _, it := range day.Items {
		items = append(items, fyne.NewMenuItem(it.Label(), func() {
			d.showWindow()
			if it.Kind == nudge.FollowUp {
				openProspect(d.m, it.ID)
				return
			}
			d.m.OpenPerson(it.ID)
		}))
	}
	if more := day.More(); more > 0 {
		items = append(items, fyne.NewMenuItem(fmt.Sprintf("and %d more on Today…", more), func() {
			d.showWindow()
			d.m.Show(screenToday)
		}))
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Log interaction…", func() {
			d.showWindow()
			d.m.LogInteraction(nil, 0)
		}),
		fyne.NewMenuItem("Open Kith", d.showWindow))
	// Quit is Kith's own: Fyne adds one to a tray menu that lacks it, but
	// only after the menu is shown, so a menu built afresh on every change
	// would never show it.
	quit := fyne.NewMenuItem("Quit", d.quit)
	quit.IsQuit = true
	items = append(items, fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMenu("Kith", items...)
}

// quit ends Kith from the tray, remembering the window as closing it would.
func (d *desk) quit() {
	d.m.remember()
	d.app.Quit()
}

func (d *desk) showWindow() {
	d.m.win.Show()
	d.m.win.RequestFocus()
}

// closeWindow is what closing the window does when there is a tray: hide
// it when the user chose to keep Kith running, else quit (the tray would
// otherwise keep the app alive with no window).
func (d *desk) closeWindow() {
	if d.tray != nil && d.app.Preferences().Bool(prefTrayKeep) {
		d.m.remember()
		d.m.win.Hide()
		return
	}
	d.m.win.Close()
	d.app.Quit()
}
