package calendar

import (
	"strings"
	"testing"
)

// CheckRule takes the rules calendars write and refuses what RFC 5545
// does not allow, naming the part.
func TestCheckRuleNamesThePartAtFault(t *testing.T) {
	for _, good := range []string{DefaultReviewRule, "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=YEARLY;COUNT=4;BYMONTH=3",
		"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "FREQ=WEEKLY;BYDAY=MO,TH;WKST=SU", "FREQ=YEARLY;UNTIL=20301231T000000Z;BYYEARDAY=100",
		"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=MO"} {
		if err := CheckRule(good); err != nil {
			t.Errorf("CheckRule(%q) = %v", good, err)
		}
	}
	for rule, want := range map[string]string{
		"":                                       "is empty",
		"BYMONTH=1":                              "FREQ is missing",
		"FREQ=FORTNIGHTLY":                       "FREQ=FORTNIGHTLY: want one of",
		"FREQ=MONTHLY;INTERVAL=0":                "INTERVAL=0: want a whole number from 1 to 10000",
		"FREQ=MONTHLY;COUNT=0":                   "COUNT=0",
		"FREQ=MONTHLY;COUNT=-1":                  "COUNT=-1",
		"FREQ=YEARLY;COUNT=2;UNTIL=20300101":     "UNTIL and COUNT",
		"FREQ=YEARLY;UNTIL=00010101":             "UNTIL=00010101",
		"FREQ=YEARLY;BYMONTH=0":                  "BYMONTH=0",
		"FREQ=YEARLY;BYMONTH=1,13":               `"13": want 1 to 12`,
		"FREQ=MONTHLY;BYMONTHDAY=32":             "BYMONTHDAY=32",
		"FREQ=MONTHLY;BYMONTHDAY=0":              "BYMONTHDAY=0",
		"FREQ=YEARLY;BYWEEKNO=54":                "BYWEEKNO=54",
		"FREQ=MONTHLY;BYWEEKNO=1":                "BYWEEKNO=1 only goes with FREQ=YEARLY",
		"FREQ=WEEKLY;BYMONTHDAY=1":               "BYMONTHDAY=1 does not go with FREQ=WEEKLY",
		"FREQ=MONTHLY;BYYEARDAY=1":               "BYYEARDAY=1 does not go with FREQ=MONTHLY",
		"FREQ=WEEKLY;BYDAY=1MO":                  "a numbered day",
		"FREQ=MONTHLY;BYDAY=XX":                  "BYDAY=XX",
		"FREQ=MONTHLY;BYDAY=54MO":                "BYDAY=54MO",
		"FREQ=MONTHLY;BYSETPOS=1":                "BYSETPOS=1 needs another BYxxx",
		"FREQ=YEARLY;FREQ=MONTHLY":               "FREQ is given twice",
		"FREQ=YEARLY;X-KITH=1":                   "X-KITH is not a part",
		"FREQ=YEARLY;;":                          "is not NAME=VALUE",
		"FREQ=YEARLY;BYHOUR=24":                  "BYHOUR=24",
		"FREQ=YEARLY;INTERVAL=99999999999999999": "INTERVAL=",
	} {
		err := CheckRule(rule)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckRule(%q) = %v, want %q", rule, err, want)
		}
	}
}
