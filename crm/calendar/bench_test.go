package calendar

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// BenchmarkExportManyDue measures an export in which 5,000 people are due,
// each with a talk, a promise and a gift: the per-person queries must stay small.
func BenchmarkExportManyDue(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "kith.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	st.SetToday(fixtureToday)
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		for i := 0; i < 5000; i++ {
			c := &crm.Contact{Name: fmt.Sprintf("Person %d", i), MetOn: crm.MustParseDate("2025-01-01")}
			if err := tx.AddContact(c); err != nil {
				return err
			}
			if err := tx.LogInteraction(&crm.Interaction{Date: fixtureToday.AddDays(-i % 120), Kind: crm.KindCall,
				Summary: "Catch-up", Participants: []crm.Participant{{ContactID: c.ID}},
				Exchanges: []crm.Exchange{{Direction: crm.Gave, Kind: crm.ExAdvice, Description: "a book", Commitment: true},
					{Direction: crm.Received, Kind: crm.ExHelp, Description: "a review"}}}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	clock := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data, ex, err := Encoded(context.Background(), st, Options{Now: func() time.Time { return clock }})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(len(ex.Events)), "events")
			b.ReportMetric(float64(len(data)), "bytes")
		}
	}
}
