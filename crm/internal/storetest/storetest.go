// Package storetest opens the real databases Kith's tests and benchmarks
// run against, each in a temporary folder of its own. Only tests import
// it; package store's own tests cannot (store would import itself), and
// keep their openTemp.
package storetest

import (
	"context"
	"database/sql"
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

// ReadAll runs a query on db and reads every column of every row into Go
// values, as sqlite3 printing them would: the bare read the benchmarks
// set Kith's own against.
func ReadAll(tb testing.TB, db *sql.DB, q string, args ...any) {
	tb.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		tb.Fatal(err)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
}
