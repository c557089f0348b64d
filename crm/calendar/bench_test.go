package calendar

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/gen"
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

// BenchmarkExport50k exports the power user's book (50,000 people, 1,000,000
// interactions; some 48,000 check-ins within the horizon) two ways in the
// same run: the way Kith did before (everything in one write transaction,
// what each check-in says read with per-person queries) and the way it does
// now (read from a snapshot with set-based queries, state recorded in one
// short write). Besides the time of each, it reports how long a small write
// from another command waited while an export ran: the export holding the
// only writer made such writes wait for seconds, past the 5 s busy timeout.
func BenchmarkExport50k(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 50,000-person book")
	}
	ctx := context.Background()
	st, err := store.Open(filepath.Join(b.TempDir(), "kith.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	st.SetToday(crm.MustParseDate("2026-11-25"))
	if err := gen.Populate(ctx, st, gen.Options{People: 50000, Interactions: 1000000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	clock := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	opts := Options{Now: func() time.Time { return clock }}
	before := func() ([]byte, *Export, error) { return exportInOneWrite(ctx, st, opts) }
	after := func() ([]byte, *Export, error) { return Encoded(ctx, st, opts) }
	// One export of each first, so both measure the steady state (every
	// event recorded) and their files can be compared.
	old, _, err := before()
	if err != nil {
		b.Fatal(err)
	}
	now, ex, err := after()
	if err != nil {
		b.Fatal(err)
	}
	if !bytes.Equal(old, now) {
		b.Fatal("the set-based export differs from the per-person one")
	}
	events := len(ex.Events)
	var tBefore, tAfter, waitBefore, waitAfter time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, w := timeExport(b, st, before)
		tBefore, waitBefore = tBefore+d, max(waitBefore, w)
		d, w = timeExport(b, st, after)
		tAfter, waitAfter = tAfter+d, max(waitAfter, w)
	}
	b.ReportMetric(float64(events), "events")
	b.ReportMetric(float64(tBefore.Milliseconds())/float64(b.N), "before-ms")
	b.ReportMetric(float64(tAfter.Milliseconds())/float64(b.N), "after-ms")
	b.ReportMetric(float64(tBefore)/float64(tAfter), "speedup")
	b.ReportMetric(float64(waitBefore.Milliseconds()), "before-write-wait-ms")
	b.ReportMetric(float64(waitAfter.Milliseconds()), "after-write-wait-ms")
}

// timeExport runs one export while another writer saves a setting every
// 20 ms, and returns how long the export took and the longest such save.
func timeExport(b *testing.B, st *store.Store, export func() ([]byte, *Export, error)) (took, wait time.Duration) {
	done := make(chan struct{})
	waits := make(chan time.Duration)
	go func() {
		var longest time.Duration
		for {
			select {
			case <-done:
				waits <- longest
				return
			case <-time.After(20 * time.Millisecond):
			}
			t0 := time.Now()
			if err := st.Update(context.Background(), func(tx *store.Tx) error { return tx.SetSetting("bench.ping", t0.String()) }); err != nil {
				b.Error(err)
			}
			longest = max(longest, time.Since(t0))
		}
	}()
	t0 := time.Now()
	_, _, err := export()
	took = time.Since(t0)
	close(done)
	wait = <-waits
	if err != nil {
		b.Fatal(err)
	}
	return took, wait
}

// exportInOneWrite is the export as Kith made it before: everything in one
// write transaction, what each check-in says read with per-person queries.
// It is the benchmark's baseline.
func exportInOneWrite(ctx context.Context, st *store.Store, opts Options) ([]byte, *Export, error) {
	var ex *Export
	err := st.Update(ctx, func(tx *store.Tx) error {
		salt, err := uidSalt(tx)
		if err != nil {
			return err
		}
		s, err := LoadSettings(tx)
		if err != nil {
			return err
		}
		r, err := tx.NewReachOutReader(reachOutLimit, s.WithNotes || opts.WithNotes)
		if err != nil {
			return err
		}
		defer r.Close()
		d, err := newDraft(tx, opts, salt, r.ReachOut)
		if err != nil {
			return err
		}
		if err := d.hash(); err != nil {
			return err
		}
		states, err := d.record(tx, opts.now())
		if err != nil {
			return err
		}
		ex, err = d.finish(states)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	data, err := ex.Encode()
	return data, ex, err
}
