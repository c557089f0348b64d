package store

import (
	"fmt"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// SetRoles puts a role history back exactly: the window's undo of a role
// change leaves no trace of the change, not even a zero-length period.
func TestSetRolesRestoresTheHistory(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	id := addContact(t, st, crm.Contact{Name: "Elena", MetOn: crm.MustParseDate("2025-01-01")}, crm.RoleCoach)
	roles := func() string {
		var c *crm.Contact
		view(t, st, func(tx *Tx) error {
			var err error
			c, err = tx.Contact(id)
			return err
		})
		return fmt.Sprint(c.Roles)
	}
	var before *crm.Contact
	view(t, st, func(tx *Tx) error {
		var err error
		before, err = tx.Contact(id)
		return err
	})
	was := roles()
	update(t, st, func(tx *Tx) error {
		if err := tx.EndRole(id, crm.RoleCoach, crm.Date{}); err != nil {
			return err
		}
		return tx.AddRole(id, crm.RoleMentor, crm.Date{})
	})
	if roles() == was {
		t.Fatal("the change changed nothing")
	}
	update(t, st, func(tx *Tx) error { return tx.SetRoles(id, before.Roles) })
	if got := roles(); got != was {
		t.Errorf("after SetRoles: %s, want %s", got, was)
	}
	err := st.Update(t.Context(), func(tx *Tx) error { return tx.SetRoles(999, nil) })
	if crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("roles of nobody: %v, want not found", err)
	}
}
