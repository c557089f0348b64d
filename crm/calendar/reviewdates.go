package calendar

import (
	"fmt"
	"strings"

	"github.com/teambition/rrule-go"

	"github.com/kithcrm/kith/crm"
)

// ReviewDates returns the next n days, from from on, that a review rule
// falls on, so Settings can show what a typed RRULE means before it is
// saved. A rule Validate refuses gives its error, naming the review rule.
func ReviewDates(rule string, from crm.Date, n int) ([]crm.Date, error) {
	s := DefaultSettings()
	s.ReviewRule = rule
	if err := s.Validate(); err != nil {
		return nil, err
	}
	opt, err := rrule.StrToROption(s.ReviewRule)
	if err != nil {
		return nil, crm.Invalid("review rule", err)
	}
	start, err := reviewStart(s.ReviewRule, from)
	if err != nil {
		return nil, crm.Invalid("review rule", err)
	}
	// The series starts where an export puts it, so the days shown are
	// the days the calendar will hold.
	opt.Dtstart = start.Time()
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, crm.Invalid("review rule", fmt.Errorf("%q: %v", strings.TrimSpace(rule), err))
	}
	var out []crm.Date
	next := r.Iterator()
	for len(out) < n {
		t, ok := next()
		if !ok {
			break
		}
		if d := crm.DateOf(t); !d.Before(from) {
			out = append(out, d)
		}
	}
	return out, nil
}
