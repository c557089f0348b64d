package review_test

import (
	"slices"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

// addedLateBook is the story of people entered in Kith after a quarter
// they were already part of: Maya, a mentor met on 2026-02-10, never
// contacted in 2026Q3 and entered on 2026-10-05; Noor, met on 2026-09-01
// and entered the same day. Today is 2026-10-10.
func addedLateBook(t *testing.T) *store.Store {
	t.Helper()
	d := crmtest.Date
	st := storetest.Open(t, d("2026-10-05"), func(tx *store.Tx) error {
		if err := tx.AddContact(&crm.Contact{Name: "Maya Mentor", MetOn: d("2026-02-10"),
			Roles: []crm.Role{{Kind: crm.RoleMentor}}}); err != nil {
			return err
		}
		return tx.AddContact(&crm.Contact{Name: "Noor New", MetOn: d("2026-09-01")})
	})
	st.SetToday(d("2026-10-10"))
	return st
}

func relationship(t *testing.T, r *review.Review, name string) review.Relationship {
	t.Helper()
	for _, c := range r.Contacts {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("%s is not in the %s review", name, r.Quarter)
	return review.Relationship{}
}

// For the review a person is in the book from the day met, when known: a
// mentor met in February and entered after 2026Q3 was part of 2026Q3, and
// not talking to them all quarter is neglect. Their check-ins, though, run
// from the day they were added (adding is not neglecting), so 2026Q3
// counts no missed check-in for them.
func TestReviewCountsPeopleFromTheDayMet(t *testing.T) {
	r := compute(t, addedLateBook(t), "2026Q3")
	maya := relationship(t, r, "Maya Mentor")
	if !maya.Has(review.FlagNeglected) || !slices.Contains(r.Neglected, "Maya Mentor") {
		t.Errorf("Maya, in the book since February and not met in 2026Q3, is not neglected: flags %v, neglected %v",
			maya.Flags, r.Neglected)
	}
	if maya.Has(review.FlagNew) || maya.CheckinsMissed != 0 || maya.CheckinsKept != 0 {
		t.Errorf("Maya: flags %v, %d kept, %d missed; want not new and no check-ins before she was added",
			maya.Flags, maya.CheckinsKept, maya.CheckinsMissed)
	}
	noor := relationship(t, r, "Noor New")
	if !noor.Has(review.FlagNew) || noor.Has(review.FlagNeglected) {
		t.Errorf("Noor, met in September: flags %v, want new and not neglected", noor.Flags)
	}
}

// While 2026Q4 runs, Maya has just been added: she is neither new (met in
// February) nor neglected, and no check-in of hers is due yet.
func TestReviewJustAddedIsNotNeglected(t *testing.T) {
	r := compute(t, addedLateBook(t), "2026Q4")
	maya := relationship(t, r, "Maya Mentor")
	if len(maya.Flags) != 0 || maya.CheckinsMissed != 0 {
		t.Errorf("Maya, added 2026-10-05, on 2026-10-10: flags %v, %d missed; want none", maya.Flags, maya.CheckinsMissed)
	}
}
