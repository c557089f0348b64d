package cli

import (
	"io"

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
  --with-notes    include private notes (left out unless asked: calendars sync to clouds)`, handler: func() handler { return &exportICS{} }})
}

// exportICS is 'kith export ics'.
type exportICS struct {
	out       string
	horizon   spanFlag
	withNotes bool
}

func (f *exportICS) flags() vars {
	return vars{"out": &f.out, "horizon": &f.horizon, "with-notes": &f.withNotes}
}

func (f *exportICS) run(e *env, _ []string) error {
	// It records what it exported, so it opens the book to write; but a
	// missing book is a mistyped --db here, as for any reading command.
	if err := e.checkBookThere(); err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	data, ex, err := calendar.Encoded(e.ctx(), st, calendar.Options{Horizon: f.horizon.s, WithNotes: f.withNotes})
	if err != nil {
		return err
	}
	return e.writeOut(f.out, "events", func(w io.Writer) (int, error) {
		_, err := w.Write(data)
		return len(ex.Events), err
	})
}
