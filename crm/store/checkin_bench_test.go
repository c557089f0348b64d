package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

// The benchmarks of the stored check-ins and the review pair each of
// Kith's reads with the bare SQL read of the same rows (what sqlite3 would
// do), on the same file in the same run, so their ratio is the overhead
// Kith adds. They run on the 1,000-person baseline book, or on the book
// KITH_BENCH_DB names (a 50,000-person one takes minutes to build: make it
// once with crm/gen and point at it), read-only, seen from the day its
// check-ins are stored for.
func ratioBook(b *testing.B) (*store.Store, *sql.DB) {
	b.Helper()
	path := os.Getenv("KITH_BENCH_DB")
	var st *store.Store
	if path == "" {
		st = book(b, 1000, 20000)
		path = filepath.Join(books.dir, "1000-20000.db")
	} else {
		var err error
		if st, err = store.OpenReadOnly(path); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
	}
	err := st.View(context.Background(), func(tx *store.Tx) error {
		day, err := tx.CheckInsDay()
		if err == nil && !day.IsZero() {
			st.SetToday(day)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { raw.Close() })
	return st, raw
}

func viewEach(b *testing.B, st *store.Store, fn func(tx *store.Tx) error) {
	b.Helper()
	for b.Loop() {
		if err := st.View(context.Background(), fn); err != nil {
			b.Fatal(err)
		}
	}
}

// rawRows reads every column of every row of a query, each iteration
// (see storetest.ReadAll).
func rawRows(b *testing.B, db *sql.DB, q string, args ...any) {
	b.Helper()
	for b.Loop() {
		storetest.ReadAll(b, db, q, args...)
	}
}

// BenchmarkDueRatio is `kith due` over the next two weeks: from the stored
// dates, worked out from scratch as Kith did before storing them, and the
// bare indexed read of the stored dates.
func BenchmarkDueRatio(b *testing.B) {
	st, raw := ratioBook(b)
	until := st.Today().AddDays(14)
	b.Run("stored", func(b *testing.B) {
		viewEach(b, st, func(tx *store.Tx) error { _, err := tx.Due(until); return err })
	})
	b.Run("computed", func(b *testing.B) {
		viewEach(b, st, func(tx *store.Tx) error { _, err := store.DueComputed(tx, until); return err })
	})
	b.Run("sqlite-index", func(b *testing.B) {
		rawRows(b, raw, `SELECT id, name, last_contact, next_due FROM contacts
			WHERE archived = 0 AND next_due <= ? ORDER BY next_due, name_key`, until.String())
	})
}

// BenchmarkReviewRatio is a quarter's review against the bare aggregates
// it rests on: the quarter's totals and each person's interactions.
func BenchmarkReviewRatio(b *testing.B) {
	st, raw := ratioBook(b)
	q := review.QuarterOf(st.Today()).Prev()
	b.Run("review", func(b *testing.B) {
		viewEach(b, st, func(tx *store.Tx) error { _, err := review.Compute(tx, q); return err })
	})
	b.Run("sqlite-aggregates", func(b *testing.B) {
		rawRows(b, raw, `SELECT count(*), sum(minutes) FROM interactions WHERE occurred_on BETWEEN ?1 AND ?2
			UNION ALL
			SELECT p.contact_id, count(*) FROM interactions i JOIN participants p ON p.interaction_id = i.id
			WHERE i.occurred_on BETWEEN ?1 AND ?2 GROUP BY p.contact_id`, q.Start().String(), q.End().String())
	})
}

// BenchmarkCheckRatio is `kith check` (every stored date worked out again
// and compared) against the bare read of the stored dates.
func BenchmarkCheckRatio(b *testing.B) {
	st, raw := ratioBook(b)
	b.Run("check", func(b *testing.B) {
		viewEach(b, st, func(tx *store.Tx) error { _, err := tx.CheckStoredDates(); return err })
	})
	b.Run("sqlite-read", func(b *testing.B) {
		rawRows(b, raw, `SELECT id, last_contact, next_due FROM contacts`)
	})
}
