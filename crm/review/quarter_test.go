package review_test

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/review"
)

func TestQuarter(t *testing.T) {
	q, err := review.ParseQuarter("2026q4")
	if err != nil || q.String() != "2026Q4" || q.Start().String() != "2026-10-01" || q.End().String() != "2026-12-31" ||
		q.Prev().String() != "2026Q3" || q.Next().String() != "2027Q1" || q.Month(2).String() != "2026-12-01" {
		t.Errorf("2026q4: %v %v %s..%s prev %s next %s", q, err, q.Start(), q.End(), q.Prev(), q.Next())
	}
	if q := (review.Quarter{Year: 2026, N: 1}); q.Prev().String() != "2025Q4" || q.End().String() != "2026-03-31" {
		t.Errorf("2026Q1: prev %s, end %s", q.Prev(), q.End())
	}
	for _, bad := range []string{"", "2026", "2026Q0", "2026Q5", "26Q1", "2026-Q1", "Q3 2026", "abcdQ1", "2026Q12"} {
		if _, err := review.ParseQuarter(bad); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("ParseQuarter(%q) = %v, want an invalid-input error", bad, err)
		}
	}
	defaults := map[string]string{
		"2026-10-05": "2026Q3", // just ended
		"2026-12-17": "2026Q3", // 15 days left: not yet the last two weeks
		"2026-12-18": "2026Q4", // 14 days left, counting the 31st
		"2026-12-31": "2026Q4",
		"2027-01-01": "2026Q4",
	}
	for day, want := range defaults {
		if got := review.DefaultQuarter(crmtest.Date(day)); got.String() != want {
			t.Errorf("DefaultQuarter(%s) = %s, want %s", day, got, want)
		}
	}
}

func TestCountCheckins(t *testing.T) {
	d := crmtest.Date
	start := d("2026-07-01")
	days := func(s ...string) []crm.Date {
		var out []crm.Date
		for _, x := range s {
			out = append(out, d(x))
		}
		return out
	}
	cases := []struct {
		name         string
		prev         string
		cadence      int
		days         []crm.Date
		asOf         string
		running      bool
		kept, missed int
	}{
		{"every meeting on time", "2026-06-25", 14, days("2026-07-05", "2026-07-19", "2026-08-01"), "2026-09-30", false, 3, 1},
		{"late meeting misses the due one", "2026-06-30", 14, days("2026-07-20"), "2026-09-30", false, 0, 2},
		{"overdue since before the quarter", "2026-01-01", 30, days("2026-08-01"), "2026-09-30", false, 0, 1},
		{"neglected all quarter counts in the quarter it fell due", "2026-01-01", 30, nil, "2026-09-30", false, 0, 0},
		{"falls due in the quarter, never met", "2026-06-15", 30, nil, "2026-09-30", false, 0, 1},
		{"due on the last day", "2026-09-16", 14, nil, "2026-09-30", false, 0, 1},
		{"due the day after", "2026-09-17", 14, nil, "2026-09-30", false, 0, 0},
		{"met on the due day", "2026-06-30", 14, days("2026-07-14"), "2026-09-30", false, 1, 1},
		{"met on the day added", "2026-08-15", 30, days("2026-08-15"), "2026-09-30", false, 1, 1},
		{"quarter still running", "2026-07-01", 14, nil, "2026-07-10", true, 0, 0},
		{"due today, quarter running", "2026-07-01", 14, nil, "2026-07-15", true, 0, 0},
		{"due yesterday, quarter running", "2026-07-01", 14, nil, "2026-07-16", true, 0, 1},
		{"due on the last day, quarter running on it", "2026-09-16", 14, nil, "2026-09-30", true, 0, 0},
		{"no cadence", "2026-07-01", 0, days("2026-07-02"), "2026-09-30", false, 0, 0},
	}
	for _, c := range cases {
		kept, missed := review.CountCheckins(d(c.prev), c.cadence, c.days, start, d(c.asOf), c.running)
		if kept != c.kept || missed != c.missed {
			t.Errorf("%s: kept %d missed %d, want %d and %d", c.name, kept, missed, c.kept, c.missed)
		}
	}
}
