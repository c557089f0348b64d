package calendar_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/calendar/calendartest"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/store"
)

// failingReads is the store with a reader whose ReachOutsOf fails from
// its call number failAt on.
type failingReads struct {
	*store.Store
	failAt int
}

var errReadFailed = errors.New("the disk went away")

func (f *failingReads) ViewCalendar(ctx context.Context, fn func(calendar.Reader) error) error {
	return f.Store.ViewCalendar(ctx, func(r calendar.Reader) error { return fn(&failingReader{Reader: r, failAt: f.failAt}) })
}

type failingReader struct {
	calendar.Reader
	calls, failAt int
}

func (r *failingReader) ReachOutsOf(ids []int64, limit int, withNotes bool) (map[int64]calendar.ReachOut, error) {
	if r.calls++; r.calls >= r.failAt {
		return nil, errReadFailed
	}
	return r.Reader.ReachOutsOf(ids, limit, withNotes)
}

// failingWriter takes n bytes, then fails.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}

// What each check-in says is read a chunk ahead of the events written: an
// export whose reading fails, or whose writing fails while the next chunk
// is being read, stops with that error, and the same export after them
// gives the same bytes as before.
func TestReadingAheadStopsWithTheExport(t *testing.T) {
	st := calendartest.GeneratedBook(t, gen.Options{People: 3000, Interactions: 20000, Seed: 3})
	ctx := context.Background()
	opts := calendar.Options{Now: func() time.Time { return time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC) }}
	var whole bytes.Buffer
	n, err := calendar.Stream(ctx, st, opts, &whole)
	if err != nil {
		t.Fatal(err)
	}
	if checkIns := strings.Count(whole.String(), "UID:kith-checkin-"); checkIns <= 2*calendar.ReachOutChunk {
		t.Fatalf("%d check-ins in %d events: too few for three chunks", checkIns, n)
	}
	for _, failAt := range []int{1, 2, 3} {
		if _, err := calendar.Stream(ctx, &failingReads{Store: st, failAt: failAt}, opts, io.Discard); !errors.Is(err, errReadFailed) {
			t.Errorf("reading failing at chunk %d: the export gave %v", failAt, err)
		}
	}
	for _, after := range []int{0, 1 << 16, whole.Len() / 2} {
		if _, err := calendar.Stream(ctx, st, opts, &failingWriter{n: after}); !errors.Is(err, io.ErrShortWrite) {
			t.Errorf("writing failing after %d bytes: the export gave %v", after, err)
		}
	}
	var again bytes.Buffer
	if _, err := calendar.Stream(ctx, st, opts, &again); err != nil || again.String() != whole.String() {
		t.Errorf("after the failed exports the export differs (%v)", err)
	}
}
