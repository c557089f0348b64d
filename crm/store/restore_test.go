package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// tree reads every file under dir, by path relative to it.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// closedBook makes a closed Kith database at path holding the named people.
func closedBook(t *testing.T, path string, people ...string) {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.SetToday(crmtest.Date("2026-11-25"))
	for _, name := range people {
		addContact(t, st, crm.Contact{Name: name, Notes: strings.Repeat("a long note ", 200)})
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// peopleIn lists the names in the database at path, read through a
// read-only store.
func peopleIn(t *testing.T, path string) string {
	t.Helper()
	st, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out []string
	view(t, st, func(tx *Tx) error {
		list, err := tx.ListContacts(crm.ContactFilter{})
		for _, c := range list {
			out = append(out, c.Name)
		}
		return err
	})
	return strings.Join(out, ", ")
}

var restoreNow = time.Date(2026, 11, 25, 10, 11, 12, 0, time.Local)

// Every file Restore is offered that is not a Kith database this Kith can
// open is refused, naming the file and the reason, and nothing changes:
// not the database, not its folder, not the file offered.
func TestRestoreRefusesWhatIsNotAKithDatabase(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	closedBook(t, good, "Ana Lopez", "Ben Okafor", "Chen Wei")
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	page := 4096
	if len(goodBytes) < 8*page {
		t.Fatalf("the sample database is only %d bytes", len(goodBytes))
	}
	cases := []struct {
		name, reason string
		make         func(path string) error
	}{
		{"text.db", "not even an SQLite file", func(p string) error { return os.WriteFile(p, []byte("name,email\nAna,ana@example.com\n"), 0o600) }},
		{"empty.db", "it is empty", func(p string) error { return os.WriteFile(p, nil, 0o600) }},
		{"truncated.db", "damaged", func(p string) error { return os.WriteFile(p, goodBytes[:len(goodBytes)/2], 0o600) }},
		{"flipped.db", "damaged", func(p string) error {
			b := append([]byte(nil), goodBytes...)
			mid := (len(b) / page / 2) * page
			for i := mid; i < mid+page; i++ {
				b[i] ^= 0x5a
			}
			return os.WriteFile(p, b, 0o600)
		}},
		{"other-app.db", "no schema_migrations table", func(p string) error {
			return withSQL(p, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi')")
		}},
		{"golang-migrate.db", "not Kith's", func(p string) error {
			return withSQL(p, "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (20240101, 0)")
		}},
		{"newer.db", "newer version of Kith", func(p string) error {
			closedBook(t, p, "Ana Lopez")
			return withSQL(p, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ("+
				itoa(SchemaVersion()+1)+", '9999_future.sql', '2030-01-01T00:00:00Z')")
		}},
		{"missing.db", "no such file", func(string) error { return nil }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home, elsewhere := t.TempDir(), t.TempDir()
			db := filepath.Join(home, "kith.db")
			closedBook(t, db, "Current Person")
			file := filepath.Join(elsewhere, c.name)
			if err := c.make(file); err != nil {
				t.Fatal(err)
			}
			before, offered := tree(t, home), tree(t, elsewhere)
			_, err := Restore(context.Background(), db, file, restoreNow)
			if err == nil {
				t.Fatal("restored")
			}
			t.Log(err)
			if !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), c.reason) {
				t.Errorf("the refusal should name %s and say %q: %v", file, c.reason, err)
			}
			if code := crm.ErrorCode(err); code != crm.EInvalid && code != crm.ENewer {
				t.Errorf("a refusal should be a *crm.Error, got %v (%T)", err, err)
			}
			if after := tree(t, home); !equalSnapshots(before, after) {
				t.Errorf("the database's folder changed:\nbefore %v\nafter  %v", keys(before), keys(after))
			}
			if after := tree(t, elsewhere); !equalSnapshots(offered, after) {
				t.Errorf("the offered file's folder changed:\nbefore %v\nafter  %v", keys(offered), keys(after))
			}
			if _, err := CheckDatabase(context.Background(), file); err == nil {
				t.Error("CheckDatabase accepts what Restore refused")
			}
		})
	}
}

func itoa(n int) string { return fmt.Sprint(n) }

// withSQL runs statements on a plain SQLite file, creating it.
func withSQL(path, stmts string) error {
	db, err := sql.Open("sqlite3", fileURI(path))
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(stmts)
	return err
}

// crashed leaves at dir/kith.db the files of a Kith that stopped without
// closing: the main file and a -wal holding the last changes, which are
// not in the main file yet.
func crashed(t *testing.T, dir string) {
	t.Helper()
	live := filepath.Join(t.TempDir(), "kith.db")
	closedBook(t, live, "Ana Lopez")
	st, err := Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetToday(crmtest.Date("2026-11-25"))
	addContact(t, st, crm.Contact{Name: "Only In The WAL"})
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(live+suffix, filepath.Join(dir, "kith.db"+suffix)); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "kith.db-wal")); err != nil || fi.Size() == 0 {
		t.Fatalf("the crashed database has no -wal to test with: %v", err)
	}
}

// A restore next to a stale -wal: the old database is kept whole (its
// -wal's changes included), the -wal is gone, and the restored file opens
// sound and holds exactly what the backup held.
func TestRestoreNextToAStaleWAL(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kith.db")
	crashed(t, dir)
	backup := filepath.Join(t.TempDir(), "kith-2026-11-20.db")
	closedBook(t, backup, "Restored Person", "Second Restored")
	offered := tree(t, filepath.Dir(backup))

	res, err := Restore(context.Background(), db, backup, restoreNow)
	if err != nil {
		t.Fatal(err)
	}
	wantPrev := filepath.Join(dir, "backups", "kith-before-restore-2026-11-25-101112.db")
	if res.Database != db || res.Previous != wantPrev || res.From.People != 2 || res.From.Schema != SchemaVersion() {
		t.Errorf("Restore said %+v", res)
	}
	if got := names(t, dir); strings.Join(got, " ") != "backups kith.db" {
		t.Errorf("beside the restored database: %v, want only it and the backups folder", got)
	}
	mustBeKith(t, db, 2)
	if got := peopleIn(t, db); got != "Restored Person, Second Restored" {
		t.Errorf("the restored database holds %q", got)
	}
	if got := peopleIn(t, res.Previous); got != "Ana Lopez, Only In The WAL" {
		t.Errorf("the database kept before the restore holds %q, want its -wal's changes too", got)
	}
	for _, p := range []string{db, res.Previous} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600", p, fi.Mode().Perm(), err)
		}
	}
	if after := tree(t, filepath.Dir(backup)); !equalSnapshots(offered, after) {
		t.Errorf("restoring changed the backup's folder: %v", keys(after))
	}
	// The restored database is Kith's to use again.
	st, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.SetToday(crmtest.Date("2026-11-25"))
	addContact(t, st, crm.Contact{Name: "After The Restore"})
	st.Close()
	mustBeKith(t, db, 3)
}

// A database another Kith has open is not replaced under it.
func TestRestoreRefusesADatabaseInUse(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kith.db")
	closedBook(t, db, "Current Person")
	other, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	backup := filepath.Join(t.TempDir(), "b.db")
	closedBook(t, backup, "Restored Person")
	main, _ := os.ReadFile(db)
	files := names(t, dir)

	_, err = Restore(context.Background(), db, backup, restoreNow)
	if crm.ErrorCode(err) != crm.EConflict || !strings.Contains(err.Error(), db) {
		t.Fatalf("restoring a database in use: %v, want a conflict naming it", err)
	}
	if now, _ := os.ReadFile(db); string(now) != string(main) {
		t.Error("the database in use changed")
	}
	if got := names(t, dir); strings.Join(got, " ") != strings.Join(files, " ") {
		t.Errorf("files beside it: %v, were %v", got, files)
	}
}

// The window restores the database it has open: the store reopens on the
// restored file and carries on.
func TestStoreRestoreReopens(t *testing.T) {
	dir := t.TempDir()
	st := reopened(t, dir)
	st.SetToday(crmtest.Date("2026-11-25"))
	addContact(t, st, crm.Contact{Name: "Unsaved Elsewhere"})
	backup := filepath.Join(t.TempDir(), "b.db")
	closedBook(t, backup, "Restored Person")

	res, err := st.Restore(context.Background(), backup, restoreNow)
	if err != nil {
		t.Fatal(err)
	}
	var list []crm.ContactSummary
	view(t, st, func(tx *Tx) (err error) { list, err = tx.ListContacts(crm.ContactFilter{}); return err })
	if len(list) != 1 || list[0].Name != "Restored Person" {
		t.Errorf("after the restore the store reads %+v", list)
	}
	addContact(t, st, crm.Contact{Name: "Added After"})
	if got := peopleIn(t, res.Previous); got != "Ana Lopez, Unsaved Elsewhere" {
		t.Errorf("kept before the restore: %q", got)
	}
	// A refused file leaves the store working on its database.
	if _, err := st.Restore(context.Background(), filepath.Join(dir, "nowhere.db"), restoreNow); err == nil {
		t.Fatal("restored a missing file")
	}
	addContact(t, st, crm.Contact{Name: "Still Working"})
}

// A file with a -wal beside it (copied from a running Kith) is restored
// with the -wal's changes, and nothing appears beside it.
func TestRestoreFromAFileWithItsWAL(t *testing.T) {
	elsewhere := t.TempDir()
	crashed(t, elsewhere)
	file := filepath.Join(elsewhere, "kith.db")
	offered := tree(t, elsewhere)
	db := filepath.Join(t.TempDir(), "new", "kith.db")

	res, err := Restore(context.Background(), db, file, restoreNow)
	if err != nil {
		t.Fatal(err)
	}
	if res.Previous != "" || res.From.People != 2 {
		t.Errorf("restoring where there was no database: %+v", res)
	}
	if got := peopleIn(t, db); got != "Ana Lopez, Only In The WAL" {
		t.Errorf("restored %q, want the -wal's changes too", got)
	}
	if after := tree(t, elsewhere); !equalSnapshots(offered, after) {
		t.Errorf("the offered file's folder changed: %v", keys(after))
	}
}

func TestGateTurnsAwayWhileRestoring(t *testing.T) {
	var g gate
	if err := g.enter(); err != nil {
		t.Fatal(err)
	}
	shut := make(chan bool)
	go func() { shut <- g.shut() }()
	select {
	case <-shut:
		t.Fatal("shut did not wait for the transaction under way")
	case <-time.After(50 * time.Millisecond):
	}
	g.leave()
	if !<-shut {
		t.Fatal("shut refused")
	}
	if err := g.enter(); err != errRestoring {
		t.Errorf("during a restore enter = %v", err)
	}
	if g.shut() {
		t.Error("a second restore got in")
	}
	g.open(nil)
	if err := g.enter(); err != nil {
		t.Errorf("after the restore enter = %v", err)
	}
	g.leave()
}

// A backup from an older Kith is accepted, and upgraded as the store reopens it.
func TestRestoreAnOlderBackupUpgradesIt(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	st := reopened(t, t.TempDir())
	old := filepath.Join(t.TempDir(), "old.db")
	closedWithAContact(t, old, ms[:len(ms)-1])
	res, err := st.Restore(context.Background(), old, restoreNow)
	if err != nil {
		t.Fatal(err)
	}
	if res.From.Schema != len(ms)-1 {
		t.Errorf("the backup's schema read as %d, want %d", res.From.Schema, len(ms)-1)
	}
	var v int
	if err := st.rw.QueryRow("SELECT max(version) FROM schema_migrations").Scan(&v); err != nil || v != len(ms) {
		t.Errorf("after restoring, the schema is %d (%v), want %d", v, err, len(ms))
	}
	addContact(t, st, crm.Contact{Name: "After The Upgrade"})
}
