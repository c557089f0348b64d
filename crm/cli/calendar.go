package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/store"
)

// The calendar settings: what 'kith export ics', 'kith publish caldav' and
// the window's live calendar file follow.
func init() {
	register(&command{name: "calendar", args: "[--json]", summary: "Show the calendar export settings.", run: runCalendarShow})
	register(&command{name: "calendar set", args: "[--horizon DUR] [--alarm HH:MM|off] [--with-notes=BOOL] [--review-rule RRULE] [--live-file PATH] [--caldav-url URL] [--caldav-user U] [--publish-after-change=BOOL] [--password-stdin]",
		summary: "Change the calendar export settings.", help: `
Flags:
  --horizon DUR               how far ahead check-ins are exported (default 90d)
  --alarm HH:MM|off           time of the reminder alarm on the day (default 09:00)
  --with-notes=BOOL           let private notes into calendars (default false)
  --review-rule RRULE         when the review recurs (default ` + calendar.DefaultReviewRule + `)
  --live-file PATH            a calendar file rewritten after every change ("" for none)
  --caldav-url URL            the CalDAV calendar to publish to
  --caldav-user U             its user name
  --publish-after-change=BOOL publish to CalDAV whenever the live file is rewritten
  --password-stdin            read the CalDAV password from stdin into the OS keychain`, run: runCalendarSet})
	register(&command{name: "calendar refresh", args: "", summary: "Rewrite the live calendar file now, and publish if publish-after-change is on.", run: runCalendarRefresh})
}

func runCalendarShow(e *env, args []string) error {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	s, err := e.calendarSettings()
	if err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(s)
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	for _, row := range [][2]string{
		{"horizon", s.Horizon.String()}, {"alarm", orOff(s.AlarmTime)}, {"with notes", strconv.FormatBool(s.WithNotes)},
		{"review rule", s.ReviewRule}, {"live file", orOff(s.LiveFile)}, {"caldav url", orOff(s.CalDAVURL)},
		{"caldav user", orOff(s.CalDAVUser)}, {"publish after change", strconv.FormatBool(s.PublishAfterChange)},
	} {
		fmt.Fprintf(w, "%s\t%s\n", row[0], row[1])
	}
	return w.Flush()
}

func orOff(s string) string {
	if s == "" {
		return "off"
	}
	return s
}

func runCalendarSet(e *env, args []string) error {
	fs := e.newFlags()
	var horizon spanFlag
	fs.Var(&horizon, "horizon", "how far ahead")
	alarm := fs.String("alarm", "", "HH:MM or off")
	withNotes := fs.Bool("with-notes", false, "include private notes")
	rule := fs.String("review-rule", "", "RRULE")
	live := fs.String("live-file", "", "path")
	davURL := fs.String("caldav-url", "", "URL")
	davUser := fs.String("caldav-user", "", "user")
	after := fs.Bool("publish-after-change", false, "publish after each change")
	pwStdin := fs.Bool("password-stdin", false, "read the password from stdin")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	given := setFlags(fs)
	// Everything is checked, and the password read and saved, before the
	// settings are written, so a command that fails leaves the database as
	// it was (the keychain holds a password only for a command that then
	// saved its settings, or failed on the database alone).
	apply := func(s *calendar.Settings) {
		if given["horizon"] {
			s.Horizon = horizon.s
		}
		for _, f := range []struct {
			name     string
			dst, src *string
		}{{"alarm", &s.AlarmTime, alarm}, {"review-rule", &s.ReviewRule, rule}, {"live-file", &s.LiveFile, live},
			{"caldav-url", &s.CalDAVURL, davURL}, {"caldav-user", &s.CalDAVUser, davUser}} {
			if given[f.name] {
				*f.dst = *f.src
			}
		}
		if given["with-notes"] {
			s.WithNotes = *withNotes
		}
		if given["publish-after-change"] {
			s.PublishAfterChange = *after
		}
	}
	s, err := e.calendarSettings()
	if err != nil {
		return err
	}
	apply(&s)
	if err := s.Validate(); err != nil {
		return flagError(err)
	}
	if *pwStdin {
		pw, err := readPassword(e.in())
		if err != nil {
			return err
		}
		if err := calendar.SavePassword(s.CalDAVURL, s.CalDAVUser, pw); err != nil {
			return err
		}
	}
	err = e.update(func(tx *store.Tx) error {
		s, err := calendar.LoadSettings(tx) // as they are now, with this command's flags on top
		if err != nil {
			return err
		}
		apply(&s)
		return flagError(calendar.SaveSettings(tx, s))
	})
	if err != nil {
		return err
	}
	if *pwStdin {
		fmt.Fprintln(e.out, "saved the CalDAV password in the OS keychain")
	}
	return runCalendarShow(e, nil)
}

// readPassword reads the first line of r as a password: a read error or an
// empty line is refused.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		if errors.Is(err, io.EOF) {
			return "", crm.Invalid("--password-stdin", fmt.Errorf("no password on stdin"))
		}
		return "", crm.Invalid("--password-stdin", fmt.Errorf("read stdin: %w", err))
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", crm.Invalid("--password-stdin", fmt.Errorf("no password on stdin"))
	}
	return pw, nil
}

// flagError names the command-line flag of a settings error ("alarm time:"
// becomes "--alarm:") so the message points at what to retype.
func flagError(err error) error {
	var ce *crm.Error
	if !errors.As(err, &ce) {
		return err
	}
	for field, flag := range map[string]string{"horizon": "--horizon", "alarm time": "--alarm", "review rule": "--review-rule",
		"CalDAV URL": "--caldav-url", "publish after change": "--publish-after-change"} {
		if strings.HasPrefix(ce.Message, field+":") {
			return crm.Errorf(ce.Code, "%s%s", flag, strings.TrimPrefix(ce.Message, field))
		}
	}
	return err
}

func runCalendarRefresh(e *env, args []string) error {
	fs := e.newFlags()
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	s, err := e.calendarSettings()
	if err != nil {
		return err
	}
	if err := calendar.AfterChange(e.ctx(), st, calendar.Options{}); err != nil {
		return err
	}
	if s.LiveFile != "" {
		fmt.Fprintf(e.out, "wrote %s\n", s.LiveFile)
	}
	// AfterChange publishes only with a URL to publish to: say only what it did.
	published := s.PublishAfterChange && s.CalDAVURL != ""
	if published {
		fmt.Fprintf(e.out, "published to %s\n", s.CalDAVURL)
	}
	if s.LiveFile == "" && !published {
		fmt.Fprintln(e.out, "no live file or publishing set ('kith calendar set --live-file PATH' or --caldav-url URL --publish-after-change)")
	}
	return nil
}

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

func (e *env) in() io.Reader { return stdin }
