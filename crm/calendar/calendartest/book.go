package calendartest

import (
	"context"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/store"
)

// GenToday is the day a generated book is read on.
var GenToday = crm.NewDate(2026, 11, 25)

// GeneratedBook opens a database in a temporary folder, its today GenToday,
// filled by gen.Populate with opts: the book ReachOuts is compared with the
// per-contact reader on, and an export is measured on. It stops tb on an
// error and closes the database when tb ends.
func GeneratedBook(tb testing.TB, opts gen.Options) *store.Store {
	tb.Helper()
	st := storetest.Open(tb, GenToday, nil)
	if err := gen.Populate(context.Background(), st, opts); err != nil {
		tb.Fatal(err)
	}
	return st
}
