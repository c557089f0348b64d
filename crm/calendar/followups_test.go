package calendar_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/store"
)

// followUpEvents exports the calendar, reads it back with go-ical and
// returns its follow-up events by summary.
func followUpEvents(t *testing.T, st *store.Store) map[string]ical.Event {
	t.Helper()
	opts := calendar.Options{Now: func() time.Time { return time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC) }}
	data, _, err := calendar.Encoded(context.Background(), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(strings.NewReader(string(data))).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the export: %v", err)
	}
	out := map[string]ical.Event{}
	for _, ev := range cal.Events() {
		summary, err := ev.Props.Text(ical.PropSummary)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(summary, "Follow up with ") {
			out[summary] = ev
		}
	}
	return out
}

// A prospect's follow-up is an event of its own, on today when late, with
// what was asked; it leaves the calendar when the prospect moves on.
func TestFollowUpsAreEventsUntilTheProspectMovesOn(t *testing.T) {
	today := crmtest.Date("2026-03-10")
	var dana, far crm.Prospect
	st := storetest.Open(t, today, func(tx *store.Tx) error {
		dana = crm.Prospect{Name: "Dana Whitfield", Role: crm.RoleMentor}
		far = crm.Prospect{Name: "Far Prospect"}
		for _, p := range []*crm.Prospect{&dana, &far} {
			if err := tx.AddProspect(p); err != nil {
				return err
			}
		}
		if _, err := tx.MoveProspect(dana.ID, crm.Move{To: crm.StageReachedOut, On: crmtest.Date("2026-02-20"),
			FollowUpOn: crmtest.Date("2026-03-07"), Outreach: &crm.Outreach{Channel: "email", Ask: "a monthly call"}}); err != nil {
			return err
		}
		_, err := tx.MoveProspect(far.ID, crm.Move{To: crm.StageReachedOut, FollowUpOn: crmtest.Date("2027-03-01")})
		return err
	})
	events := followUpEvents(t, st)
	ev, ok := events["Follow up with Dana Whitfield (mentor sought): 3 days late"]
	if !ok || len(events) != 1 {
		t.Fatalf("follow-up events %v, want Dana's alone (the other is beyond the horizon)", summaries(events))
	}
	start, err := ev.DateTimeStart(time.UTC)
	if err != nil || crm.DateOf(start) != today {
		t.Errorf("starts %v (%v), want today", start, err)
	}
	desc, _ := ev.Props.Text(ical.PropDescription)
	if !strings.Contains(desc, "You asked: a monthly call") || !strings.Contains(desc, "by email") {
		t.Errorf("description %q", desc)
	}
	if err := st.Update(context.Background(), func(tx *store.Tx) error {
		_, err := tx.MoveProspect(dana.ID, crm.Move{To: crm.StageTalking})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if events := followUpEvents(t, st); len(events) != 0 {
		t.Errorf("after Dana moved on: %v, want no follow-up event", summaries(events))
	}
}

func summaries[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
