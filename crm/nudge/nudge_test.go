package nudge_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/demo"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/nudge"
	"github.com/kithcrm/kith/crm/store"
)

func items(names ...string) []nudge.Item {
	out := make([]nudge.Item, len(names))
	for i, n := range names {
		out[i] = nudge.Item{ID: int64(i + 1), Name: n, Kind: nudge.CheckIn}
	}
	return out
}

func TestTextNamesTheFirstFewAndCountsTheRest(t *testing.T) {
	for _, tc := range []struct {
		day  nudge.Day
		want string
	}{
		{nudge.Day{}, ""},
		{nudge.Day{Items: items("Priya Raman"), CheckIns: 1}, "1 check-in due: Priya Raman"},
		{nudge.Day{Items: items("Priya Raman", "Tom Becker"), CheckIns: 2}, "2 check-ins due: Priya Raman and Tom Becker"},
		{nudge.Day{Items: items("Priya Raman", "Tom Becker", "Lena Fischer"), CheckIns: 3}, "3 check-ins due: Priya Raman, Tom Becker and 1 more"},
		{nudge.Day{Items: items("Priya Raman", "Tom Becker"), CheckIns: 40}, "40 check-ins due: Priya Raman, Tom Becker and 38 more"},
		{nudge.Day{Items: items("Priya Raman", "Tom Becker"), CheckIns: 1, FollowUps: 1}, "1 check-in and 1 follow-up due: Priya Raman and Tom Becker"},
		{nudge.Day{CheckIns: 3}, "3 check-ins due"},
	} {
		if got := tc.day.Text(2); got != tc.want {
			t.Errorf("Text(2) of %d listed, %d+%d due = %q, want %q", len(tc.day.Items), tc.day.CheckIns, tc.day.FollowUps, got, tc.want)
		}
	}
}

func TestLabelSaysHowLate(t *testing.T) {
	for late, want := range map[int]string{0: "Ana · due today", 1: "Ana · 1 day late", 9: "Ana · 9 days late"} {
		if got := (nudge.Item{Name: "Ana", DaysLate: late}).Label(); got != want {
			t.Errorf("%d days late: %q, want %q", late, got, want)
		}
	}
	if got := (nudge.Item{Name: "Sam", Kind: nudge.FollowUp, DaysLate: 2}).Label(); got != "Sam · follow up · 2 days late" {
		t.Errorf("a follow-up reads %q", got)
	}
}

func TestScheduleSendsOnceADayFromTheHour(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	nine := nudge.Schedule{Hour: nudge.DefaultHour}
	for _, tc := range []struct {
		s    nudge.Schedule
		now  string
		last string
		want bool
	}{
		{nine, "2026-12-03 08:59", "2026-12-02", false}, // started before the hour: wait
		{nine, "2026-12-03 09:00", "2026-12-02", true},  // the hour
		{nine, "2026-12-03 11:30", "2026-12-02", true},  // closed at nine, opened at half past eleven: catch up once
		{nine, "2026-12-03 11:30", "2026-11-20", true},  // a fortnight away: still one
		{nine, "2026-12-03 11:30", "2026-12-03", false}, // already sent today
		{nine, "2026-12-03 23:59", "", true},            // never sent
		{nudge.Schedule{Hour: 14}, "2026-12-03 13:00", "2026-12-02", false},
		{nudge.Schedule{Hour: 9, Off: true}, "2026-12-03 10:00", "", false},
	} {
		var last crm.Date
		if tc.last != "" {
			last = crmtest.Date(tc.last)
		}
		if got := tc.s.Due(at(tc.now), last); got != tc.want {
			t.Errorf("hour %d off=%v at %s, last sent %q: due=%v, want %v", tc.s.Hour, tc.s.Off, tc.now, tc.last, got, tc.want)
		}
	}
}

// TestLoadListsTheMostOverdueFirst checks the tray's list against the due
// check-ins and follow-ups read in full: the most overdue of both, bounded,
// with the totals of everything overdue or due that day.
func TestLoadListsTheMostOverdueFirst(t *testing.T) {
	today := crmtest.Date("2026-11-25")
	st := storetest.Open(t, today, func(tx *store.Tx) error { _, err := demo.LoadTx(tx); return err })
	err := st.View(context.Background(), func(tx *store.Tx) error {
		checkIns, err := tx.Due(today)
		if err != nil {
			return err
		}
		follow, err := tx.FollowUpsDue(today)
		if err != nil {
			return err
		}
		if len(checkIns) < 3 || len(follow) < 1 {
			t.Fatalf("the sample has %d check-ins and %d follow-ups due on %s; the test needs 3 and 1", len(checkIns), len(follow), today)
		}
		// The most late follow-up, wherever it falls among the check-ins.
		lateFollowUp := nudge.Item{ID: follow[0].ProspectID, Name: follow[0].Name, Kind: nudge.FollowUp, DaysLate: follow[0].DaysOverdue}
		limit := len(checkIns) + 1
		day, err := nudge.Load(tx, today, limit)
		if err != nil {
			return err
		}
		if day.CheckIns != len(checkIns) || day.FollowUps != len(follow) || len(day.Items) != limit || day.More() != len(follow)-1 {
			t.Errorf("loaded %d items of %d check-ins and %d follow-ups (more %d), want %d of %d and %d", len(day.Items), day.CheckIns, day.FollowUps, day.More(), limit, len(checkIns), len(follow))
		}
		if !slices.Contains(day.Items, lateFollowUp) {
			t.Errorf("the latest follow-up %+v is not listed in %+v", lateFollowUp, day.Items)
		}
		next := 0
		for i, it := range day.Items {
			if i > 0 && it.DaysLate > day.Items[i-1].DaysLate {
				t.Errorf("%s (%d days late) is listed after %s (%d)", it.Name, it.DaysLate, day.Items[i-1].Name, day.Items[i-1].DaysLate)
			}
			if it.Kind != nudge.CheckIn {
				continue
			}
			if c := checkIns[next]; it.ID != c.ContactID || it.Name != c.Name || it.DaysLate != max(c.DaysOverdue, 0) {
				t.Errorf("check-in %d is %+v, want %s (%d days late)", next, it, c.Name, c.DaysOverdue)
			}
			next++
		}
		few, err := nudge.Load(tx, today, 2)
		if err == nil && (len(few.Items) != 2 || few.More() != day.Total()-2) {
			t.Errorf("a limit of 2 lists %d items and %d more", len(few.Items), few.More())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestLoadOfAnEmptyBookIsEmpty(t *testing.T) {
	st := storetest.Open(t, crmtest.Date("2026-11-25"), nil)
	err := st.View(context.Background(), func(tx *store.Tx) error {
		day, err := nudge.Load(tx, crmtest.Date("2026-11-25"), 5)
		if err == nil && (!day.Empty() || day.Text(3) != "" || day.Headline() != "Nothing due") {
			t.Errorf("an empty book's day: %+v, %q", day, day.Text(3))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
