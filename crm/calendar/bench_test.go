package calendar_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/calendar/calendartest"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/store"
)

// BenchmarkExportManyDue measures an export in which 5,000 people are due,
// each with a talk, a promise and a gift: the per-person queries must stay small.
func BenchmarkExportManyDue(b *testing.B) {
	st := storetest.Open(b, fixtureToday, func(tx *store.Tx) error {
		for i := 0; i < 5000; i++ {
			c := &crm.Contact{Name: fmt.Sprintf("Person %d", i), MetOn: crmtest.Date("2025-01-01")}
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
	clock := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data, ex, err := calendar.Encoded(context.Background(), st, calendar.Options{Now: func() time.Time { return clock }})
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
	st := calendartest.GeneratedBook(b, gen.Options{People: 50000, Interactions: 1000000, Seed: 1})
	clock := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	opts := calendar.Options{Now: func() time.Time { return clock }}
	before := func() ([]byte, *calendar.Export, error) { return exportInOneWrite(ctx, st, opts) }
	after := func() ([]byte, *calendar.Export, error) { return calendar.Encoded(ctx, st, opts) }
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
func timeExport(b *testing.B, st *store.Store, export func() ([]byte, *calendar.Export, error)) (took, wait time.Duration) {
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
func exportInOneWrite(ctx context.Context, st *store.Store, opts calendar.Options) ([]byte, *calendar.Export, error) {
	var ex *calendar.Export
	err := st.Update(ctx, func(tx *store.Tx) (err error) {
		ex, err = calendar.ExportInOneTx(&perPerson{Tx: tx, ctx: ctx, st: st}, opts)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	data, err := ex.Encode()
	return data, ex, err
}

// perPerson is a write transaction that reads what each check-in says one
// contact at a time, with the per-contact reader, as Kith did before
// ReachOutsOf read a chunk of contacts in one statement.
type perPerson struct {
	*store.Tx
	ctx context.Context
	st  *store.Store
}

// ReachOutsOf reads what each check-in says with per-contact queries, as
// the export did before.
func (p *perPerson) ReachOutsOf(ids []int64, limit int, withNotes bool) (map[int64]calendar.ReachOut, error) {
	r, err := calendartest.NewReachOutReader(p.ctx, p.st, limit, withNotes)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := make(map[int64]calendar.ReachOut, len(ids))
	for _, id := range ids {
		if out[id], err = r.ReachOut(id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// BenchmarkExportRatio is `kith export ics` on the book KITH_BENCH_DB names
// (the 50,000-person book scripts/bench generates; a copy is read, never
// the file itself), in process and in the steady state (every event
// already recorded, so nothing is written), against the bare indexed read
// of the same due rows in the same run: on a machine shared with other
// work, their ratio is steadier than either time.
func BenchmarkExportRatio(b *testing.B) {
	src := os.Getenv("KITH_BENCH_DB")
	if src == "" {
		b.Skip("set KITH_BENCH_DB to a generated book (scripts/bench keeps one in ~/.cache/kith-bench)")
	}
	ctx := context.Background()
	st, path := benchCopy(b, src)
	st.SetToday(calendartest.GenToday)
	// A write on the book's day brings the stored check-ins back to it
	// (opening the copy may have migrated it on the real day).
	if err := st.Update(ctx, func(tx *store.Tx) error { return nil }); err != nil {
		b.Fatal(err)
	}
	var until crm.Date
	if err := st.View(ctx, func(tx *store.Tx) error {
		s, err := calendar.LoadSettings(tx)
		until = s.Horizon.After(tx.Today())
		return err
	}); err != nil {
		b.Fatal(err)
	}
	export := func() int {
		n, err := calendar.Stream(ctx, st, calendar.Options{}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		return n
	}
	events := export() // records every event: the runs below write nothing
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	b.Run("export", func(b *testing.B) {
		for b.Loop() {
			export()
		}
		b.ReportMetric(float64(events), "events")
	})
	b.Run("sqlite-due", func(b *testing.B) {
		for b.Loop() {
			storetest.ReadAll(b, raw, `SELECT id, name, checkin_roles, cadence_days, last_contact, next_due, last_summary
				FROM contacts WHERE archived = 0 AND next_due <= ? ORDER BY next_due, name_key, id`, until.String())
		}
	})
}

// benchCopy opens a copy of the book at src in a temporary folder.
func benchCopy(b *testing.B, src string) (*store.Store, string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "kith.db")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(path)
	if err == nil {
		_, err = io.Copy(out, in)
		err = errors.Join(err, out.Close())
	}
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st, path
}
