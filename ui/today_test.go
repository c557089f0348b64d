package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// promise stores an open promise to id, made on day.
func promise(t *testing.T, st *store.Store, id int64, day, what string) {
	t.Helper()
	mustUpdate(t, st, func(tx *store.Tx) error {
		return tx.LogInteraction(&crm.Interaction{Kind: crm.KindCall, Date: crmtest.Date(day),
			Participants: []crm.Participant{{ContactID: id}},
			Exchanges:    []crm.Exchange{{Direction: crm.Gave, Kind: crm.ExAdvice, Description: what, Commitment: true, ContactID: id}}})
	})
}

// Today lists the oldest promises only, with a button to the rest; a big
// book holds thousands and one row each froze the window.
func TestTodayBoundsPromises(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	n := promiseLimit + 7
	for i := range n {
		promise(t, st, priya, fmt.Sprintf("2026-10-%02d", i+1), fmt.Sprintf("promise %d", i+1))
	}
	m.changed()
	d := m.today.data
	if len(d.promises) != promiseLimit || d.open != n || d.promises[0].Description != "promise 1" {
		t.Fatalf("Today holds %d promises of %d, first %q; want the oldest %d of %d",
			len(d.promises), d.open, d.promises[0].Description, promiseLimit, n)
	}
	rows := m.today.promises.Objects
	if len(rows) != promiseLimit+1 {
		t.Fatalf("Today shows %d rows for %d promises, want %d and a button", len(rows), n, promiseLimit)
	}
	more, ok := rows[promiseLimit].(*widget.Button)
	if !ok || more.Text != "7 more promises" {
		t.Fatalf("last row = %#v, want a button for the 7 more", rows[promiseLimit])
	}
	test.Tap(more)
	p := showPromises(m)
	if p.total != n || p.list.Length() != n {
		t.Fatalf("the full list has %d promises, want %d", p.total, n)
	}
	x, ok := p.item(n - 1)
	if !ok || x.Description != fmt.Sprintf("promise %d", n) {
		t.Errorf("last of the full list = %+v, %v", x, ok)
	}
	keepPromise(m, x, p.reload)
	if p.total != n-1 || m.today.data.open != n-1 {
		t.Errorf("after keeping one: list %d, Today %d; want %d", p.total, m.today.data.open, n-1)
	}
}

// A save while Today is off screen does not reload it; showing it does.
func TestTodayReloadsWhenShownNotOffScreen(t *testing.T) {
	m, st := newTestMain(t)
	m.Show(screenPeople)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	m.save(func(tx *store.Tx) error { return tx.Snooze(priya, crm.Date{}) }, nil)
	if !m.today.data.empty {
		t.Error("a save on People reloaded Today off screen")
	}
	if got := m.people.names(); len(got) != 1 {
		t.Errorf("the screen on show did not reload: %v", got)
	}
	m.Show(screenToday)
	if m.today.data.empty || len(dueNames(m)) != 1 {
		t.Errorf("showing Today did not catch up: empty=%v due=%v", m.today.data.empty, dueNames(m))
	}
}
