package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// at is noon, local time, on day.
func at(day string) time.Time {
	d := crmtest.Date(day).Time()
	return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, time.Local)
}

// names lists the files of dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// mustBeKith checks a file is a whole Kith database holding at least want contacts.
func mustBeKith(t *testing.T, path string, want int) {
	t.Helper()
	info, err := CheckDatabase(context.Background(), path)
	if err != nil {
		t.Fatalf("%s is not a sound Kith database: %v", path, err)
	}
	if info.People < want || info.Schema != SchemaVersion() {
		t.Errorf("%s: %+v, want at least %d people at schema %d", path, info, want, SchemaVersion())
	}
}

func TestDailyBackupOnceADayPrivate(t *testing.T) {
	usualUmask(t) // a usual umask would leave a new file world-readable
	dir := t.TempDir()
	st := reopened(t, dir)
	ctx := context.Background()
	made, err := st.DailyBackup(ctx, at("2026-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "backups", "kith-2026-11-25.db")
	if made != want {
		t.Fatalf("daily backup at %q, want %q", made, want)
	}
	mustBeKith(t, made, 1)
	for path, mode := range map[string]os.FileMode{made: 0o600, filepath.Dir(made): 0o700} {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v (%v), want %v", path, fi.Mode().Perm(), err, mode)
		}
	}
	before, _ := os.ReadFile(made)
	again, err := st.DailyBackup(ctx, at("2026-11-25").Add(6*time.Hour))
	if err != nil || again != "" {
		t.Errorf("a second backup on the same day: %q, %v; want none", again, err)
	}
	if after, _ := os.ReadFile(made); string(after) != string(before) {
		t.Error("the second call rewrote the day's backup")
	}
	if got := names(t, filepath.Dir(made)); len(got) != 1 {
		t.Errorf("backups folder holds %v, want the one backup", got)
	}
	last, err := LastBackup(st.Path())
	if err != nil || last.Path != made {
		t.Errorf("LastBackup = %+v, %v; want %s", last, err, made)
	}
}

// A database created today has nothing worth a backup yet; a window left
// open on it makes one the next day.
func TestNoDailyBackupOfANewDatabase(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	made, err := st.DailyBackup(context.Background(), time.Now())
	if err != nil || made != "" {
		t.Fatalf("backup of a database created just now: %q, %v", made, err)
	}
	if exists(BackupDir(st.Path())) {
		t.Error("a backups folder appeared for a new, empty database")
	}
	if last, err := LastBackup(st.Path()); err != nil || last.Path != "" {
		t.Errorf("LastBackup with no backups = %+v, %v", last, err)
	}
	tomorrow := time.Now().AddDate(0, 0, 1)
	if made, err := st.DailyBackup(context.Background(), tomorrow); err != nil || made == "" {
		t.Errorf("the next day: %q, %v; want a backup", made, err)
	}
}

// Sixty days of daily use, ending on Wednesday 4 March 2026, leave the
// seven newest days and, of the older ones, the newest of each of four ISO
// weeks: Wednesday 25 February (its ISO week, 23 February to 1 March,
// runs into the dailies, which start on the 26th), then the Sundays before.
// Backups made on request, before a restore, of another database, or
// anything else in the folder are left alone, and so is a fresh temporary
// file; a stale one a crash left is cleared.
func TestRotationKeepsSevenDaysAndFourWeeks(t *testing.T) {
	dir := t.TempDir()
	st := reopened(t, dir)
	bdir := BackupDir(st.Path())
	if err := os.MkdirAll(bdir, 0o700); err != nil {
		t.Fatal(err)
	}
	others := []string{"kith-backup-2026-01-02-101010.db", "kith-before-restore-2026-01-03-101010.db",
		"work-2026-01-01.db", "notes.txt", "kith-2026-1-1.db"}
	for _, name := range append(others, ".kith-stale.tmp", ".kith-fresh.tmp") {
		if err := os.WriteFile(filepath.Join(bdir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := at("2025-12-01")
	os.Chtimes(filepath.Join(bdir, ".kith-stale.tmp"), long, long)
	fresh := at("2026-03-04").Add(-time.Hour)
	os.Chtimes(filepath.Join(bdir, ".kith-fresh.tmp"), fresh, fresh)

	day := crmtest.Date("2026-01-04")
	for ; !day.After(crmtest.Date("2026-03-04")); day = day.AddDays(1) {
		if _, err := st.DailyBackup(context.Background(), at(day.String())); err != nil {
			t.Fatalf("%s: %v", day, err)
		}
	}
	want := append([]string{".kith-fresh.tmp"}, others...)
	for _, d := range []string{"02-08", "02-15", "02-22", "02-25", "02-26", "02-27", "02-28", "03-01", "03-02", "03-03", "03-04"} {
		want = append(want, "kith-2026-"+d+".db")
	}
	sort.Strings(want)
	if got := names(t, bdir); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("after rotation:\n got %v\nwant %v", got, want)
	}
}

// With Kith opened now and then, the seven newest days are whichever days
// it ran, and a week with several days keeps its newest.
func TestKeepDaysSparseUse(t *testing.T) {
	var days []crm.Date
	for _, s := range []string{"2026-01-05", "2026-01-07", "2026-01-09", "2026-01-20", "2026-01-21", "2026-02-02",
		"2026-02-16", "2026-02-18", "2026-03-02", "2026-03-09", "2026-03-10", "2026-03-20", "2026-04-01", "2026-04-02", "2026-04-03"} {
		days = append(days, crmtest.Date(s))
	}
	keep := keepDays(days)
	var got []string
	for _, d := range days {
		if keep[d] {
			got = append(got, d.String())
		}
	}
	// Dailies: 03-02 onwards (7 days). Weeks among the rest, newest first:
	// 02-18 (week 8, which 02-16 shares), 02-02 (week 6), 01-21 (week 4, with
	// 01-20), 01-09 (week 2, with 01-05 and 01-07).
	want := "2026-01-09 2026-01-21 2026-02-02 2026-02-18 2026-03-02 2026-03-09 2026-03-10 2026-03-20 2026-04-01 2026-04-02 2026-04-03"
	if strings.Join(got, " ") != want {
		t.Errorf("kept %v\nwant %s", got, want)
	}
}

// Backups taken while another connection (as another Kith would) writes in
// a loop are each a sound Kith database.
func TestBackupDuringConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	st := reopened(t, dir)
	writer, err := Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	writer.SetToday(crmtest.Date("2026-11-25"))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var written int
	var werr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			c := crm.Contact{Name: "Writer " + time.Now().Format("150405.000000000"), Notes: strings.Repeat("n", 2000)}
			if err := writer.Update(context.Background(), func(tx *Tx) error { return tx.AddContact(&c) }); err != nil {
				werr = err
				return
			}
			written++
		}
	}()
	var backups []string
	for i := 0; i < 8; i++ {
		dest := filepath.Join(dir, "copy-"+string(rune('a'+i))+".db")
		if err := st.Backup(context.Background(), dest); err != nil {
			t.Fatal(err)
		}
		backups = append(backups, dest)
		time.Sleep(20 * time.Millisecond)
	}
	daily, err := st.DailyBackup(context.Background(), at("2026-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	close(stop)
	wg.Wait()
	if werr != nil && !errors.Is(werr, context.Canceled) {
		t.Fatalf("the writer failed: %v", werr)
	}
	if written < 10 {
		t.Fatalf("only %d writes happened during the backups", written)
	}
	for _, b := range append(backups, daily) {
		mustBeKith(t, b, 1)
		cp, err := Open(b)
		if err != nil {
			t.Fatalf("%s does not open as a Kith database: %v", b, err)
		}
		cp.Close()
	}
	t.Logf("%d writes during %d backups", written, len(backups)+1)
}

// TestBackupNamesKeepDatabasesApart: two databases in one folder, kith.db
// and kith.sqlite, must not share (and rotate away) each other's backups.
func TestBackupNamesKeepDatabasesApart(t *testing.T) {
	for path, want := range map[string]string{
		"/x/kith.db":     "kith",
		"/x/kith.sqlite": "kith.sqlite",
		"/x/work":        "work",
	} {
		if got := backupBase(path); got != want {
			t.Errorf("backupBase(%q) = %q, want %q", path, got, want)
		}
	}
}
