package store

import (
	"context"

	"github.com/kithcrm/kith/crm/calendar"
)

// The store is what the calendar reads and records (see calendar.Store):
// the calendar declares the port, so it never reaches into *Tx.
var (
	_ calendar.Store = (*Store)(nil)
	_ calendar.Tx    = (*Tx)(nil)
)

// ViewCalendar runs fn in one read-only transaction (see View). It exists
// because calendar.Store cannot name *Tx: the calendar sees the transaction
// only as the calendar.Reader it declares.
func (s *Store) ViewCalendar(ctx context.Context, fn func(calendar.Reader) error) error {
	return s.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// UpdateCalendar runs fn in one write transaction (see Update), handing it
// the transaction as the calendar.Tx the calendar declares.
func (s *Store) UpdateCalendar(ctx context.Context, fn func(calendar.Tx) error) error {
	return s.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
