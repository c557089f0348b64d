package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// nudgeOff is the hour choice that sends no daily notification.
const nudgeOff = "Never"

// desktopSection is the Settings card for Kith outside its window: the
// hour of the daily notification, and whether closing the window keeps
// Kith in the tray.
type desktopSection struct {
	m        *Main
	content  fyne.CanvasObject
	hour     *widget.Select
	keep     *widget.Check
	trayNote *widget.Label
}

func newDesktopSection(m *Main) *desktopSection {
	p := fyne.CurrentApp().Preferences()
	s := &desktopSection{m: m, trayNote: widget.NewLabel("")}
	hours := []string{nudgeOff}
	for h := 5; h <= 22; h++ {
		hours = append(hours, hourLabel(h))
	}
	s.hour = widget.NewSelect(hours, func(choice string) {
		h := -1
		for i := 0; i < 24; i++ {
			if hourLabel(i) == choice {
				h = i
			}
		}
		p.SetInt(prefNudgeHour, h)
	})
	if h := m.desk.schedule(); h.Off {
		s.hour.SetSelected(nudgeOff)
	} else {
		s.hour.SetSelected(hourLabel(h.Hour))
	}
	s.keep = widget.NewCheck("Keep Kith in the tray when its window is closed", func(on bool) { p.SetBool(prefTrayKeep, on) })
	s.keep.SetChecked(p.Bool(prefTrayKeep))
	s.trayNote.Importance = widget.LowImportance
	s.trayNote.Wrapping = fyne.TextWrapWord
	s.content = container.NewVBox(
		muted("One notification a day, when check-ins are due: names only, never notes."),
		container.NewHBox(widget.NewLabel("Daily reminder at"), s.hour),
		s.keep, s.trayNote)
	s.reload()
	return s
}

// reload follows whether Kith found a tray, which it learns after the
// window is built.
func (s *desktopSection) reload() {
	if s.m.desk.tray == nil {
		s.keep.Disable()
		s.trayNote.SetText("This desktop shows no tray icons, so closing the window quits Kith.")
		return
	}
	s.keep.Enable()
	s.trayNote.SetText("Click the tray icon to show the window; its menu lists who is waiting today.")
}

func hourLabel(h int) string { return fmt.Sprintf("%d:00", h) }
