package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
)

func init() {
	register(&command{name: "publish caldav", args: "[--url URL] [--user U] [--horizon DUR] [--with-notes] [--json]",
		summary: "Put check-in reminders on a CalDAV calendar (Nextcloud, iCloud, Fastmail...).", help: `
Each event becomes one calendar object named by its UID; changed ones are
replaced and those no longer due are removed. Only objects this database
put there are touched (another Kith database may publish to the same calendar). URL is the calendar collection; --url and --user default to
'kith calendar set --caldav-url/--caldav-user'. The password (an app
password) comes from $KITH_CALDAV_PASSWORD or the OS keychain
('kith calendar set --password-stdin' saves it there).

Flags:
  --url URL       the calendar collection, e.g. https://cloud.example.com/remote.php/dav/calendars/me/kith/
  --user U        the user name
  --horizon DUR   how far ahead, e.g. 30d, 6w, 3m
  --with-notes    include private notes
  --json          print what was done as JSON`, json: true, handler: func() handler { return &publishCalDAV{} }})
}

// publishCalDAV is 'kith publish caldav'.
type publishCalDAV struct {
	url, user string
	horizon   spanFlag
	withNotes bool
}

func (f *publishCalDAV) flags() vars {
	return vars{"url": &f.url, "user": &f.user, "horizon": &f.horizon, "with-notes": &f.withNotes}
}

func (f *publishCalDAV) run(e *env, _ []string) error {
	s, err := e.calendarSettings()
	if err != nil {
		return err
	}
	t := calendar.Target{URL: s.CalDAVURL, User: s.CalDAVUser}
	if e.given["url"] {
		t.URL = f.url
	}
	if e.given["user"] {
		t.User = f.user
	}
	if strings.TrimSpace(t.URL) == "" {
		return crm.Invalid("--url", fmt.Errorf("give the CalDAV calendar's URL (or save one with 'kith calendar set --caldav-url')"))
	}
	if t.Password, err = calendar.Password(os.Getenv, t.URL, t.User); err != nil {
		return err
	}
	if err := e.checkBookThere(); err != nil { // nothing to publish from a missing book
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	res, err := calendar.Publish(e.ctx(), st, t, calendar.Options{Horizon: f.horizon.s, WithNotes: f.withNotes})
	if err != nil {
		return err
	}
	return e.output(res, text(func(w io.Writer) {
		fmt.Fprintf(w, "published to %s: %d put, %d removed, %d unchanged\n", t.URL, res.Put, res.Removed, res.Unchanged)
	}))
}

// calendarSettings reads the calendar settings, opening the database if need be.
func (e *env) calendarSettings() (calendar.Settings, error) {
	st, err := e.reader()
	if err != nil {
		return calendar.Settings{}, err
	}
	return calendar.Load(e.ctx(), st)
}
