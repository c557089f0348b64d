package ui

import (
	"encoding/csv"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// bookAt makes a closed Kith database at path holding the named people.
func bookAt(t *testing.T, path string, people ...string) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.SetToday(crmtest.Date(testToday))
	for _, name := range people {
		addPerson(t, st, name, "", crm.RoleMentor, "2026-01-10")
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// newMainOnBook opens the window, as newTestMain does, on a database that
// was there before (one made today is not backed up until the next day).
func newMainOnBook(t *testing.T, people ...string) (*Main, *store.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kith.db")
	bookAt(t, path, people...)
	return newMainAt(t, path)
}

func TestSettingsShowsTheDailyBackupAndOpensItsFolder(t *testing.T) {
	m, st := newMainOnBook(t, "Ana Lopez")
	m.Show(screenSettings)
	db := m.settings.db
	if !strings.HasPrefix(db.last.Text, "No backup yet") {
		t.Errorf("before any backup Settings says %q", db.last.Text)
	}
	m.dailyBackup()
	day := time.Now().Format("2006-01-02")
	if !strings.HasPrefix(db.last.Text, "Last backup: ") || !strings.Contains(db.last.Text, "(kith-"+day+".db)") || db.failed.Visible() {
		t.Errorf("after the daily backup Settings says %q (failure shown: %v)", db.last.Text, db.failed.Visible())
	}
	var opened *url.URL
	m.openURL = func(u *url.URL) error { opened = u; return nil }
	test.Tap(db.folder)
	want := store.BackupDir(st.Path())
	if opened == nil || opened.Scheme != "file" || opened.Path != filepath.ToSlash(want) {
		t.Errorf("Open backups folder opened %v, want file://%s", opened, want)
	}
	test.Tap(db.backup)
	if !strings.HasPrefix(m.bar.label.Text, "Backed up to "+filepath.Join(want, "kith-backup-")) {
		t.Errorf("Back up now says %q", m.bar.label.Text)
	}
	if !strings.Contains(db.last.Text, "kith-backup-") {
		t.Errorf("after Back up now Settings says %q", db.last.Text)
	}
	assertButtons(t, m.settings.root, true, "Back up now", "Open backups folder", "Restore…")
}

// A failed daily backup leaves the window working and says so.
func TestAFailedDailyBackupIsShown(t *testing.T) {
	m, st := newMainOnBook(t, "Ana Lopez")
	if err := os.WriteFile(store.BackupDir(st.Path()), []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	m.Show(screenSettings)
	m.dailyBackup()
	if m.backupErr == nil || !m.settings.db.failed.Visible() || !strings.Contains(m.settings.db.failed.Text, "backup failed") {
		t.Errorf("a failed backup: err %v, Settings %q", m.backupErr, m.settings.db.failed.Text)
	}
	if !strings.Contains(m.bar.label.Text, "backup failed") {
		t.Errorf("the bar says %q", m.bar.label.Text)
	}
}

func TestRestoreFromSettings(t *testing.T) {
	m, st := newMainOnBook(t, "Current Person")
	backup := filepath.Join(t.TempDir(), "old.db")
	bookAt(t, backup, "Restored Person", "Second Restored")
	m.Show(screenSettings)

	m.settings.db.confirmRestore(backup)
	assertShows(t, m.win.Canvas().Overlays().Top(), "Restore this backup?")
	tapDialogButton(t, m, "Restore")
	if !strings.HasPrefix(m.bar.label.Text, "Restored "+backup+". The database it replaced is kept as "+store.BackupDir(st.Path())) {
		t.Errorf("the bar says %q", m.bar.label.Text)
	}
	if m.Current() != screenSettings {
		t.Errorf("after restoring the window shows screen %d", m.Current())
	}
	m.Show(screenPeople)
	if got := m.people.names(); !slices.Equal(got, []string{"Restored Person", "Second Restored"}) {
		t.Errorf("after restoring People lists %v", got)
	}
	addPerson(t, st, "Added After", "", "", "2026-11-01") // the store works on the restored file
}

func TestRestoreRefusesAFileThatIsNotKiths(t *testing.T) {
	m, st := newMainOnBook(t, "Current Person")
	notes := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notes, []byte(strings.Repeat("not a database\n", 20)), 0o600)
	before, _ := os.ReadFile(st.Path())
	m.settings.db.confirmRestore(notes)
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog says why the file was refused")
	}
	shown := strings.Join(shownTexts(top), " ")
	if !strings.Contains(shown, "Not restored") || !strings.Contains(shown, notes) || !strings.Contains(shown, "not a Kith database") {
		t.Errorf("the refusal shows %q", shown)
	}
	if after, _ := os.ReadFile(st.Path()); string(after) != string(before) {
		t.Error("a refused restore changed the database")
	}
	m.Show(screenPeople)
	if got := m.people.names(); !slices.Equal(got, []string{"Current Person"}) {
		t.Errorf("after a refused restore People lists %v", got)
	}
}

func TestExportPeopleAsCSV(t *testing.T) {
	m, _ := newMainOnBook(t, "Ana Lopez", "=Formula Person")
	path := filepath.Join(t.TempDir(), peopleCSVName)
	f, err := os.Create(path) // as the save dialog does: readable by others until Kith says otherwise
	if err != nil {
		t.Fatal(err)
	}
	m.writeExport(m.peopleCSVExport(), reportFile{f})
	if m.bar.label.Text != "Exported 2 people to "+path+"." {
		t.Errorf("the bar says %q", m.bar.label.Text)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the export's mode: %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	data, _ := os.ReadFile(path)
	recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil || len(recs) != 3 || recs[0][0] != "name" {
		t.Fatalf("the export reads back as %q, %v", recs, err)
	}
	if recs[1][0] != "'=Formula Person" || recs[2][0] != "Ana Lopez" {
		t.Errorf("rows %q", recs[1:])
	}
}
