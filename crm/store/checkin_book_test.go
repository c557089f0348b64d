package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/store"
)

// dueJSON is the due list by until as `kith due --json` prints it.
func dueJSON(t *testing.T, st *store.Store, until crm.Date, computed bool) string {
	t.Helper()
	var out []byte
	err := st.View(context.Background(), func(tx *store.Tx) error {
		due, err := tx.Due(until)
		if computed {
			due, err = store.DueComputed(tx, until)
		}
		if err != nil {
			return err
		}
		out, err = json.Marshal(due)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func checkStored(t *testing.T, st *store.Store) {
	t.Helper()
	err := st.View(context.Background(), func(tx *store.Tx) error {
		c, err := tx.CheckStoredDates()
		if err == nil && !c.OK() {
			t.Errorf("stored dates differ: %d pending, %+v", c.Pending, c.Differences)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A book from the schema before stored check-ins (a generated one, with
// every role, archived people, circles and years of history) upgrades to
// stored dates that give the same due list, on the day of the upgrade
// and on others.
func TestAnOlderBookUpgradesToTheSameDueList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kith.db")
	old, err := store.OpenBeforeStoredCheckIns(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.Populate(context.Background(), old, gen.Options{People: 400, Interactions: 6000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	days := []crm.Date{crmtest.Date("2026-11-25"), crmtest.Date("2026-12-20"), crmtest.Date("2025-03-01")}
	var before []string
	for _, d := range days {
		old.SetToday(d)
		before = append(before, dueJSON(t, old, d.AddDays(14), false))
	}
	old.Close()

	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkStored(t, st)
	for i, d := range days {
		st.SetToday(d)
		if got := dueJSON(t, st, d.AddDays(14), false); got != before[i] {
			t.Errorf("due on %s changed with the upgrade:\nbefore %.400s\nafter  %.400s", d, before[i], got)
		}
		// The first write of the day moves the stored dates to it.
		if err := st.Update(context.Background(), func(*store.Tx) error { return nil }); err != nil {
			t.Fatal(err)
		}
		checkStored(t, st)
		if got := dueJSON(t, st, d.AddDays(14), false); got != before[i] {
			t.Errorf("due on %s changed once stored for the day", d)
		}
	}
}

// On a generated book, every kind of write leaves the stored dates equal
// to a recomputation (the package's tests check after every write; this
// one adds the writes of a busy book and compares due lists too).
func TestStoredDatesOnAGeneratedBook(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "kith.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetToday(crmtest.Date("2026-11-25"))
	if err := gen.Populate(context.Background(), st, gen.Options{People: 300, Interactions: 4000, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	checkStored(t, st)
	until := crmtest.Date("2026-12-31")
	if got, want := dueJSON(t, st, until, false), dueJSON(t, st, until, true); got != want {
		t.Fatalf("due differs from a recomputation")
	}
	ctx := context.Background()
	writes := []func(tx *store.Tx) error{
		func(tx *store.Tx) error { return tx.SetRoleCadence(crm.RoleCircle, 21) },
		func(tx *store.Tx) error { return tx.SetRoleCadence(crm.RoleNone, 0) },
		func(tx *store.Tx) error { return tx.SetRoleCadence(crm.RoleNone, 60) },
		func(tx *store.Tx) error { return tx.Snooze(5, crmtest.Date("2027-02-01")) },
		func(tx *store.Tx) error { return tx.SetArchived(7, true) },
		func(tx *store.Tx) error {
			coaches, err := tx.ListContacts(crm.ContactFilter{Role: crm.RoleCoach, Limit: 1})
			if err != nil || len(coaches) == 0 {
				return fmt.Errorf("no coach: %v", err)
			}
			if err := tx.EndRole(coaches[0].ID, crm.RoleCoach, crmtest.Date("2026-11-01")); err != nil {
				return err
			}
			return tx.AddRole(coaches[0].ID, crm.RoleMentor, crmtest.Date("2026-11-01"))
		},
		func(tx *store.Tx) error {
			return tx.LogInteraction(&crm.Interaction{Date: crmtest.Date("2026-11-20"), Kind: crm.KindCall,
				Participants: []crm.Participant{{ContactID: 11}, {ContactID: 12}}})
		},
		func(tx *store.Tx) error { return tx.DeleteInteraction(100) },
		func(tx *store.Tx) error { _, _, err := tx.MergeContacts(20, 21); return err },
		func(tx *store.Tx) error { return tx.DeleteContact(30) },
	}
	for i, w := range writes {
		if err := st.Update(ctx, w); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		checkStored(t, st)
		if got, want := dueJSON(t, st, until, false), dueJSON(t, st, until, true); got != want {
			t.Fatalf("after write %d due differs from a recomputation", i)
		}
	}
}
