package ui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm/calendar"
)

// calendarSync keeps the live calendar file, and CalDAV when
// publish-after-change is on, current after every change made in the
// window. It works off the UI goroutine and coalesces bursts: a change
// while a run is going asks for one more run after it, however many
// changes there were. A failure shows in a strip under the screen; the
// change itself is already committed, so nothing is lost.
type calendarSync struct {
	m *Main
	// work brings the calendars up to date and names what it updated
	// ("" when nothing is set up); tests replace it.
	work func() (string, error)

	mu             sync.Mutex
	running, again bool

	strip   *fyne.Container
	message *widget.Label
	lastErr error
}

func newCalendarSync(m *Main) *calendarSync {
	c := &calendarSync{m: m}
	c.work = c.refresh
	return c
}

// view returns the strip that reports a failed refresh, hidden until one
// fails; the window builds it afresh on a theme change.
func (c *calendarSync) view() fyne.CanvasObject {
	c.message = widget.NewLabel("")
	c.message.Truncation = fyne.TextTruncateEllipsis
	c.message.Importance = widget.WarningImportance
	details := widget.NewButton("Details", c.showDetails)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { c.strip.Hide() })
	closeBtn.Importance = widget.LowImportance
	c.strip = container.NewPadded(card(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()),
		container.NewHBox(details, closeBtn), c.message)))
	c.strip.Hide()
	return c.strip
}

// afterChange asks for the calendars to be brought up to date.
func (c *calendarSync) afterChange() {
	c.mu.Lock()
	if c.running {
		c.again = true
		c.mu.Unlock()
		return
	}
	c.running = true
	c.mu.Unlock()
	c.m.run(c.loop)
}

func (c *calendarSync) loop() {
	for {
		what, err := c.work()
		at := time.Now()
		fyne.Do(func() { c.report(what, err, at) })
		c.mu.Lock()
		if !c.again {
			c.running = false
			c.mu.Unlock()
			return
		}
		c.again = false
		c.mu.Unlock()
	}
}

// refresh rewrites the live file and publishes when asked, and does no
// work at all when neither is set up.
func (c *calendarSync) refresh() (string, error) {
	ctx := context.Background()
	s, err := calendar.Load(ctx, c.m.st)
	if err != nil {
		return "the calendar", err
	}
	var what []string
	if s.LiveFile != "" {
		what = append(what, "the live calendar file")
	}
	if s.PublishAfterChange && s.CalDAVURL != "" {
		what = append(what, "the CalDAV calendar")
	}
	if len(what) == 0 {
		return "", nil
	}
	return strings.Join(what, " and "), calendar.AfterChange(ctx, c.m.st, calendar.Options{})
}

// report shows a failure in the strip and hides the strip once a later run
// succeeds; Settings shows the outcome either way.
func (c *calendarSync) report(what string, err error, at time.Time) {
	c.lastErr = err
	if what != "" && c.m.settings != nil && c.m.settings.cal != nil {
		c.m.settings.cal.showSync(what, err, at)
	}
	if c.strip == nil {
		return
	}
	if err == nil {
		c.strip.Hide()
		return
	}
	c.message.SetText(fmt.Sprintf("Couldn't update %s (your change is saved): %s", what,
		strings.ReplaceAll(err.Error(), "\n", "; ")))
	c.strip.Show()
}

func (c *calendarSync) showDetails() {
	if c.lastErr != nil {
		c.m.showDialog(dialog.NewError(c.lastErr, c.m.win))
	}
}

// showSync tells the Calendar settings how the last refresh went.
func (c *calendarSection) showSync(what string, err error, at time.Time) {
	if err != nil {
		say(c.liveStatus, widget.DangerImportance, fmt.Sprintf("Couldn't update %s %s: %v", what, clock(at), err))
		return
	}
	say(c.liveStatus, widget.MediumImportance, fmt.Sprintf("Updated %s %s.", what, clock(at)))
}

// exportFileName is the name the export dialog suggests.
const exportFileName = "kith-checkins.ics"

// ExportCalendar asks where to save the check-in calendar and writes it,
// as `kith export ics --out` writes it.
func (m *Main) ExportCalendar() { m.askExport(m.calendarExport()) }

// calendarExport is the check-in calendar, written as it is read (never
// held whole), as `kith export ics` writes it.
func (m *Main) calendarExport() fileExport {
	return fileExport{
		file:   exportFileName,
		title:  "Exporting calendar",
		doing:  "Writing your check-ins to ",
		failed: "export the calendar to",
		write: func(out io.Writer) (int, error) {
			return calendar.Stream(context.Background(), m.st, calendar.Options{}, out)
		},
		done: func(n int) string { return fmt.Sprintf("%d events", n) },
	}
}
