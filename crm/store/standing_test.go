package store

import (
	"fmt"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// standingOf describes a contact's roles and memberships as text.
func standingOf(t *testing.T, st *Store, id int64) string {
	t.Helper()
	var s *Standing
	view(t, st, func(tx *Tx) error {
		var err error
		s, err = tx.Standing(id)
		return err
	})
	return fmt.Sprint(s.Roles, s.circles)
}

// RestoreStanding undoes a role change, a join and a leave exactly: no
// zero-length period is left behind, no since restarted.
func TestRestoreStandingUndoesRoleAndCircleChanges(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	met := crmtest.Date("2025-01-01")
	elena := addContact(t, st, crm.Contact{Name: "Elena", MetOn: met}, crm.RoleCoach)
	c := &crm.Circle{Name: "PMs"}
	update(t, st, func(tx *Tx) error {
		if err := tx.AddCircle(c); err != nil {
			return err
		}
		return tx.Join(c.ID, elena, met)
	})
	for name, change := range map[string]func(tx *Tx) error{
		"coach to mentor": func(tx *Tx) error {
			if err := tx.EndRole(elena, crm.RoleCoach, crm.Date{}); err != nil {
				return err
			}
			return tx.AddRole(elena, crm.RoleMentor, crm.Date{})
		},
		"leave": func(tx *Tx) error { return tx.Leave(c.ID, elena, crm.Date{}) },
	} {
		was := standingOf(t, st, elena)
		var before *Standing
		update(t, st, func(tx *Tx) error {
			var err error
			if before, err = tx.Standing(elena); err != nil {
				return err
			}
			return change(tx)
		})
		if standingOf(t, st, elena) == was {
			t.Fatalf("%s changed nothing", name)
		}
		update(t, st, func(tx *Tx) error { return tx.RestoreStanding(before) })
		if got := standingOf(t, st, elena); got != was {
			t.Errorf("undoing %s: %s, want %s", name, got, was)
		}
	}
	err := st.Update(t.Context(), func(tx *Tx) error { return tx.RestoreStanding(&Standing{ContactID: 999}) })
	if crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("restoring nobody: %v, want not found", err)
	}
}
