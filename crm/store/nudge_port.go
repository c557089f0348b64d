package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// CountDue counts the check-ins of active contacts due on or before until,
// overdue ones included: the total behind a bounded DuePage. It is the one
// count of DayCounts the tray needs after every write, without the others.
func (tx *Tx) CountDue(until crm.Date) (int, error) {
	cte, args, err := tx.checkInRows("c.archived = 0")
	if err != nil {
		return 0, fmt.Errorf("count check-ins: %w", err)
	}
	q := "WITH " + cte + " SELECT count(*) FROM rows WHERE next_due <= :until"
	args = append(args, sql.Named("today", tx.today), sql.Named("until", until))
	var n int
	if err := tx.queryRow(q, usedArgs(q, args)...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count check-ins: %w", err)
	}
	return n, nil
}
