package store

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// The import's migration gives people without a role no check-in in a book
// with nobody in it yet, and keeps the cadence of a book that has people.
func TestImportMigrationKeepsTheNoRoleCadenceOfBooksWithPeople(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	// The steps up to the import's, whatever later migrations follow it.
	at := slices.IndexFunc(ms, func(m migration) bool { return m.name == "0006_import.sql" })
	if at < 0 {
		t.Fatal("no migration 0006_import.sql")
	}
	before := ms[:at]
	noneAfterUpgrade := func(path string) int {
		st, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var cad map[crm.RoleKind]int
		view(t, st, func(tx *Tx) error {
			cad, err = tx.RoleCadences()
			return err
		})
		return cad[crm.RoleNone]
	}
	withPeople := filepath.Join(t.TempDir(), "kith.db")
	closedWithAContact(t, withPeople, before)
	if got := noneAfterUpgrade(withPeople); got != 90 {
		t.Errorf("a book with people: none is %d days after the upgrade, want its 90", got)
	}
	empty := filepath.Join(t.TempDir(), "kith.db")
	st, err := open(empty, before)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if got := noneAfterUpgrade(empty); got != 0 {
		t.Errorf("an empty book: none is %d days after the upgrade, want none (0)", got)
	}
}

// Only people without a role can have no check-in.
func TestOnlyNoRoleCanHaveNoCadence(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	update(t, st, func(tx *Tx) error {
		if err := tx.SetRoleCadence(crm.RoleMentor, 0); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("mentor with no cadence: %v, want refused", err)
		}
		return tx.SetRoleCadence(crm.RoleNone, 0)
	})
}
