package calendar_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
)

func TestReviewDatesFollowTheRule(t *testing.T) {
	d := crmtest.Date
	got, err := calendar.ReviewDates(calendar.DefaultReviewRule, d("2026-11-25"), 3)
	if err != nil {
		t.Fatal(err)
	}
	// First Mondays of January, April and July 2027.
	if want := []crm.Date{d("2027-01-04"), d("2027-04-05"), d("2027-07-05")}; !slices.Equal(got, want) {
		t.Errorf("next reviews = %v, want %v", got, want)
	}
	got, err = calendar.ReviewDates("rrule:freq=monthly;byday=-1fr", d("2026-11-25"), 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []crm.Date{d("2026-11-27"), d("2026-12-25")}; !slices.Equal(got, want) {
		t.Errorf("last Fridays = %v, want %v", got, want)
	}
	got, err = calendar.ReviewDates("FREQ=YEARLY;COUNT=1;BYMONTH=1", d("2026-01-01"), 3)
	if err != nil || len(got) != 1 {
		t.Errorf("a one-off rule gives %v, %v; want its one day", got, err)
	}
	for _, bad := range []string{"", "FREQ=SOMETIMES", "FREQ=HOURLY"} {
		var ce *crm.Error
		if _, err := calendar.ReviewDates(bad, d("2026-11-25"), 2); !errors.As(err, &ce) || ce.Code != crm.EInvalid {
			t.Errorf("ReviewDates(%q) = %v, want an invalid review rule", bad, err)
		}
	}
}
