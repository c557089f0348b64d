package cli

import (
	"fmt"

	"github.com/kithcrm/kith/crm/calendar"
)

func init() {
	register(&command{name: "export ics", args: "[--out FILE] [--horizon DUR] [--with-notes]",
		summary: "Write check-in reminders as an iCalendar file (to stdout without --out).", help: `
One all-day event per check-in due within the horizon (default 90d, or
'kith calendar set --horizon'); overdue ones are on today and say how late.
The file also holds the quarterly relationship review and each circle's
meeting rhythm. Events keep their UID from one export to the next, so
importing a newer file moves them instead of adding copies.

Flags:
  --out FILE      write FILE atomically instead of printing
  --horizon DUR   how far ahead, e.g. 30d, 6w, 3m
  --with-notes    include private notes (left out unless asked: calendars sync to clouds)`, run: runExportICS})
}

func runExportICS(e *env, args []string) error {
	fs := e.newFlags()
	out := fs.String("out", "", "file to write")
	var horizon spanFlag
	fs.Var(&horizon, "horizon", "how far ahead")
	withNotes := fs.Bool("with-notes", false, "include private notes")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	data, ex, err := calendar.Encoded(e.ctx(), st, calendar.Options{Horizon: horizon.s, WithNotes: *withNotes})
	if err != nil {
		return err
	}
	if *out == "" {
		_, err := e.out.Write(data)
		return err
	}
	if err := calendar.WriteFile(*out, data); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "wrote %d events to %s\n", len(ex.Events), *out)
	return nil
}
