package store_test

import (
	"io"
	"testing"

	"github.com/kithcrm/kith/crm/csvexport"
	"github.com/kithcrm/kith/crm/store"
)

// The CSV exports stream a whole table: their time grows with the rows,
// their memory must not (compare B/op with the row count).
func BenchmarkExportCSVPeople(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := csvexport.Write(io.Discard, tx, csvexport.People)
		return err
	})
}

func BenchmarkExportCSVInteractions(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := csvexport.Write(io.Discard, tx, csvexport.Interactions)
		return err
	})
}
