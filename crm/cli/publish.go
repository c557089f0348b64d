package cli

import (
	"fmt"
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
  --json          print what was done as JSON`, run: runPublishCalDAV})
}

func runPublishCalDAV(e *env, args []string) error {
	fs := e.newFlags()
	u := fs.String("url", "", "calendar URL")
	user := fs.String("user", "", "user name")
	var horizon spanFlag
	fs.Var(&horizon, "horizon", "how far ahead")
	withNotes := fs.Bool("with-notes", false, "include private notes")
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	s, err := e.calendarSettings()
	if err != nil {
		return err
	}
	t := calendar.Target{URL: s.CalDAVURL, User: s.CalDAVUser}
	given := setFlags(fs)
	if given["url"] {
		t.URL = *u
	}
	if given["user"] {
		t.User = *user
	}
	if strings.TrimSpace(t.URL) == "" {
		return crm.Invalid("--url", fmt.Errorf("give the CalDAV calendar's URL (or save one with 'kith calendar set --caldav-url')"))
	}
	if t.Password, err = calendar.Password(os.Getenv, t.URL, t.User); err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	res, err := calendar.Publish(e.ctx(), st, t, calendar.Options{Horizon: horizon.s, WithNotes: *withNotes})
	if err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(res)
	}
	fmt.Fprintf(e.out, "published to %s: %d put, %d removed, %d unchanged\n", t.URL, res.Put, res.Removed, res.Unchanged)
	return nil
}

func (e *env) calendarSettings() (calendar.Settings, error) {
	st, err := e.store()
	if err != nil {
		return calendar.Settings{}, err
	}
	return calendar.Load(e.ctx(), st)
}
