package store

import "github.com/kithcrm/kith/crm"

// CountDue counts the check-ins of active contacts due on or before until,
// overdue ones included: the total behind a bounded DuePage.
func (tx *Tx) CountDue(until crm.Date) (int, error) {
	c, err := tx.DayCounts(until)
	return c.Due, err
}
