package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/store"
)

// The calendar settings: what 'kith export ics', 'kith publish caldav' and
// the window's live calendar file follow.
func init() {
	register(&command{name: "calendar", args: "[--json]", summary: "Show the calendar export settings.", json: true, handler: do(runCalendarShow)})
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
  --password-stdin            read the CalDAV password from stdin into the OS keychain`, handler: func() handler { return &calendarSet{} }})
	register(&command{name: "calendar refresh", args: "", summary: "Rewrite the live calendar file now, and publish if publish-after-change is on.", handler: do(runCalendarRefresh)})
}

// runCalendarShow prints the settings as they are now.
func runCalendarShow(e *env, _ []string) error {
	s, err := e.calendarSettings()
	if err != nil {
		return err
	}
	return e.output(s, table(func(w io.Writer) {
		for _, row := range [][2]string{
			{"horizon", s.Horizon.String()}, {"alarm", orOff(s.AlarmTime)}, {"with notes", strconv.FormatBool(s.WithNotes)},
			{"review rule", s.ReviewRule}, {"live file", orOff(s.LiveFile)}, {"caldav url", orOff(s.CalDAVURL)},
			{"caldav user", orOff(s.CalDAVUser)}, {"publish after change", strconv.FormatBool(s.PublishAfterChange)},
		} {
			fmt.Fprintf(w, "%s\t%s\n", row[0], row[1])
		}
	}))
}

func orOff(s string) string {
	if s == "" {
		return "off"
	}
	return s
}

// calendarSet is 'kith calendar set'.
type calendarSet struct {
	horizon                                spanFlag
	alarm, rule, live, davURL, davUser     string
	withNotes, publishAfterChange, pwStdin bool
}

func (f *calendarSet) flags() vars {
	return vars{"horizon": &f.horizon, "alarm": &f.alarm, "with-notes": &f.withNotes, "review-rule": &f.rule,
		"live-file": &f.live, "caldav-url": &f.davURL, "caldav-user": &f.davUser,
		"publish-after-change": &f.publishAfterChange, "password-stdin": &f.pwStdin}
}

// apply puts the flags the user gave on top of s.
func (f *calendarSet) apply(s *calendar.Settings, given map[string]bool) {
	if given["horizon"] {
		s.Horizon = f.horizon.s
	}
	for _, t := range []struct {
		name     string
		dst, src *string
	}{{"alarm", &s.AlarmTime, &f.alarm}, {"review-rule", &s.ReviewRule, &f.rule}, {"live-file", &s.LiveFile, &f.live},
		{"caldav-url", &s.CalDAVURL, &f.davURL}, {"caldav-user", &s.CalDAVUser, &f.davUser}} {
		if given[t.name] {
			*t.dst = *t.src
		}
	}
	if given["with-notes"] {
		s.WithNotes = f.withNotes
	}
	if given["publish-after-change"] {
		s.PublishAfterChange = f.publishAfterChange
	}
}

// run checks everything, and reads and saves the password, before the
// settings are written, so a command that fails leaves the database as it
// was (the keychain holds a password only for a command that then saved its
// settings, or failed on the database alone).
func (f *calendarSet) run(e *env, _ []string) error {
	s, err := e.calendarSettings()
	if err != nil {
		return err
	}
	f.apply(&s, e.given)
	if err := s.Validate(); err != nil {
		return flagError(err)
	}
	if f.pwStdin {
		if err := savePassword(e.in(), s); err != nil {
			return err
		}
	}
	if err := e.update(func(tx *store.Tx) error {
		s, err := calendar.LoadSettings(tx) // as they are now, with this command's flags on top
		if err != nil {
			return err
		}
		f.apply(&s, e.given)
		return flagError(calendar.SaveSettings(tx, s))
	}); err != nil {
		return err
	}
	if f.pwStdin {
		if err := e.printf("saved the CalDAV password in the OS keychain\n"); err != nil {
			return err
		}
	}
	return runCalendarShow(e, nil)
}

// savePassword reads the CalDAV password from r into the OS keychain.
func savePassword(r io.Reader, s calendar.Settings) error {
	pw, err := readPassword(r)
	if err != nil {
		return err
	}
	return calendar.SavePassword(s.CalDAVURL, s.CalDAVUser, pw)
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
			renamed := *ce // keeps the cause and candidates
			renamed.Message = flag + strings.TrimPrefix(ce.Message, field)
			return &renamed
		}
	}
	return err
}

func runCalendarRefresh(e *env, _ []string) error {
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
