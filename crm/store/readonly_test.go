package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// Reading a database through OpenReadOnly leaves its folder exactly as it
// was: a backup (rollback journal), a closed database in WAL mode, and an
// older Kith's file, which is read through an upgraded copy.
func TestOpenReadOnlyChangesNothing(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(path string){
		"backup": func(path string) {
			src := filepath.Join(t.TempDir(), "kith.db")
			closedBook(t, src, "Ana Lopez")
			st, err := Open(src)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.Backup(context.Background(), path); err != nil {
				t.Fatal(err)
			}
		},
		"closed WAL database": func(path string) { closedBook(t, path, "Ana Lopez") },
		"older schema":        func(path string) { closedWithAContact(t, path, ms[:len(ms)-1]) },
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "look.db")
			make(path)
			before := tree(t, dir)
			st, err := OpenReadOnly(path)
			if err != nil {
				t.Fatal(err)
			}
			var list []crm.ContactSummary
			view(t, st, func(tx *Tx) (err error) { list, err = tx.ListContacts(crm.ContactFilter{}); return err })
			if len(list) != 1 || list[0].Name != "Ana Lopez" {
				t.Errorf("read %+v", list)
			}
			if err := st.Update(context.Background(), func(*Tx) error { return nil }); err == nil || !strings.Contains(err.Error(), "read-only") {
				t.Errorf("a write through a read-only store: %v", err)
			}
			copyTo := filepath.Join(t.TempDir(), "copy.db")
			if err := st.Backup(context.Background(), copyTo); err != nil {
				t.Errorf("backing up a database opened read-only: %v", err)
			}
			if after := tree(t, dir); !equalSnapshots(before, after) {
				t.Errorf("while open read-only the folder changed:\nbefore %v\nafter  %v", keys(before), keys(after))
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			if after := tree(t, dir); !equalSnapshots(before, after) {
				t.Errorf("after reading, the folder changed:\nbefore %v\nafter  %v", keys(before), keys(after))
			}
		})
	}
}

// A database in use is read with the changes its -wal holds.
func TestOpenReadOnlySeesTheWAL(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	addContact(t, st, crm.Contact{Name: "Ana Lopez"})
	ro, err := OpenReadOnly(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	addContact(t, st, crm.Contact{Name: "Ben Okafor"})
	var n int
	view(t, ro, func(tx *Tx) (err error) { n, err = tx.CountContacts(crm.ContactFilter{}); return err })
	if n != 2 {
		t.Errorf("the read-only store sees %d contacts, want 2", n)
	}
}

// No file, no file made: an empty book is read instead.
func TestOpenReadOnlyMissingFile(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenReadOnly(filepath.Join(dir, "kith.db"))
	if err != nil {
		t.Fatal(err)
	}
	var n int
	view(t, st, func(tx *Tx) (err error) { n, err = tx.CountContacts(crm.ContactFilter{}); return err })
	scratch := st.scratch
	st.Close()
	if n != 0 || len(names(t, dir)) != 0 {
		t.Errorf("%d contacts, files %v", n, names(t, dir))
	}
	if exists(scratch) {
		t.Errorf("the temporary copy %s outlived Close", scratch)
	}
}

func TestOpenReadOnlyRefusesNewerAndForeignFiles(t *testing.T) {
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer.db")
	closedBook(t, newer, "Ana Lopez")
	if err := withSQL(newer, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ("+itoa(SchemaVersion()+1)+", 'x', 'y')"); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 20)), 0o600)
	before := tree(t, dir)
	if _, err := OpenReadOnly(newer); crm.ErrorCode(err) != crm.ENewer {
		t.Errorf("a newer file: %v", err)
	}
	if _, err := OpenReadOnly(text); err == nil || !strings.Contains(err.Error(), text) {
		t.Errorf("a text file: %v", err)
	}
	if after := tree(t, dir); !equalSnapshots(before, after) {
		t.Errorf("refusing changed the folder: %v", keys(after))
	}
}
