package ui

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/emersion/go-ical"
	"github.com/zalando/go-keyring"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/store"
)

// The window's tests never touch the real OS keychain.
func init() { keyring.MockInit() }

// fileWriter is what a save dialog hands over: an open file with its URI,
// which remembers being closed.
type fileWriter struct {
	*os.File
	closed bool
}

func (w *fileWriter) URI() fyne.URI { return storage.NewFileURI(w.Name()) }

func (w *fileWriter) Close() error {
	w.closed = true
	return w.File.Close()
}

func createFile(t *testing.T, path string) *fileWriter {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	return &fileWriter{File: f}
}

// decodeCalendar reads an .ics file with go-ical, as a calendar app would,
// and returns each event's summary and description.
func decodeCalendar(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := ical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	out := map[string]string{}
	for _, ev := range cal.Events() {
		summary, _ := ev.Props.Text(ical.PropSummary)
		out[summary], _ = ev.Props.Text(ical.PropDescription)
	}
	return out
}

// eventAbout returns the description of the check-in event with name.
func eventAbout(events map[string]string, name string) (string, bool) {
	for summary, desc := range events {
		if strings.HasPrefix(summary, "Check in with "+name) {
			return desc, true
		}
	}
	return "", false
}

func loadCalendarSettings(t *testing.T, st *store.Store) calendar.Settings {
	t.Helper()
	s, err := calendar.Load(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// saveCalendarSettings checks and saves the calendar settings in one
// transaction, as the Settings screen does.
func saveCalendarSettings(st *store.Store, s calendar.Settings) error {
	return st.Update(context.Background(), func(tx *store.Tx) error { return calendar.SaveSettings(tx, s) })
}

func calendarSettingsScreen(t *testing.T) (*Main, *store.Store, *calendarSection) {
	t.Helper()
	m, st := newTestMain(t)
	m.Show(screenSettings)
	return m, st, m.settings.cal
}

func TestCalendarSettingsSaveValidValues(t *testing.T) {
	_, st, c := calendarSettingsScreen(t)
	if c.horizon.Text != "90d" || c.alarm.Text != "09:00" || c.rule.Text != calendar.DefaultReviewRule {
		t.Fatalf("a new database shows %q %q %q, want the defaults", c.horizon.Text, c.alarm.Text, c.rule.Text)
	}
	if !strings.HasPrefix(c.nextReviews.Text, "Mon 4 Jan 2027") {
		t.Errorf("next reviews = %q, want the first Monday of January 2027 first", c.nextReviews.Text)
	}
	for e, text := range map[*field]string{c.horizon: "6w", c.alarm: "07:30", c.rule: "FREQ=MONTHLY;BYDAY=1MO",
		c.url: "https://dav.example.com/cal/", c.user: "me"} {
		e.SetText("")
		test.Type(e, text)
	}
	test.Type(c.password, "app-secret")
	test.Tap(c.notes)
	test.Tap(c.after)
	if c.notesWarn.Importance != widget.WarningImportance {
		t.Error("including private notes does not raise the cloud warning")
	}
	if c.save.Disabled() {
		t.Fatalf("valid settings: save disabled: %q", c.reason.Text)
	}
	// BYDAY=1MO in a monthly rule is the first Monday of each month.
	if want := "Mon 7 Dec 2026  ·  Mon 4 Jan 2027  ·  Mon 1 Feb 2027"; c.nextReviews.Text != want {
		t.Errorf("next monthly reviews = %q, want %q", c.nextReviews.Text, want)
	}
	test.Tap(c.save)

	want := calendar.Settings{Horizon: crm.Span{N: 6, Unit: 'w'}, AlarmTime: "07:30", WithNotes: true,
		ReviewRule: "FREQ=MONTHLY;BYDAY=1MO", CalDAVURL: "https://dav.example.com/cal/", CalDAVUser: "me", PublishAfterChange: true}
	if got := loadCalendarSettings(t, st); got != want {
		t.Errorf("saved %+v, want %+v", got, want)
	}
	pw, err := calendar.Password(func(string) string { return "" }, "https://dav.example.com/cal/", "me")
	if err != nil || pw != "app-secret" {
		t.Errorf("keychain holds %q, %v; want the typed password", pw, err)
	}
	if c.password.Text != "" || c.passwordState.Text != "Saved in the OS keychain." {
		t.Errorf("after saving, the password field holds %q and says %q", c.password.Text, c.passwordState.Text)
	}
	if c.dirty() {
		t.Error("the fields still count as changed after saving")
	}
	for _, file := range []string{st.Path(), st.Path() + "-wal"} {
		if data, err := os.ReadFile(file); err == nil && strings.Contains(string(data), "app-secret") {
			t.Errorf("the password reached %s", filepath.Base(file))
		}
	}
}

func TestCalendarSettingsRefuseABadHorizonAtTheField(t *testing.T) {
	_, st, c := calendarSettingsScreen(t)
	c.horizon.SetText("")
	test.Type(c.horizon, "soon")
	c.alarm.SetText("9 am") // wrong too, but the horizon is named first
	if c.horizon.Validate() == nil {
		t.Error("the horizon field accepts \"soon\"")
	}
	if c.alarm.Validate() == nil {
		t.Error("the alarm field accepts \"9 am\"")
	}
	if !c.save.Disabled() || !strings.HasPrefix(c.reason.Text, "Horizon") {
		t.Errorf("save disabled=%v, reason %q; want disabled, naming the horizon", c.save.Disabled(), c.reason.Text)
	}
	c.onSave() // even forced, bad fields must not write
	test.Type(c.password, "app-secret")
	c.onPublish()
	if !strings.Contains(c.published.Text, "Horizon") {
		t.Errorf("publishing with a bad horizon says %q", c.published.Text)
	}
	_ = st.View(context.Background(), func(tx *store.Tx) error {
		for _, key := range []string{"calendar.horizon", "calendar.alarm_time", "calendar.review_rule"} {
			if v, ok, _ := tx.Setting(key); ok {
				t.Errorf("a refused save wrote %s = %q", key, v)
			}
		}
		return nil
	})
	if _, err := calendar.Password(func(string) string { return "" }, "", ""); err == nil {
		t.Error("a refused save put a password in the keychain")
	}
	// Publishing after every change needs somewhere to publish.
	c.horizon.SetText("90d")
	c.alarm.SetText("09:00")
	c.password.SetText("")
	test.Tap(c.after)
	if !c.save.Disabled() || !strings.Contains(c.reason.Text, "CalDAV URL") {
		t.Errorf("publish after change without a URL: save disabled=%v, reason %q", c.save.Disabled(), c.reason.Text)
	}
}

func TestCalendarSettingsWithoutAKeychainSaveNothing(t *testing.T) {
	_, st, c := calendarSettingsScreen(t)
	keyring.MockInitWithError(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))
	t.Cleanup(keyring.MockInit)
	test.Type(c.url, "https://dav.example.com/cal/")
	test.Type(c.user, "me")
	test.Type(c.password, "app-secret")
	test.Tap(c.save)
	if got := loadCalendarSettings(t, st); got != calendar.DefaultSettings() {
		t.Errorf("with no keychain the settings were saved anyway: %+v", got)
	}
	if c.password.Text != "app-secret" {
		t.Error("the typed password was thrown away; the user should not have to type it again")
	}
	if got := keychainError(errors.New("no secret service")).Error(); !strings.Contains(got, calendar.PasswordEnv) {
		t.Errorf("the keychain message does not offer %s: %q", calendar.PasswordEnv, got)
	}
}

func TestExportWritesACalendarThatDecodes(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	m.onExportChosen(m.calendarExport())(nil, nil) // cancelled: nothing happens
	path := filepath.Join(t.TempDir(), exportFileName)
	w := createFile(t, path)
	m.onExportChosen(m.calendarExport())(w, nil)
	if !w.closed {
		t.Error("the dialog's writer was left open")
	}
	events := decodeCalendar(t, path)
	if _, ok := eventAbout(events, "Priya Raman"); !ok {
		t.Errorf("the export lacks Priya's check-in: %v", events)
	}
	if _, ok := events["Quarterly relationship review"]; !ok {
		t.Errorf("the export lacks the review: %v", events)
	}
	if !strings.Contains(m.bar.label.Text, "Exported 2 events to "+path+".") {
		t.Errorf("bar says %q, want the full path %s", m.bar.label.Text, path)
	}
	// As `kith export ics --out` writes it: the file holds names.
	if fi, err := os.Stat(path); err != nil {
		t.Error(err)
	} else if fi.Mode().Perm() != 0o600 {
		t.Errorf("the exported file's mode is %v, want 0600", fi.Mode().Perm())
	}
}

func TestExportFailureIsShownAndTheWriterClosed(t *testing.T) {
	m, _ := newTestMain(t)
	path := filepath.Join(t.TempDir(), exportFileName)
	w := createFile(t, path)
	w.File.Close() // writing now fails
	m.writeExport(m.calendarExport(), w)
	if !w.closed {
		t.Error("the writer was not closed after a failure")
	}
	if strings.Contains(m.bar.label.Text, "Exported") {
		t.Errorf("a failed export reported success: %q", m.bar.label.Text)
	}
}

func TestLoggingAnInteractionRewritesTheLiveFile(t *testing.T) {
	m, st := newTestMain(t)
	live := filepath.Join(t.TempDir(), "Kith.ics")
	s := calendar.DefaultSettings()
	s.LiveFile = live
	if err := saveCalendarSettings(st, s); err != nil {
		t.Fatal(err)
	}
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	if _, err := os.Stat(live); !os.IsNotExist(err) {
		t.Fatalf("the live file exists before any change in the window (%v)", err)
	}
	f := newLogForm(m, []crm.Participant{{ContactID: priya, Name: "Priya Raman"}}, 0)
	f.show()
	test.Type(f.summary, "Promotion planning")
	test.Tap(f.save)
	desc, ok := eventAbout(decodeCalendar(t, live), "Priya Raman")
	if !ok || !strings.Contains(desc, "Promotion planning") {
		t.Errorf("after logging, Priya's event says %q (found %v); want the talk just logged", desc, ok)
	}
	if m.cal.strip.Visible() {
		t.Errorf("a good refresh shows the failure strip: %q", m.cal.message.Text)
	}
	// The live file's folder goes away: the next change is saved, and the
	// failure shows in the strip.
	if err := os.Remove(live); err != nil {
		t.Fatal(err)
	}
	s.LiveFile = filepath.Join(t.TempDir(), "gone", "Kith.ics")
	if err := saveCalendarSettings(st, s); err != nil {
		t.Fatal(err)
	}
	m.people.open(priya)
	m.people.page.setArchived(true)
	if !m.cal.strip.Visible() || !strings.Contains(m.cal.message.Text, "your change is saved") {
		t.Errorf("a failed refresh: strip shown=%v, %q", m.cal.strip.Visible(), m.cal.message.Text)
	}
	_ = st.View(context.Background(), func(tx *store.Tx) error {
		if c, err := tx.Contact(priya); err != nil || !c.Archived {
			t.Errorf("the archive was lost when the calendar failed: %+v, %v", c, err)
		}
		return nil
	})
}

func TestAfterChangeCoalescesBursts(t *testing.T) {
	m, _ := newTestMain(t)
	var queued []func()
	m.run = func(f func()) { queued = append(queued, f) }
	runs := 0
	m.cal.work = func() (string, error) {
		runs++
		if runs == 1 { // changes arriving while the first run works
			for range 5 {
				m.cal.afterChange()
			}
		}
		return "the live calendar file", nil
	}
	m.cal.afterChange()
	m.cal.afterChange() // before the first run starts: still one run
	if len(queued) != 1 {
		t.Fatalf("%d runs started, want 1", len(queued))
	}
	queued[0]()
	if runs != 2 {
		t.Errorf("work ran %d times, want the run plus one more for the burst", runs)
	}
	m.cal.afterChange()
	if len(queued) != 2 {
		t.Errorf("after the runs ended a change started %d runs in all, want 2", len(queued))
	}
}

func TestPublishNowShowsTheServersStatus(t *testing.T) {
	_, _, c := calendarSettingsScreen(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "wrong password", http.StatusUnauthorized)
	}))
	t.Cleanup(srv.Close)
	t.Setenv(calendar.PasswordEnv, "wrong")
	test.Type(c.url, srv.URL+"/cal/")
	test.Type(c.user, "me")
	test.Tap(c.publish)
	if !strings.Contains(c.published.Text, "401") || !strings.Contains(c.published.Text, "app password") {
		t.Errorf("publishing with a wrong password says %q; want the 401 and a hint", c.published.Text)
	}
	if c.publish.Disabled() || c.publishing.Visible() {
		t.Error("the publish button and progress did not come back after the failure")
	}
}

func TestLiveFileChosenStopped(t *testing.T) {
	m, st, c := calendarSettingsScreen(t)
	addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	c.alarm.SetText("25:00") // an unsaved, wrong edit elsewhere is not saved with the live file
	path := filepath.Join(t.TempDir(), "Kith.ics")
	w := createFile(t, path)
	c.onLiveChosen(w)
	if !w.closed {
		t.Error("the dialog's writer was left open")
	}
	if got := loadCalendarSettings(t, st); got.LiveFile != path || got.AlarmTime != "09:00" {
		t.Errorf("after choosing the live file the settings are %+v", got)
	}
	if _, ok := eventAbout(decodeCalendar(t, path), "Priya Raman"); !ok {
		t.Error("choosing the live file did not write it")
	}
	if c.livePath.Text != path || c.alarm.Text != "25:00" {
		t.Errorf("the screen shows %q and alarm %q", c.livePath.Text, c.alarm.Text)
	}
	os.Remove(path)
	c.writeLiveNow()
	if _, err := os.Stat(path); err != nil || !strings.HasPrefix(c.liveStatus.Text, "Written") {
		t.Errorf("write now: %v, status %q", err, c.liveStatus.Text)
	}
	c.stopLiveFile()
	if got := loadCalendarSettings(t, st); got.LiveFile != "" {
		t.Errorf("stop left the live file %q", got.LiveFile)
	}
	os.Remove(path)
	addPerson(t, st, "Sam Lee", "", crm.RoleCoach, "2026-01-10")
	m.cal.afterChange()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("after Stop the file was written again")
	}
	if c.livePath.Text != "None chosen" || !c.liveWrite.Disabled() {
		t.Errorf("after Stop the screen shows %q", c.livePath.Text)
	}
}
