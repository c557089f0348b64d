package store

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// Closing an agreement ends or changes the role it was about, keeping the
// history, and moves the person to a light keep-in-touch cadence (or, when
// redefined, to the new role's rhythm).
func TestEachLifecycleOutcome(t *testing.T) {
	for _, c := range []struct {
		outcome crm.AgreementStatus
		newRole crm.RoleKind
		current []crm.RoleKind
		cadence int
	}{
		{crm.AgreementCompleted, "", nil, crm.KeepInTouchDays},
		{crm.AgreementEnded, "", nil, crm.KeepInTouchDays},
		{crm.AgreementCompleted, crm.RoleCircle, []crm.RoleKind{crm.RoleCircle}, crm.KeepInTouchDays},
		{crm.AgreementRedefined, crm.RoleMentor, []crm.RoleKind{crm.RoleMentor}, 0},
	} {
		t.Run(string(c.outcome)+"/"+string(c.newRole), func(t *testing.T) {
			st := openTemp(t, "2026-06-01")
			update(t, st, func(tx *Tx) error {
				id := addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
				pc, _ := tx.Contact(id)
				pc.CadenceDays = 14
				if err := tx.UpdateContact(pc); err != nil {
					t.Fatal(err)
				}
				a := &crm.Agreement{ContactID: id, Start: crmtest.Date("2026-01-01")}
				if err := tx.SetAgreement(a); err != nil {
					t.Fatal(err)
				}
				o := crm.Outcome{Status: c.outcome, Closing: crm.Closing{Reason: "goal met", Learned: "ask earlier", NewRole: c.newRole}}
				if err := tx.CloseAgreement(a.ID, o); err != nil {
					t.Fatal(err)
				}
				got, err := tx.Agreement(a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.Status != c.outcome || got.ClosedOn != crmtest.Date("2026-06-01") || got.Reason != "goal met" || got.Learned != "ask earlier" {
					t.Errorf("closed agreement %+v", got)
				}
				p, err := tx.Contact(id)
				if err != nil {
					t.Fatal(err)
				}
				var current []crm.RoleKind
				coachEnded := false
				for _, r := range p.Roles {
					if r.Until.IsZero() {
						current = append(current, r.Kind)
					} else if r.Kind == crm.RoleCoach && r.Until == crmtest.Date("2026-06-01") {
						coachEnded = true
					}
				}
				if !coachEnded || len(current) != len(c.current) || (len(current) > 0 && current[0] != c.current[0]) {
					t.Errorf("roles %+v, want coach ended 2026-06-01 and %v current", p.Roles, c.current)
				}
				if p.CadenceDays != c.cadence {
					t.Errorf("cadence %d, want %d", p.CadenceDays, c.cadence)
				}
				if err := tx.CloseAgreement(a.ID, o); crm.ErrorCode(err) != crm.EConflict {
					t.Errorf("closed twice: %v, want a conflict", err)
				}
				return nil
			})
		})
	}
}

// A closing needs a reason, and a redefinition its new role; a refused
// closing changes nothing.
func TestClosingIsRefusedWithoutAReason(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	update(t, st, func(tx *Tx) error {
		id := addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
		a := &crm.Agreement{ContactID: id}
		if err := tx.SetAgreement(a); err != nil {
			t.Fatal(err)
		}
		for _, o := range []crm.Outcome{{Status: crm.AgreementEnded}, {Status: crm.AgreementRedefined, Closing: crm.Closing{Reason: "x"}},
			{Status: "paused", Closing: crm.Closing{Reason: "x"}}} {
			if err := tx.CloseAgreement(a.ID, o); crm.ErrorCode(err) != crm.EInvalid {
				t.Errorf("%+v: %v, want refused", o, err)
			}
		}
		if got, _ := tx.Agreement(a.ID); !got.Active() {
			t.Errorf("refused closings left it %s", got.Status)
		}
		return nil
	})
}
