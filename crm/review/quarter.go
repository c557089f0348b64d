package review

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

// Quarter is a calendar quarter, written YYYYQn: 2026Q3 runs from July 1st
// to September 30th 2026. The zero Quarter means "not chosen".
type Quarter struct {
	Year int
	N    int // 1 to 4
}

// ParseQuarter reads YYYYQn (the q may be lower case), from 1900Q1, the
// quarter of crm.FirstDate, to 9999Q4.
func ParseQuarter(s string) (Quarter, error) {
	bad := crm.Invalid("quarter", fmt.Errorf("%q is not a quarter (want YYYYQn, e.g. 2026Q3)", s))
	y, n, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), "Q")
	if !ok || len(y) != 4 || len(n) != 1 {
		return Quarter{}, bad
	}
	year, err1 := strconv.Atoi(y)
	num, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || year < 1900 || num < 1 || num > 4 {
		return Quarter{}, bad
	}
	return Quarter{Year: year, N: num}, nil
}

// QuarterOf returns the quarter a day falls in.
func QuarterOf(d crm.Date) Quarter {
	t := d.Time()
	return Quarter{Year: t.Year(), N: (int(t.Month())-1)/3 + 1}
}

// DefaultQuarter is the quarter a review opens on: the one just ended, or
// the current one once its last two weeks have begun, when people start
// looking back on it.
func DefaultQuarter(today crm.Date) Quarter {
	q := QuarterOf(today)
	if today.DaysUntil(q.End()) < 14 {
		return q
	}
	return q.Prev()
}

// IsZero reports whether no quarter was chosen.
func (q Quarter) IsZero() bool { return q.N == 0 }

// String writes YYYYQn.
func (q Quarter) String() string {
	if q.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04dQ%d", q.Year, q.N)
}

// Start is the quarter's first day.
func (q Quarter) Start() crm.Date { return crm.NewDate(q.Year, time.Month(3*q.N-2), 1) }

// End is the quarter's last day.
func (q Quarter) End() crm.Date { return q.Next().Start().AddDays(-1) }

// Month returns the first day of the quarter's i-th month (0, 1 or 2).
func (q Quarter) Month(i int) crm.Date { return q.Start().AddMonths(i) }

// Prev is the quarter before.
func (q Quarter) Prev() Quarter {
	if q.N == 1 {
		return Quarter{Year: q.Year - 1, N: 4}
	}
	return Quarter{Year: q.Year, N: q.N - 1}
}

// Next is the quarter after.
func (q Quarter) Next() Quarter {
	if q.N == 4 {
		return Quarter{Year: q.Year + 1, N: 1}
	}
	return Quarter{Year: q.Year, N: q.N + 1}
}

// MarshalJSON writes "YYYYQn".
func (q Quarter) MarshalJSON() ([]byte, error) { return json.Marshal(q.String()) }

// UnmarshalJSON reads "YYYYQn".
func (q *Quarter) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseQuarter(s)
	if err != nil {
		return err
	}
	*q = v
	return nil
}
