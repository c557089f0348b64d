package store

import (
	"context"
	"fmt"
)

// Every write any test of this package makes is followed by the check
// kith check runs: the stored check-ins must equal a recomputation from
// scratch, whatever kind of write it was. Books too big for a check after
// each write (the benchmarks') are checked by their own tests.
func init() { afterWrite = checkStoredDates }

// checkLimit is the largest book checked after every write.
const checkLimit = 5000

func checkStoredDates(s *Store) error {
	return s.View(context.Background(), func(tx *Tx) error {
		st, err := tx.checkIns()
		if err != nil || !st.stored {
			return err
		}
		var n int
		if err := tx.queryRow("SELECT count(*) FROM contacts").Scan(&n); err != nil || n > checkLimit {
			return err
		}
		c, err := tx.CheckStoredDates()
		if err != nil {
			return err
		}
		if !c.OK() {
			return fmt.Errorf("stored check-ins differ after a write: %d pending, %+v", c.Pending, c.Differences)
		}
		return nil
	})
}
