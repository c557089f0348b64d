package store

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// A book an older Kith let an infinite fee, an infinite budget and minutes
// near the largest integer into is repaired by the upgrade: the person's
// page reads as JSON again and the totals add up.
func TestUpgradeRepairsValuesThatBrokeLaterCommands(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	before := -1
	for i, m := range ms {
		if strings.HasSuffix(m.name, "_value_limits.sql") {
			before = i
		}
	}
	if before < 0 {
		t.Fatal("no value_limits migration")
	}
	path := filepath.Join(t.TempDir(), "kith.db")
	old, err := open(path, ms[:before])
	if err != nil {
		t.Fatal(err)
	}
	old.SetToday(crmtest.Date("2026-11-25"))
	id := addContact(t, old, crm.Contact{Name: "Sam Lee"}, crm.RoleCoach)
	logWith(t, old, "2026-11-20", id)
	logWith(t, old, "2026-11-21", id)
	for _, q := range []string{
		"UPDATE interactions SET minutes = 9223372036854775807 WHERE id = 1",
		"UPDATE interactions SET minutes = 2880 WHERE id = 2", // a real two-day offsite
		"INSERT INTO exchanges (contact_id, interaction_id, occurred_on, direction, kind, description, minutes, amount, created_at) " +
			"VALUES (1, 1, '2026-11-20', 'gave', 'money', 'fee', 9223372036854775807, 9e999, '2026-11-20')",
		"INSERT INTO exchanges (contact_id, interaction_id, occurred_on, direction, kind, description, amount, created_at) " +
			"VALUES (1, 2, '2026-11-21', 'gave', 'money', 'big fee', 2500000000, '2026-11-21')",
		"UPDATE profile SET budget_money = 9e999, budget_hours = 9e999",
	} {
		if _, err := old.rw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	old.Close()

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetToday(crmtest.Date("2026-11-25"))
	view(t, st, func(tx *Tx) error {
		d, err := tx.ContactDetail(id, 0)
		if err != nil {
			return err
		}
		if _, err := json.Marshal(d); err != nil {
			t.Errorf("the person's page is still no JSON: %v", err)
		}
		var amounts []float64
		for _, in := range d.Interactions {
			want := map[int64]int{1: crm.MaxMinutes, 2: 2880}[in.ID]
			if in.Minutes != want {
				t.Errorf("interaction %d: %d minutes, want %d", in.ID, in.Minutes, want)
			}
			for _, ex := range in.Exchanges {
				amounts = append(amounts, ex.Amount)
				if math.IsInf(ex.Amount, 0) || ex.Minutes > crm.MaxMinutes {
					t.Errorf("exchange %q: amount %v, %d minutes", ex.Description, ex.Amount, ex.Minutes)
				}
			}
		}
		if len(amounts) != 2 || (amounts[0] != 2.5e9 && amounts[1] != 2.5e9) {
			t.Errorf("amounts %v: a finite one must stay as it was", amounts)
		}
		p, err := tx.Profile()
		if err != nil {
			return err
		}
		if p.BudgetMoney != 0 || p.BudgetHours != 0 {
			t.Errorf("budgets %v and %v, want 0", p.BudgetMoney, p.BudgetHours)
		}
		return nil
	})
}
