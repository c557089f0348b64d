package nudge

import (
	"fmt"
	"slices"

	"github.com/kithcrm/kith/crm"
)

// Reader is what a day's nudge is read from; the store's transaction is one.
type Reader interface {
	// DuePage lists up to limit check-ins due on or before until, most
	// overdue first.
	DuePage(until crm.Date, limit int) ([]crm.CheckIn, error)
	// CountDue counts the check-ins due on or before until.
	CountDue(until crm.Date) (int, error)
	// FollowUpPage lists up to limit follow-ups with prospects due on or
	// before until, most overdue first.
	FollowUpPage(until crm.Date, limit int) ([]crm.FollowUp, error)
	// CountFollowUps counts the follow-ups due on or before until, and how
	// many of them are late.
	CountFollowUps(until crm.Date) (due, late int, err error)
}

// Load reads what is overdue or due on day, check-ins and follow-ups with
// prospects alike, listing at most limit items, the most overdue first: a
// bounded read however many people are late.
func Load(r Reader, day crm.Date, limit int) (Day, error) {
	d := Day{Date: day}
	due, err := r.DuePage(day, limit)
	if err != nil {
		return d, fmt.Errorf("read what is due on %s: %w", day, err)
	}
	if d.CheckIns, err = r.CountDue(day); err != nil {
		return d, fmt.Errorf("count what is due on %s: %w", day, err)
	}
	follow, err := r.FollowUpPage(day, limit)
	if err != nil {
		return d, fmt.Errorf("read the follow-ups due on %s: %w", day, err)
	}
	if d.FollowUps, _, err = r.CountFollowUps(day); err != nil {
		return d, fmt.Errorf("count the follow-ups due on %s: %w", day, err)
	}
	for _, c := range due {
		d.Items = append(d.Items, Item{ID: c.ContactID, Name: c.Name, Kind: CheckIn, DaysLate: max(c.DaysOverdue, 0)})
	}
	for _, f := range follow {
		d.Items = append(d.Items, Item{ID: f.ProspectID, Name: f.Name, Kind: FollowUp, DaysLate: max(f.DaysOverdue, 0)})
	}
	// Both lists come most overdue first; a stable sort keeps check-ins
	// before follow-ups of the same day, and each list's own order.
	slices.SortStableFunc(d.Items, func(a, b Item) int { return b.DaysLate - a.DaysLate })
	d.Items = d.Items[:min(len(d.Items), limit)]
	return d, nil
}
