package review_test

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

// runningBook opens a book of three people for reviewing 2026Q3 while it
// runs: Tess, first due on 07-15 and never met; Fay, met on 06-25 with a
// 90-day cadence (due 09-23); Ned, met on 06-01 with a 14-day one.
func runningBook(t *testing.T) *store.Store {
	t.Helper()
	d := crmtest.Date
	return storetest.Open(t, d("2026-06-30"), func(tx *store.Tx) error {
		people := []*crm.Contact{
			{Name: "Tess Today", MetOn: d("2026-06-17"), AddedOn: d("2026-06-17"), CadenceDays: 28},
			{Name: "Fay Fine", MetOn: d("2026-01-01"), AddedOn: d("2026-01-01"), CadenceDays: 90},
			{Name: "Ned Overdue", MetOn: d("2026-01-01"), AddedOn: d("2026-01-01"), CadenceDays: 14},
		}
		for _, c := range people {
			if err := tx.AddContact(c); err != nil {
				return err
			}
		}
		for _, m := range []struct {
			on string
			c  *crm.Contact
		}{{"2026-06-25", people[1]}, {"2026-06-01", people[2]}} {
			in := &crm.Interaction{Date: d(m.on), Kind: crm.KindMeeting, Minutes: 30, Summary: "Catch-up",
				Participants: []crm.Participant{{ContactID: m.c.ID, Name: m.c.Name}}}
			if err := tx.LogInteraction(in); err != nil {
				return err
			}
		}
		return nil
	})
}

// relationshipOn reviews 2026Q3 on today and returns one person's row.
func relationshipOn(t *testing.T, st *store.Store, today, name string) review.Relationship {
	t.Helper()
	st.SetToday(crmtest.Date(today))
	for _, c := range compute(t, st, "2026Q3").Contacts {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("%s is not in the 2026Q3 review on %s", name, today)
	return review.Relationship{}
}

// TestRunningQuarterCheckinDueToday: a check-in due today is not missed
// yet ('kith due' says "today"); it is missed the day after.
func TestRunningQuarterCheckinDueToday(t *testing.T) {
	st := runningBook(t)
	if c := relationshipOn(t, st, "2026-07-15", "Tess Today"); c.CheckinsMissed != 0 {
		t.Errorf("on its due day Tess's check-in counts %d missed, want 0", c.CheckinsMissed)
	}
	if c := relationshipOn(t, st, "2026-07-16", "Tess Today"); c.CheckinsMissed != 1 {
		t.Errorf("the day after it fell due Tess's check-in counts %d missed, want 1", c.CheckinsMissed)
	}
}

// TestRunningQuarterNeglect: while the quarter runs, only someone overdue
// by more than a cadence is neglected; "no contact all quarter" waits for
// the quarter's end.
func TestRunningQuarterNeglect(t *testing.T) {
	st := runningBook(t)
	if c := relationshipOn(t, st, "2026-07-10", "Fay Fine"); c.Has(review.FlagNeglected) {
		t.Error("on 07-10 Fay, due 09-23, is neglected for not being met yet this quarter")
	}
	if c := relationshipOn(t, st, "2026-07-10", "Ned Overdue"); !c.Has(review.FlagNeglected) {
		t.Error("on 07-10 Ned, due 06-15, overdue by more than his 14 days, is not neglected")
	}
	if c := relationshipOn(t, st, "2026-10-05", "Fay Fine"); !c.Has(review.FlagNeglected) {
		t.Error("once 2026Q3 ended, Fay, never met in it, is not neglected")
	}
}
