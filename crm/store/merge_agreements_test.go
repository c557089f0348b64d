package store

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// Merging two records that each have an active agreement keeps both
// agreements as the kept person's, the other's closed; undoing the merge
// puts them back with their health checks.
func TestMergeKeepsAgreementsAndUndoPutsThemBack(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	var keep, other int64
	var u *MergeUndo
	update(t, st, func(tx *Tx) error {
		keep = addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
		other = addPerson(t, tx, "priya raman", crm.RoleCoach, "2026-01-01")
		for i, id := range []int64{keep, other} {
			a := &crm.Agreement{ContactID: id, Start: crmtest.Date("2026-02-01").AddDays(i)}
			if err := tx.SetAgreement(a); err != nil {
				t.Fatal(err)
			}
			h := &crm.HealthCheck{AgreementID: a.ID, Learning: 4, Rhythm: 4, FollowThrough: 4, Fit: 4}
			if err := tx.AddHealthCheck(h); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := tx.Ask(other, "the offsite"); err != nil {
			t.Fatal(err)
		}
		var err error
		_, u, err = tx.MergeContacts(keep, other)
		return err
	})
	view(t, st, func(tx *Tx) error {
		list, err := tx.AgreementsOf(keep)
		if err != nil || len(list) != 2 {
			t.Fatalf("after the merge: %d agreements, %v; want both", len(list), err)
		}
		if list[0].Status != crm.AgreementCompleted || list[1].Status != crm.AgreementActive {
			t.Errorf("statuses %s, %s; want the other's completed, keep's active", list[0].Status, list[1].Status)
		}
		ag, err := tx.Agenda(keep)
		if err != nil || len(ag.Items) != 1 {
			t.Errorf("agenda %+v, %v; want the other's question", ag, err)
		}
		return nil
	})
	update(t, st, func(tx *Tx) error {
		_, err := tx.UndoMerge(u)
		return err
	})
	view(t, st, func(tx *Tx) error {
		for _, id := range []int64{keep, other} {
			a, err := tx.ActiveAgreement(id)
			if err != nil {
				t.Fatalf("after undo, #%d: %v", id, err)
			}
			if checks, err := tx.HealthChecks(a.ID); err != nil || len(checks) != 1 {
				t.Errorf("after undo, #%d's agreement has %d health checks, %v; want 1", id, len(checks), err)
			}
		}
		return nil
	})
}
