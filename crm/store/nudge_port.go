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
	var n int
	err := tx.countCheckIns("SELECT count(*) FROM rows WHERE next_due <= :until", until, &n)
	return n, err
}

// countCheckIns runs sel, a count over the check-in rows of the active
// contacts (checkInRows, as rows) with :today and :until bound, into dest.
func (tx *Tx) countCheckIns(sel string, until crm.Date, dest ...any) error {
	cte, args, err := tx.checkInRows("c.archived = 0")
	if err != nil {
		return fmt.Errorf("count check-ins: %w", err)
	}
	q := "WITH " + cte + " " + sel
	args = append(args, sql.Named("today", tx.today), sql.Named("until", until))
	if err := tx.queryRow(q, usedArgs(q, args)...).Scan(dest...); err != nil {
		return fmt.Errorf("count check-ins: %w", err)
	}
	return nil
}
