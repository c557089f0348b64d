package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/gen"
)

// A quarter of hundreds of relationships shows the first hundred, and the
// rest a hundred at a time; revealing someone further down shows their page.
func TestReviewShowsTheFirstHundredRelationshipsAndPagesTheRest(t *testing.T) {
	m, st := newTestMain(t)
	if err := gen.Populate(context.Background(), st, gen.Options{People: 250, Interactions: 1500, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	st.SetToday(crmtest.Date("2026-11-25"))
	m.Show(screenReview)
	p := m.review.people
	total := len(p.rows)
	if total <= 2*reviewPage {
		t.Fatalf("the generated quarter has %d relationships; the test needs more than %d", total, 2*reviewPage)
	}
	rows, _ := p.table.Length()
	if rows != reviewPage || !p.more.Visible() || p.count.Text != "100 of "+plural(total, "person", "people") {
		t.Fatalf("first page: %d rows, more shown %v, count %q", rows, p.more.Visible(), p.count.Text)
	}
	test.Tap(p.more)
	if rows, _ = p.table.Length(); rows != 2*reviewPage {
		t.Errorf("after Show more: %d rows", rows)
	}
	last := m.review.r.Contacts[p.rows[total-1]]
	p.reveal(last.ID)
	if rows, _ = p.table.Length(); rows != total || p.more.Visible() || p.chosen != last.ID {
		t.Errorf("revealing the last: %d rows of %d, more shown %v, chosen #%d", rows, total, p.more.Visible(), p.chosen)
	}
	p.filter.SetSelected("Archived")
	if rows, _ = p.table.Length(); rows != min(len(p.rows), reviewPage) {
		t.Errorf("a new filter starts on its first page: %d rows", rows)
	}
}
