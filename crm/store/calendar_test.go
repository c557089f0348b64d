package store_test

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/calendar/calendartest"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/store"
)

// ReachOutsOf reads in one statement per chunk of contacts exactly what the
// per-contact reader reads one contact at a time, and nothing for contacts
// not asked for; a chunk over calendar.ReachOutChunk is refused.
func TestReachOutsMatchesPerContact(t *testing.T) {
	ctx := context.Background()
	st := calendartest.GeneratedBook(t, gen.Options{People: 600, Interactions: 12000, Seed: 3})
	until := crmtest.Date("2026-12-25")
	for _, withNotes := range []bool{false, true} {
		err := st.View(ctx, func(tx *store.Tx) error {
			due, err := tx.Due(until)
			if err != nil {
				return err
			}
			ids := make([]int64, len(due))
			for i, c := range due {
				ids[i] = c.ContactID
			}
			all := map[int64]calendar.ReachOut{}
			for chunk := range slices.Chunk(ids, 70) {
				got, err := tx.ReachOutsOf(chunk, 3, withNotes)
				if err != nil {
					return err
				}
				maps.Copy(all, got)
			}
			if _, err := tx.ReachOutsOf(make([]int64, calendar.ReachOutChunk+1), 3, withNotes); err == nil {
				t.Errorf("a chunk of %d contacts was read", calendar.ReachOutChunk+1)
			}
			r, err := calendartest.NewReachOutReader(ctx, st, 3, withNotes)
			if err != nil {
				return err
			}
			defer r.Close()
			isDue, said := map[int64]bool{}, 0
			for _, c := range due {
				isDue[c.ContactID] = true
				want, err := r.ReachOut(c.ContactID)
				if err != nil {
					return err
				}
				if !reflect.DeepEqual(all[c.ContactID], want) {
					t.Errorf("notes %v, #%d: ReachOutsOf gives %+v, the per-contact reader %+v", withNotes, c.ContactID, all[c.ContactID], want)
				}
				if len(want.Promised)+len(want.TheyGave)+len(want.Goals) > 0 {
					said++
				}
			}
			for id := range all {
				if !isDue[id] {
					t.Errorf("ReachOutsOf holds #%d, who was not asked for", id)
				}
			}
			if len(due) < 50 || said < 20 {
				t.Fatalf("the book is too thin to compare: %d due, %d with something to say", len(due), said)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
