package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
)

// Anything but an empty file or Kith's own is refused by Open and by
// OpenReadOnly, naming the file, and the folder is left as it was: the file
// byte for byte, no -wal, -shm or -journal beside it.
func TestOpenRefusesWhatIsNotAKithBook(t *testing.T) {
	random := make([]byte, 8192)
	rand.Read(random)
	cases := map[string]struct {
		make func(t *testing.T, path string)
		says string
	}{
		"text":         {func(t *testing.T, p string) { write(t, p, []byte(strings.Repeat("not a database\n", 50))) }, "not an SQLite database"},
		"random bytes": {func(t *testing.T, p string) { write(t, p, random) }, "not an SQLite database"},
		"header cut short": {func(t *testing.T, p string) {
			write(t, p, append([]byte(nil), sqliteMagic...))
		}, "truncated"},
		"truncated book": {func(t *testing.T, p string) {
			closedBook(t, p, "Ana Lopez", "Ben Okafor")
			if err := os.Truncate(p, 3*4096); err != nil {
				t.Fatal(err)
			}
		}, "truncated"},
		"a folder": {func(t *testing.T, p string) {
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "folder"},
		"another app's SQLite with contacts": {func(t *testing.T, p string) {
			mustSQL(t, p, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO contacts (email) VALUES ('a@example.com')")
		}, "another program's SQLite database (tables contacts)"},
		"another app's SQLite": {func(t *testing.T, p string) {
			mustSQL(t, p, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')")
		}, "another program's"},
		"another app's schema_migrations": {func(t *testing.T, p string) {
			mustSQL(t, p, "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101'); CREATE TABLE users (id INTEGER)")
		}, "another program's"},
		"another app's WAL database": {func(t *testing.T, p string) {
			mustSQL(t, p, "PRAGMA journal_mode=WAL; CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')")
		}, "another program's"},
		"a -wal without its -shm": {func(t *testing.T, p string) {
			dir := t.TempDir()
			src := filepath.Join(dir, "other.db")
			// Another program killed before its first checkpoint: its
			// tables are only in the -wal.
			db, err := sql.Open("sqlite3", fileURI(src)+"?_journal_mode=WAL")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')"); err != nil {
				t.Fatal(err)
			}
			for _, suffix := range []string{"", "-wal"} {
				b, err := os.ReadFile(src + suffix)
				if err != nil {
					t.Fatal(err)
				}
				write(t, p+suffix, b)
			}
		}, "-wal journal beside it"},
		"newer Kith": {func(t *testing.T, p string) {
			closedBook(t, p, "Ana Lopez")
			mustSQL(t, p, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ("+itoa(SchemaVersion()+1)+", 'x', 'y')")
		}, "newer version of Kith"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "kith.db")
			c.make(t, path)
			before := tree(t, dir)
			for how, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
				st, err := open(path)
				if err == nil {
					st.Close()
					t.Fatalf("%s took it", how)
				}
				if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.says) {
					t.Errorf("%s: %v; want the path and %q", how, err, c.says)
				}
				if after := tree(t, dir); !equalSnapshots(before, after) {
					t.Fatalf("%s changed the folder:\nbefore %v\nafter  %v", how, keys(before), keys(after))
				}
			}
		})
	}
}

// An empty file, an SQLite file without tables, and the remains of a first
// open killed before its first step are made into a book.
func TestOpenTakesAnEmptyFile(t *testing.T) {
	cases := map[string]func(t *testing.T, path string){
		"zero bytes":            func(t *testing.T, p string) { write(t, p, nil) },
		"SQLite without tables": func(t *testing.T, p string) { mustSQL(t, p, "PRAGMA user_version = 7") },
		"killed first open": func(t *testing.T, p string) {
			mustSQL(t, p, "PRAGMA journal_mode=WAL; CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kith.db")
			make(t, path)
			st, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var v int
			if err := st.rw.QueryRow("SELECT max(version) FROM schema_migrations").Scan(&v); err != nil || v != SchemaVersion() {
				t.Errorf("schema %d (%v), want %d", v, err, SchemaVersion())
			}
		})
	}
}

// A first open killed between two steps leaves a book with nothing in it;
// finishing the upgrade keeps no copy of it, where a book with data gets
// one (TestUpgradeKeepsACopy).
func TestUpgradingAnEmptyBookKeepsNoCopy(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kith.db")
	half, err := open(path, ms[:len(ms)/2])
	if err != nil {
		t.Fatal(err)
	}
	half.Close()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if copies, _ := filepath.Glob(path + ".before-*"); len(copies) != 0 {
		t.Errorf("an empty book was copied before the upgrade: %v", copies)
	}
}

// A reading command that found the file closed (read as immutable) reads
// what a writer commits once the writer has opened the file.
func TestReadOnlyStoreSeesAWriterThatOpensLater(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kith.db")
	closedBook(t, path, "Ana Lopez")
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	count := func() int {
		var n int
		view(t, ro, func(tx *Tx) (err error) { n, err = tx.CountContacts(crm.ContactFilter{}); return err })
		return n
	}
	if n := count(); n != 1 {
		t.Fatalf("%d contacts before the writer, want 1", n)
	}
	rw, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	for _, name := range []string{"Ben Okafor", "Chloé Martin"} {
		addContact(t, rw, crm.Contact{Name: name})
		if _, err := rw.rw.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(); n != 3 {
		t.Errorf("%d contacts once the writer committed, want 3", n)
	}
}

// A write lock held past the busy timeout is reported as a busy database,
// not as SQLite's "database is locked".
func TestBusyDatabaseIsSaidSo(t *testing.T) {
	defer func(d time.Duration) { busyTimeout = d }(busyTimeout)
	busyTimeout = 200 * time.Millisecond
	st := openTemp(t, "2026-11-25")
	other, err := sql.Open("sqlite3", dsn(st.Path(), ""))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	err = st.Update(context.Background(), func(tx *Tx) error {
		return tx.AddContact(&crm.Contact{Name: "Ana Lopez"})
	})
	if err == nil || !strings.Contains(err.Error(), "database is busy: another Kith is writing to "+st.Path()) {
		t.Errorf("a write while another holds the lock: %v", err)
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func mustSQL(t *testing.T, path, stmts string) {
	t.Helper()
	if err := withSQL(path, stmts); err != nil {
		t.Fatal(err)
	}
}
