package calendar

import (
	"strings"
	"testing"

	"github.com/teambition/rrule-go"
)

// FuzzCheckRule: a review rule CheckRule accepts is one rrule-go can read
// and build, and the error for one it refuses names a part of the rule or
// what is missing.
func FuzzCheckRule(f *testing.F) {
	for _, s := range []string{DefaultReviewRule, "FREQ=MONTHLY;INTERVAL=0", "FREQ=MONTHLY;COUNT=0", "FREQ=MONTHLY;BYDAY=-1FR",
		"FREQ=YEARLY;COUNT=2;UNTIL=20300101", "BYMONTH=1", "FREQ=WEEKLY;BYMONTHDAY=1", "FREQ=YEARLY;BYWEEKNO=54",
		"FREQ=YEARLY;BYSETPOS=1", "FREQ=MONTHLY;BYMONTHDAY=-31,31;BYSETPOS=-1", "FREQ=DAILY;UNTIL=20261231T235959Z",
		"FREQ=YEARLY;;", "FREQ=YEARLY;FREQ=MONTHLY", "FREQ=YEARLY;X-NAME=1", "FREQ=YEARLY;WKST=XX", "FREQ=YEARLY;BYDAY=+53MO",
		"FREQ=YEARLY;INTERVAL=99999999999999999999", "FREQ=YEARLY;UNTIL=00010101", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rule string) {
		err := CheckRule(rule)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("CheckRule(%q): an empty message", rule)
			}
			return
		}
		opt, err := rrule.StrToROption(rule)
		if err != nil {
			t.Fatalf("CheckRule accepts %q, which rrule-go cannot read: %v", rule, err)
		}
		if opt.Interval < 0 || opt.Count < 0 || strings.Contains(rule, "INTERVAL=0") {
			t.Fatalf("CheckRule accepts %q: interval %d, count %d", rule, opt.Interval, opt.Count)
		}
		if _, err := rrule.NewRRule(*opt); err != nil {
			t.Fatalf("CheckRule accepts %q, which rrule-go cannot build: %v", rule, err)
		}
	})
}
