package review_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

// benchBooks holds the generated databases, built once per test binary.
var benchBooks = struct {
	sync.Once
	dir        string
	big, small *store.Store
	err        error
}{}

// benchStores returns two books of the same 5,000 people over five years:
// one with 100,000 interactions, the baseline with 10,000.
func benchStores(b *testing.B) (big, small *store.Store) {
	benchBooks.Do(func() {
		dir, err := osTempDir()
		if err != nil {
			benchBooks.err = err
			return
		}
		benchBooks.dir = dir
		open := func(name string, n int) *store.Store {
			st, err := store.Open(filepath.Join(dir, name))
			if err == nil {
				err = gen.Populate(context.Background(), st, gen.Options{People: 5000, Interactions: n, Seed: 1})
			}
			if err != nil && benchBooks.err == nil {
				benchBooks.err = err
			}
			st.SetToday(crm.NewDate(2026, 10, 5))
			return st
		}
		benchBooks.big, benchBooks.small = open("big.db", 100000), open("small.db", 10000)
	})
	if benchBooks.err != nil {
		b.Fatal(benchBooks.err)
	}
	return benchBooks.big, benchBooks.small
}

func reviewOnce(b *testing.B, st *store.Store) *review.Review {
	var r *review.Review
	err := st.View(context.Background(), func(tx *store.Tx) (err error) {
		r, err = review.Compute(tx, review.Quarter{Year: 2026, N: 3})
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkReview computes the 2026Q3 review of a book with 100,000
// interactions (5,000 interactions in the quarter) and reports, measured
// in the same run, the same review over 10,000 interactions as a baseline
// (ms-10k/op) and the ratio of the two (x-vs-10k): the review reads a
// quarter, not the history, so the ratio stays far below the tenfold
// growth of the data.
func BenchmarkReview(b *testing.B) {
	big, small := benchStores(b)
	if r := reviewOnce(b, big); r.Interactions < 4000 {
		b.Fatalf("the generated quarter has %d interactions, want about 5,000", r.Interactions)
	}
	n := 0
	for b.Loop() {
		reviewOnce(b, big)
		n++
	}
	per := b.Elapsed() / time.Duration(n)
	start := time.Now()
	for range n {
		reviewOnce(b, small)
	}
	base := time.Since(start) / time.Duration(n)
	b.ReportMetric(float64(base.Microseconds())/1000, "ms-10k/op")
	b.ReportMetric(float64(per)/float64(base), "x-vs-10k")
}

func osTempDir() (string, error) { return os.MkdirTemp("", "kith-review-bench") }

// TestMain removes the benchmark's generated books after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchBooks.dir != "" {
		if benchBooks.big != nil {
			benchBooks.big.Close()
			benchBooks.small.Close()
		}
		os.RemoveAll(benchBooks.dir)
	}
	os.Exit(code)
}

// TestReviewMillion times the review of a full-size book (50,000 people,
// 1,000,000 interactions); set KITH_REVIEW_MILLION=1 to run it.
func TestReviewMillion(t *testing.T) {
	if os.Getenv("KITH_REVIEW_MILLION") == "" {
		t.Skip("set KITH_REVIEW_MILLION=1 to review a book of 50,000 people and 1,000,000 interactions")
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "big.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := gen.Populate(context.Background(), st, gen.Options{People: 50000, Interactions: 1000000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	st.SetToday(crm.NewDate(2026, 10, 5))
	for range 3 {
		start := time.Now()
		var r *review.Review
		if err := st.View(context.Background(), func(tx *store.Tx) (err error) {
			r, err = review.Compute(tx, review.Quarter{Year: 2026, N: 3})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		t.Logf("2026Q3: %d interactions, %d contacts, in %s", r.Interactions, len(r.Contacts), time.Since(start).Round(time.Millisecond))
	}
}
