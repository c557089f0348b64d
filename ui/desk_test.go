package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// recordingTray stands in for the operating system's tray, which the test
// app has none of: it keeps the last menu Kith gave it.
type recordingTray struct {
	menu *fyne.Menu
	icon fyne.Resource
	win  fyne.Window
}

func (r *recordingTray) SetSystemTrayMenu(m *fyne.Menu)    { r.menu = m }
func (r *recordingTray) SetSystemTrayIcon(i fyne.Resource) { r.icon = i }
func (r *recordingTray) SetSystemTrayWindow(w fyne.Window) { r.win = w }
func (r *recordingTray) labels() (out []string) {
	for _, it := range r.menu.Items {
		out = append(out, it.Label)
	}
	return out
}

// tenLatePeople adds ten mentees each one day less late than the last:
// met from 1 August on, a 30-day cadence, so 86 days late and fewer.
func tenLatePeople(t *testing.T, m *Main) []int64 {
	var ids []int64
	for i := range 10 {
		met := crm.DateOf(time.Date(2026, 8, 1+i, 0, 0, 0, 0, time.UTC)).String()
		ids = append(ids, addPerson(t, m.st, fmt.Sprintf("Person %02d", i), "", crm.RoleMentee, met))
	}
	return ids
}

func TestTrayMenuListsTheMostOverdueFirstThenHowManyMore(t *testing.T) {
	m, _ := newTestMain(t)
	ids := tenLatePeople(t, m)
	tray := &recordingTray{}
	m.desk.tray = tray
	m.desk.refreshTray()
	got := tray.labels()
	want := []string{"10 check-ins due"}
	for i := range trayItems {
		want = append(want, fmt.Sprintf("Person %02d · %d days late", i, 86-i))
	}
	want = append(want, "and 2 more on Today…", "", "Log interaction…", "Open Kith", "", "Quit")
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("tray menu:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	m.Show(screenSettings)
	tray.menu.Items[3].Action() // the third person
	if m.current != screenPeople || m.people.page.d == nil || m.people.page.d.ID != ids[2] {
		t.Errorf("the tray's third person opened screen %d, person %v", m.current, m.people.page.d)
	}
	// Logging with the first person brings them off the list.
	m.save(func(tx *store.Tx) error {
		return tx.LogInteraction(&crm.Interaction{Date: crmtest.Date(testToday), Kind: crm.KindCall,
			Summary: "Caught up", Participants: []crm.Participant{{ContactID: ids[0]}}})
	}, nil)
	if got := tray.labels(); got[0] != "9 check-ins due" || got[1] != "Person 01 · 85 days late" {
		t.Errorf("after logging with Person 00 the tray shows %q", got[:2])
	}
}

func TestTrayMenuOfAQuietDaySaysSo(t *testing.T) {
	m, _ := newTestMain(t)
	tray := &recordingTray{}
	m.desk.tray = tray
	m.desk.refreshTray()
	if got := strings.Join(tray.labels(), "|"); got != "Nobody is waiting today||Log interaction…|Open Kith||Quit" {
		t.Errorf("an empty book's tray menu is %q", got)
	}
}

// at fixes the desk's clock at a local time on the test's today.
func at(m *Main, hhmm string) {
	tm, err := time.ParseInLocation("2006-01-02 15:04", testToday+" "+hhmm, time.Local)
	if err != nil {
		panic(err)
	}
	m.desk.now = func() time.Time { return tm }
}

func TestDailyNotificationOnceFromItsHourWithNamesOnly(t *testing.T) {
	m, _ := newTestMain(t)
	ids := tenLatePeople(t, m)
	// A private note on the first person must not reach the notification.
	mustUpdate(t, m.st, func(tx *store.Tx) error {
		return tx.LogInteraction(&crm.Interaction{Date: crmtest.Date("2026-08-01"), Kind: crm.KindCall,
			Summary: "secret summary", Notes: "private note", Participants: []crm.Participant{{ContactID: ids[0]}}})
	})
	p := fyne.CurrentApp().Preferences()
	p.SetString(prefNudgeLast, "2026-11-24")

	at(m, "08:59")
	test.AssertNotificationSent(t, nil, m.desk.check) // before nine: nothing yet
	at(m, "09:00")
	test.AssertNotificationSent(t, fyne.NewNotification("Kith", "10 check-ins due: Person 00, Person 01 and 8 more"), m.desk.check)
	at(m, "15:00")
	test.AssertNotificationSent(t, nil, m.desk.check) // once a day
	if got := p.String(prefNudgeLast); got != testToday {
		t.Errorf("the day sent is recorded as %q", got)
	}
}

func TestStartingLateSendsOneSummaryForTheDaysMissed(t *testing.T) {
	m, _ := newTestMain(t)
	tenLatePeople(t, m)
	p := fyne.CurrentApp().Preferences()
	p.SetString(prefNudgeLast, "2026-11-18") // a week closed
	p.SetInt(prefNudgeHour, 8)
	at(m, "11:30")
	test.AssertNotificationSent(t, fyne.NewNotification("Kith", "10 check-ins due: Person 00, Person 01 and 8 more"), m.desk.check)
	test.AssertNotificationSent(t, nil, m.desk.check)
	test.AssertNotificationSent(t, nil, m.desk.tick)
}

func TestNoNotificationWhenOffOrNothingIsDue(t *testing.T) {
	m, _ := newTestMain(t)
	p := fyne.CurrentApp().Preferences()
	at(m, "10:00")
	test.AssertNotificationSent(t, nil, m.desk.check) // nothing due
	if p.String(prefNudgeLast) != testToday {
		t.Error("a quiet day is not marked as told")
	}
	tenLatePeople(t, m)
	p.SetString(prefNudgeLast, "")
	p.SetInt(prefNudgeHour, -1)
	test.AssertNotificationSent(t, nil, m.desk.check) // switched off
}

func TestWindowTitleNamesADatabaseOtherThanTheDefault(t *testing.T) {
	home, _ := os.UserHomeDir()
	def := filepath.Join(home, ".config", "Kith", "kith.db")
	for path, want := range map[string]string{
		def:                                     "Kith",
		"":                                      "Kith",
		filepath.Join(home, "books", "work.db"): "Kith — work.db (" + filepath.Join("~", "books") + ")",
		filepath.Join(home, "kith.db"):          "Kith — kith.db (~)",
		"/srv/shared/kith.db":                   "Kith — kith.db (/srv/shared)",
	} {
		if got := windowTitle(path, def); got != want {
			t.Errorf("windowTitle(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestWindowRemembersTheLastScreenByName(t *testing.T) {
	m, _ := newTestMain(t)
	m.Show(screenFind)
	m.remember()
	if got := fyne.CurrentApp().Preferences().String(prefScreen); got != "Find" {
		t.Errorf("remembered screen %q, want Find", got)
	}
	if screenNamed("Find") != screenFind || screenNamed("Review") != screenReview || screenNamed("Gone") != screenToday {
		t.Error("screens are not found by name, or an unknown name does not open Today")
	}
}

func TestNoDisplayIsSaidBeforeAnyWindow(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	err := CheckDisplay(env(nil))
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		if err != nil {
			t.Errorf("on %s: %v", runtime.GOOS, err)
		}
		return
	}
	if err == nil || !strings.Contains(err.Error(), "kith help") {
		t.Errorf("with no display: %v", err)
	}
	for _, v := range []map[string]string{{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}} {
		if err := CheckDisplay(env(v)); err != nil {
			t.Errorf("with %v: %v", v, err)
		}
	}
}
