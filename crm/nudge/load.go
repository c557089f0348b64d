package nudge

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// Reader is what a day's nudge is read from; the store's transaction is one.
type Reader interface {
	// DuePage lists up to limit check-ins due on or before until, most
	// overdue first.
	DuePage(until crm.Date, limit int) ([]crm.CheckIn, error)
	// CountDue counts the check-ins due on or before until.
	CountDue(until crm.Date) (int, error)
}

// Load reads what is overdue or due on day, listing at most limit items: a
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
	for _, c := range due {
		d.Items = append(d.Items, Item{ID: c.ContactID, Name: c.Name, Kind: CheckIn, DaysLate: max(c.DaysOverdue, 0)})
	}
	return d, nil
}
