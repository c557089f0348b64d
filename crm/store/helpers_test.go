package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// openTemp opens a fresh database in the test's temp folder, with today fixed.
func openTemp(t testing.TB, today string) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "kith.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetToday(crmtest.Date(today))
	return st
}

func update(t testing.TB, st *Store, fn func(*Tx) error) {
	t.Helper()
	if err := st.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

func view(t testing.TB, st *Store, fn func(*Tx) error) {
	t.Helper()
	if err := st.View(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

// queryPlan is SQLite's plan for query, one step a line: which index
// each table is read through, and any sort.
func queryPlan(t testing.TB, st *Store, query string, args ...any) []string {
	t.Helper()
	var plan []string
	view(t, st, func(tx *Tx) (err error) {
		rows, err := tx.query("EXPLAIN QUERY PLAN "+query, args...)
		plan, err = collect(rows, err, func(row scanner) (string, error) {
			var id, parent, unused int
			var detail string
			return detail, row.Scan(&id, &parent, &unused, &detail)
		})
		return err
	})
	return plan
}

// addContact adds a contact with roles and returns its id.
func addContact(t testing.TB, st *Store, c crm.Contact, roles ...crm.RoleKind) int64 {
	t.Helper()
	for _, r := range roles {
		c.Roles = append(c.Roles, crm.Role{Kind: r})
	}
	update(t, st, func(tx *Tx) error { return tx.AddContact(&c) })
	return c.ID
}

// logWith logs a meeting on day with the given contacts.
func logWith(t testing.TB, st *Store, day string, ids ...int64) int64 {
	t.Helper()
	in := &crm.Interaction{Date: crmtest.Date(day), Kind: crm.KindMeeting, Summary: "talk on " + day}
	for _, id := range ids {
		in.Participants = append(in.Participants, crm.Participant{ContactID: id})
	}
	update(t, st, func(tx *Tx) error { return tx.LogInteraction(in) })
	return in.ID
}
