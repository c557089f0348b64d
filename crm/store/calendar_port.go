package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/kithcrm/kith/crm/calendar"
)

// The store is what the calendar reads and records (see calendar.Store):
// the calendar declares the port, so it never reaches into *Tx.
var (
	_ calendar.Store = (*Store)(nil)
	_ calendar.Tx    = (*Tx)(nil)
)

// calendarCacheKiB is the page cache of the connection an export reads
// its snapshot through, in KiB. An export of a big book reads the due
// people, what each gave and promised, and every recorded event: some
// 40 MB of pages, many of them more than once, which SQLite's default
// cache of 2 MB reads again from the file each time (a third of the
// export's system time on the 50,000-person book). 16 MB holds most of
// what is read twice; more gains little and would count against the
// export's memory.
const calendarCacheKiB = 16 << 10

// ViewCalendar runs fn in one read-only transaction (see View), through a
// page cache of calendarCacheKiB, given back when fn returns. It exists
// because calendar.Store cannot name *Tx: the calendar sees the
// transaction only as the calendar.Reader it declares.
func (s *Store) ViewCalendar(ctx context.Context, fn func(calendar.Reader) error) error {
	return s.View(ctx, func(tx *Tx) error {
		restore, err := tx.widenCache(calendarCacheKiB)
		if err != nil {
			return err
		}
		defer restore()
		return fn(tx)
	})
}

// widenCache sets the page cache of the transaction's connection to kib
// KiB, and returns what sets it back, which frees the pages beyond the
// old size: the connection goes back to the pool, and a window keeps it.
func (tx *Tx) widenCache(kib int) (restore func(), err error) {
	var was int
	if err := tx.queryRow("PRAGMA cache_size").Scan(&was); err != nil {
		return nil, fmt.Errorf("read the page cache size: %w", err)
	}
	if _, err := tx.exec("PRAGMA cache_size = " + strconv.Itoa(-kib)); err != nil {
		return nil, fmt.Errorf("widen the page cache: %w", err)
	}
	return func() { tx.exec("PRAGMA cache_size = " + strconv.Itoa(was)) }, nil
}

// UpdateCalendar runs fn in one write transaction (see Update), handing it
// the transaction as the calendar.Tx the calendar declares.
func (s *Store) UpdateCalendar(ctx context.Context, fn func(calendar.Tx) error) error {
	return s.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
