package demo

import (
	"context"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/store"
)

func openStore(t *testing.T, today string) *store.Store {
	t.Helper()
	return storetest.Open(t, crmtest.Date(today), nil)
}

func TestLoadFillsEveryRoleAndLooksCurrent(t *testing.T) {
	ctx := context.Background()
	for _, today := range []string{"2026-11-25", "2031-03-01"} {
		st := openStore(t, today)
		n, err := Load(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if n.People < 12 || n.Circles != 2 || n.Goals < 3 || n.Interactions < 30 {
			t.Fatalf("%s: loaded %+v, want a dozen people, two circles, a few goals, dozens of interactions", today, n)
		}
		if err := st.View(ctx, func(tx *store.Tx) error { return checkSampleBook(t, tx, today) }); err != nil {
			t.Fatal(err)
		}
	}
}

// checkSampleBook checks that the loaded book has every role, one archived
// person, and current activity.
func checkSampleBook(t *testing.T, tx *store.Tx, today string) error {
	t.Helper()
	for _, r := range crm.Roles {
		c, err := tx.CountContacts(crm.ContactFilter{Role: r})
		if err != nil {
			return err
		}
		if c == 0 {
			t.Errorf("%s: nobody holds the %s role", today, r)
		}
	}
	arch, err := tx.CountContacts(crm.ContactFilter{Archived: true})
	if err != nil {
		return err
	}
	if arch != 1 {
		t.Errorf("%s: %d archived, want 1", today, arch)
	}
	return checkSampleActivity(t, tx, today)
}

// checkSampleActivity checks that the sample looks current: check-ins due,
// promises open, and Priya's history both ways within half a year.
func checkSampleActivity(t *testing.T, tx *store.Tx, today string) error {
	t.Helper()
	counts, err := tx.DayCounts(tx.Today().AddDays(7))
	if err != nil {
		return err
	}
	if counts.Overdue == 0 || counts.Due <= counts.Overdue {
		t.Errorf("%s: counts %+v, want some overdue and some due later this week", today, counts)
	}
	open, err := tx.OpenCommitments(0)
	if err != nil {
		return err
	}
	if len(open) < 2 {
		t.Errorf("%s: %d open commitments, want a few", today, len(open))
	}
	id, err := tx.FindContact("Priya Raman")
	if err != nil {
		return err
	}
	d, err := tx.ContactDetail(id, 0)
	if err != nil {
		return err
	}
	if d.Gave12m == 0 || d.Received12m == 0 {
		t.Errorf("%s: Priya's balance %d/%d, want exchanges both ways", today, d.Gave12m, d.Received12m)
	}
	if oldest := d.Interactions[len(d.Interactions)-1].Date; oldest.Before(tx.Today().AddMonths(-7)) {
		t.Errorf("%s: oldest interaction %s, want within half a year", today, oldest)
	}
	return nil
}

func TestLoadRefusesABookWithPeople(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, "2026-11-25")
	if err := st.Update(ctx, func(tx *store.Tx) error { return tx.AddContact(&crm.Contact{Name: "Someone"}) }); err != nil {
		t.Fatal(err)
	}
	_, err := Load(ctx, st)
	if crm.ErrorCode(err) != crm.EConflict {
		t.Fatalf("Load on a book with people: %v, want a conflict", err)
	}
	if err := st.View(ctx, func(tx *store.Tx) error {
		n, err := tx.CountAllContacts()
		if err != nil {
			return err
		}
		circles, err := tx.Circles()
		if err != nil {
			return err
		}
		if n != 1 || len(circles) != 0 {
			t.Errorf("after a refused load: %d people, %d circles; want 1 and 0", n, len(circles))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
