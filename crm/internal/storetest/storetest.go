// Package storetest opens the real databases Kith's tests and benchmarks
// run against, each in a temporary folder of its own. Only tests import
// it; package store's own tests cannot (store would import itself), and
// keep their openTemp.
package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// Open creates a database in a temporary folder, sets its today and, when
// fill is not nil, writes fill in one transaction; it stops tb on any
// error and closes the database when tb ends.
func Open(tb testing.TB, today crm.Date, fill func(*store.Tx) error) *store.Store {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "kith.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	st.SetToday(today)
	if fill == nil {
		return st
	}
	if err := st.Update(context.Background(), fill); err != nil {
		tb.Fatal(err)
	}
	return st
}
