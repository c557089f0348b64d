package ui

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// A person with more than a page of interactions shows the newest page and
// a button that appends the older ones, which goes away once all are shown.
func TestPersonTimelineShowsOlderInteractionsOnRequest(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	n := 2*timelineLimit + 7
	day := crmtest.Date(testToday)
	mustUpdate(t, st, func(tx *store.Tx) error {
		for i := range n { // interaction i is i days old
			in := &crm.Interaction{Kind: crm.KindCall, Date: day.AddDays(-i), Summary: fmt.Sprintf("Call %03d", i),
				Participants: []crm.Participant{{ContactID: priya}}}
			if err := tx.LogInteraction(in); err != nil {
				return err
			}
		}
		return nil
	})
	m.OpenPerson(priya)
	p := m.people.page
	check := func(step string, want int, button bool) {
		t.Helper()
		if got := len(p.events.Objects); got != want {
			t.Errorf("%s: the timeline shows %d rows, want %d", step, got, want)
		}
		if got := len(p.d.Interactions); got != want {
			t.Fatalf("%s: %d interactions loaded, want %d", step, got, want)
		}
		for i, in := range p.d.Interactions {
			if in.Summary != fmt.Sprintf("Call %03d", i) {
				t.Fatalf("%s: row %d is %q, want newest first without gaps", step, i, in.Summary)
			}
		}
		if p.older.Visible() != button {
			t.Errorf("%s: button shown = %v, want %v", step, p.older.Visible(), button)
		}
	}
	check("opened", timelineLimit, true)
	test.Tap(p.older)
	check("one tap", 2*timelineLimit, true)
	test.Tap(p.older)
	check("two taps", n, false)
}

// Exactly a page of interactions offers no button that would load nothing.
func TestPersonTimelineOfOnePageHasNoOlderButton(t *testing.T) {
	m, st := newTestMain(t)
	sam := addPerson(t, st, "Sam Lee", "", "", "2026-01-10")
	day := crmtest.Date(testToday)
	mustUpdate(t, st, func(tx *store.Tx) error {
		for i := range timelineLimit {
			in := &crm.Interaction{Kind: crm.KindCall, Date: day.AddDays(-i), Participants: []crm.Participant{{ContactID: sam}}}
			if err := tx.LogInteraction(in); err != nil {
				return err
			}
		}
		return nil
	})
	m.OpenPerson(sam)
	if p := m.people.page; len(p.events.Objects) != timelineLimit || p.older.Visible() {
		t.Errorf("%d interactions show %d rows and button shown = %v, want all and no button",
			timelineLimit, len(p.events.Objects), p.older.Visible())
	}
}

// The gaps someone helps with are on their page beside the goals.
func TestPersonPageListsTheGapsTheyHelpWith(t *testing.T) {
	m, st := newTestMain(t)
	ana := addPerson(t, st, "Ana Silva", "", crm.RoleMentor, "2026-01-10")
	mustUpdate(t, st, func(tx *store.Tx) error {
		return tx.AddGap(&crm.Gap{Text: "negotiation", Helpers: []crm.Participant{{ContactID: ana}}})
	})
	m.OpenPerson(ana)
	shown := shownTexts(m.people.page.root)
	if !slices.Contains(shown, "Helps with") || !slices.Contains(shown, "negotiation") {
		t.Errorf("Ana's page shows %q, want her gap under Helps with", shown)
	}
}
