package store_test

import (
	"io"
	"testing"

	"github.com/kithcrm/kith/crm/store"
	"github.com/kithcrm/kith/crm/vcard"
)

// Possible duplicates over the whole book: three GROUP BYs, each a walk
// of one index, whatever the number of groups found.
func BenchmarkDuplicates(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.Duplicates()
		return err
	})
}

// What merging two people would move: one person's rows, whatever the book.
func BenchmarkMergePreview(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.MergePreview(7, 8)
		return err
	})
}

// The whole book as vCards, a page at a time.
func BenchmarkExportVCard(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := vcard.Export(io.Discard, tx, vcard.ExportOptions{})
		return err
	})
}
