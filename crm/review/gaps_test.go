package review_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review/reviewtest"
	"github.com/kithcrm/kith/crm/store"
)

// The review reads the gaps as the list they are: a gap with a comma in
// it ('kith gap add "salary negotiation, for the next role"') is one gap,
// and the mentor linked to it covers it.
func TestReviewKeepsAGapWithACommaWhole(t *testing.T) {
	st, _ := reviewtest.Open(t)
	const text = "salary negotiation, for the next role"
	err := st.Update(context.Background(), func(tx *store.Tx) error {
		c := &crm.Contact{Name: "Wide Mentor"}
		if err := tx.AddContact(c); err != nil {
			return err
		}
		if err := tx.AddRole(c.ID, crm.RoleMentor, crm.NewDate(2026, 1, 1)); err != nil {
			return err
		}
		return tx.AddGap(&crm.Gap{Text: text, Helpers: []crm.Participant{{ContactID: c.ID}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	r := compute(t, st, "2026Q3")
	var found bool
	for _, g := range r.Gaps {
		if g.Gap == text {
			found = len(g.CoveredBy) == 1 && g.CoveredBy[0].Name == "Wide Mentor"
		}
	}
	if !found || slices.Contains(r.UncoveredGaps, "salary negotiation") {
		t.Errorf("gaps %+v, uncovered %v: want %q whole, covered by its mentor", r.Gaps, r.UncoveredGaps, text)
	}
}
