package review_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

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
