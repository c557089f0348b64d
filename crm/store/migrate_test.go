package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

func TestOpenCreatesPrivateFileWithSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "kith.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}
	var version int
	if err := st.rw.QueryRow("SELECT max(version) FROM schema_migrations").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion() {
		t.Errorf("schema version %d, want %d", version, SchemaVersion())
	}
}

// Foreign keys are per connection in SQLite: every pooled connection, reads
// included, must have them on, and the journal must be WAL.
func TestPragmasOnEveryConnection(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	ctx := context.Background()
	for _, db := range []*sql.DB{st.rw, st.ro} {
		conns := []*sql.Conn{}
		for i := 0; i < 2 && (db == st.ro || i == 0); i++ {
			c, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
		}
		for _, c := range conns {
			var fk, timeout int
			var mode string
			if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
				t.Fatal(err)
			}
			if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout); err != nil {
				t.Fatal(err)
			}
			if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
				t.Fatal(err)
			}
			if fk != 1 || timeout != 5000 || mode != "wal" {
				t.Errorf("connection has foreign_keys=%d busy_timeout=%d journal_mode=%s", fk, timeout, mode)
			}
			c.Close()
		}
	}
}

// closedWithAContact makes a database at path with the steps ms and one
// contact in it, and closes it, for the tests that reopen a file.
func closedWithAContact(t *testing.T, path string, ms []migration) {
	t.Helper()
	st, err := open(path, ms)
	if err != nil {
		t.Fatal(err)
	}
	st.SetToday(crmtest.Date("2026-11-25"))
	addContact(t, st, crm.Contact{Name: "Ana Lopez"}, crm.RoleMentor)
	st.Close()
}

// reopened makes a database at dir/kith.db holding one contact, closes it
// and opens it again, as Kith finds a database on any day but the first.
func reopened(t *testing.T, dir string) *Store {
	t.Helper()
	path := filepath.Join(dir, "kith.db")
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	closedWithAContact(t, path, ms)
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestReopenIsANoOp(t *testing.T) {
	dir := t.TempDir()
	st := reopened(t, dir)
	var n int
	if err := st.rw.QueryRow("SELECT count(*) FROM schema_migrations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != SchemaVersion() {
		t.Errorf("%d migration records after reopening, want %d", n, SchemaVersion())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".before-") {
			t.Errorf("reopening an up-to-date database made a backup %s", e.Name())
		}
	}
}

func TestNewerDatabaseIsRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kith.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.rw.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '2030-01-01T00:00:00Z')",
		SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	st.Close() // checkpoints the WAL into the main file
	before := snapshotDir(t, dir)

	_, err = Open(path)
	if crm.ErrorCode(err) != crm.ENewer {
		t.Fatalf("opening a newer database: %v, want a %s error", err, crm.ENewer)
	}
	if !strings.Contains(err.Error(), "newer version of Kith") || !strings.Contains(err.Error(), path) {
		t.Errorf("message should name the file and say why: %v", err)
	}
	if after := snapshotDir(t, dir); !equalSnapshots(before, after) {
		t.Errorf("refusing the file changed the folder:\nbefore %v\nafter  %v", keys(before), keys(after))
	}
}

// An older schema is upgraded, and a copy of the file is kept first.
func TestUpgradeKeepsACopy(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 {
		t.Skip("one migration: nothing to upgrade from yet")
	}
	path := filepath.Join(t.TempDir(), "kith.db")
	// A database as the previous Kith left it: every step but the last.
	closedWithAContact(t, path, ms[:len(ms)-1])

	st, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer st.Close()
	var version int
	if err := st.rw.QueryRow("SELECT max(version) FROM schema_migrations").Scan(&version); err != nil || version != len(ms) {
		t.Fatalf("after the upgrade the schema is %d (%v), want %d", version, err, len(ms))
	}
	matches, _ := filepath.Glob(path + ".before-v*")
	if len(matches) != 1 {
		t.Fatalf("want one copy kept before the upgrade, found %v", matches)
	}
	old, err := sql.Open("sqlite3", fileURI(matches[0])+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	var name string
	var oldVersion int
	if err := old.QueryRow("SELECT name, (SELECT max(version) FROM schema_migrations) FROM contacts").Scan(&name, &oldVersion); err != nil ||
		name != "Ana Lopez" || oldVersion != len(ms)-1 {
		t.Fatalf("the copy should hold the data at the old schema: %q v%d %v", name, oldVersion, err)
	}
}

// A migration that fails leaves the database as it was: its transaction is
// rolled back and nothing is recorded.
func TestFailedMigrationChangesNothing(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	addContact(t, st, crm.Contact{Name: "Ana Lopez"})
	bad := migration{version: 99, name: "0099_bad.sql", sql: "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);"}
	if err := st.apply(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "0099_bad.sql") {
		t.Fatalf("a failing migration should fail naming itself, got %v", err)
	}
	var n int
	st.rw.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'half'").Scan(&n)
	if n != 0 {
		t.Error("the failed migration's first statement was kept")
	}
	st.rw.QueryRow("SELECT count(*) FROM schema_migrations WHERE version = 99").Scan(&n)
	if n != 0 {
		t.Error("the failed migration was recorded")
	}
}

func snapshotDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func equalSnapshots(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func keys(m map[string][]byte) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s (%d bytes)", k, len(v)))
	}
	return out
}

// A book that holds only the user's profile, or only a quarter's review,
// is the user's data too: the upgrade that turns the gaps into a list
// rewrites the profile, so a copy is kept first, holding the old text.
func TestUpgradeKeepsACopyOfAProfileOrAReviewAlone(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	before := -1 // the steps before the gaps became a list
	for i, m := range ms {
		if m.name == "0007_prospects.sql" {
			before = i
		}
	}
	if before < 0 {
		t.Fatal("no 0007_prospects.sql step")
	}
	for name, fill := range map[string]string{
		"profile": "UPDATE profile SET gaps = 'negotiation, public speaking', budget_money = 100 WHERE id = 1",
		"review":  "INSERT INTO reviews (quarter, saved_at) VALUES ('2026Q3', '2026-10-01T09:00:00Z')",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kith.db")
			old, err := open(path, ms[:before])
			if err != nil {
				t.Fatal(err)
			}
			if _, err := old.rw.Exec(fill); err != nil {
				t.Fatal(err)
			}
			old.Close()
			st, err := Open(path)
			if err != nil {
				t.Fatalf("upgrade: %v", err)
			}
			st.Close()
			copies, _ := filepath.Glob(path + ".before-v*")
			if len(copies) != 1 {
				t.Fatalf("want one copy kept before the upgrade, found %v", copies)
			}
			if name != "profile" {
				return
			}
			kept, err := sql.Open("sqlite3", fileURI(copies[0])+"?mode=ro")
			if err != nil {
				t.Fatal(err)
			}
			defer kept.Close()
			var gaps string
			if err := kept.QueryRow("SELECT gaps FROM profile WHERE id = 1").Scan(&gaps); err != nil || gaps != "negotiation, public speaking" {
				t.Errorf("the copy should hold the gaps as written: %q %v", gaps, err)
			}
		})
	}
}

// An upgrade that cannot begin, behind another Kith's write lock, leaves
// the book as it was and no copy of it: each retry would otherwise leave
// one more. The upgrade that then succeeds keeps its one copy.
func TestUpgradeBehindALockLeavesNoCopy(t *testing.T) {
	defer func(d time.Duration) { busyTimeout = d }(busyTimeout)
	busyTimeout = 200 * time.Millisecond
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kith.db")
	closedWithAContact(t, path, ms[:len(ms)-1])
	other, err := sql.Open("sqlite3", dsn(path, ""))
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
	if st, err := Open(path); err == nil {
		st.Close()
		t.Fatal("an upgrade behind a write lock succeeded")
	}
	if copies, _ := filepath.Glob(path + ".before-v*"); len(copies) != 0 {
		t.Errorf("an upgrade that did not begin left copies: %v", copies)
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	st, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade once the lock is gone: %v", err)
	}
	st.Close()
	if copies, _ := filepath.Glob(path + ".before-v*"); len(copies) != 1 {
		t.Errorf("want one copy kept before the upgrade, found %v", copies)
	}
}
