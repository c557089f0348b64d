package store

import (
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/review"
)

// The review counts the fees paid under agreements in the quarter against
// the money budget, and the sessions of each agreement.
func TestFeesInTheReview(t *testing.T) {
	st := openTemp(t, "2026-06-30")
	update(t, st, func(tx *Tx) error {
		if err := tx.SetProfile(crm.Profile{BudgetMoney: 200}); err != nil {
			t.Fatal(err)
		}
		id := addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
		a := &crm.Agreement{ContactID: id, Start: crmtest.Date("2026-03-01"), Sessions: 6, Fee: 100, PerSession: true}
		if err := tx.SetAgreement(a); err != nil {
			t.Fatal(err)
		}
		fee := crm.Exchange{ContactID: id, Direction: crm.Gave, Kind: crm.ExMoney, Description: "fee", Amount: 100}
		for _, day := range []string{"2026-03-15", "2026-04-10", "2026-05-10", "2026-06-10"} {
			meet(t, tx, id, day, "session", fee)
		}
		return nil
	})
	view(t, st, func(tx *Tx) error {
		r, err := review.Compute(tx, review.QuarterOf(crmtest.Date("2026-06-30")))
		if err != nil {
			t.Fatal(err)
		}
		ar := r.Agreements
		if len(ar.Agreements) != 1 || ar.Fees != 300 || ar.FeeShare != 0.5 {
			t.Fatalf("agreements in the review %+v, want one with 300 in fees, half the 600 budget", ar)
		}
		if a := ar.Agreements[0]; a.SessionsInQuarter != 3 || a.SessionsHeld != 4 {
			t.Errorf("sessions %d in the quarter, %d in all; want 3 and 4", a.SessionsInQuarter, a.SessionsHeld)
		}
		var b strings.Builder
		if err := r.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		text := b.String()
		if !strings.Contains(text, "Fees under agreements: 300.00, 50% of the 600.00 money budget") {
			t.Errorf("the review's text has no agreements:\n%s", text)
		}
		return nil
	})
}

// The review's "end" decision closes the person's active agreement as
// ended, then archives them.
func TestReviewEndClosesTheAgreement(t *testing.T) {
	st := openTemp(t, "2026-06-30")
	var id int64
	update(t, st, func(tx *Tx) error {
		id = addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
		if err := tx.SetAgreement(&crm.Agreement{ContactID: id, Start: crmtest.Date("2026-03-01")}); err != nil {
			t.Fatal(err)
		}
		q := review.QuarterOf(crmtest.Date("2026-06-30"))
		r := &review.Reflection{Quarter: q, Decisions: []review.Decision{{ContactID: id, Name: "Priya Raman", Decision: review.End, Note: "goal met"}}}
		_, err := review.Save(tx, r, []int64{id})
		return err
	})
	view(t, st, func(tx *Tx) error {
		list, err := tx.AgreementsOf(id)
		if err != nil {
			t.Fatal(err)
		}
		if a := list[0]; a.Status != crm.AgreementEnded || a.Reason != "ended in the quarterly review: goal met" {
			t.Errorf("after the review's end: %s, %q", a.Status, a.Reason)
		}
		c, _ := tx.Contact(id)
		if !c.Archived || c.CadenceDays != crm.KeepInTouchDays {
			t.Errorf("archived %v, cadence %d", c.Archived, c.CadenceDays)
		}
		return nil
	})
}
