package cli

import (
	"fmt"

	"github.com/kithcrm/kith/crm/calendar"
)

// refreshCalendars keeps the user's calendars current after a command that
// wrote to the database, as the window does after every change: it rewrites
// the live calendar file and, with publish-after-change on, publishes to
// CalDAV. The command's own change is committed by then, so a failure is a
// warning on stderr and leaves the exit status alone. With neither set it
// does nothing at all, and plain commands pay for no calendar work.
func (e *env) refreshCalendars() {
	if !e.calSet {
		return
	}
	e.calSet = false
	if e.calErr != nil {
		fmt.Fprintf(e.errOut, "kith: warning: calendar not updated: %v\n", e.calErr)
		return
	}
	publish := e.cal.PublishAfterChange && e.cal.CalDAVURL != ""
	if e.cal.LiveFile == "" && !publish {
		return
	}
	if err := calendar.AfterChange(e.ctx(), e.st, calendar.Options{}); err != nil {
		fmt.Fprintf(e.errOut, "kith: warning: calendar not updated (your change is saved): %v\n", err)
	}
}
