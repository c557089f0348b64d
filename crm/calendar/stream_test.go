package calendar_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// stream writes the calendar with Stream at the fixture's clock.
func (f *fixture) stream(t *testing.T, opts calendar.Options) string {
	t.Helper()
	opts.Now = f.now
	var buf bytes.Buffer
	n, err := calendar.Stream(context.Background(), f.st, opts, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if events := strings.Count(buf.String(), "BEGIN:VEVENT\r\n"); n != events {
		t.Errorf("Stream counted %d events and wrote %d", n, events)
	}
	return buf.String()
}

// states reads the recorded state of every exported event.
func (f *fixture) states(t *testing.T) map[string]calendar.EventState {
	t.Helper()
	var s map[string]calendar.EventState
	f.update(t, func(tx *store.Tx) (err error) { s, err = tx.CalendarEventStates(); return err })
	return s
}

// The streamed calendar, written one event at a time, is byte for byte the
// calendar built whole, whichever of the two recorded the events first, with
// and without notes, before and after a change; and an unchanged export
// records nothing.
func TestStreamWritesTheBytesOfTheWholeCalendar(t *testing.T) {
	f := newFixture(t)
	first := f.stream(t, calendar.Options{WithNotes: true})
	if whole, _ := f.export(t, calendar.Options{WithNotes: true}); whole != first {
		t.Fatalf("the whole calendar differs from the streamed one:\n%s\n----\n%s", whole, first)
	}
	if !strings.Contains(first, "Check in with Wei Zhang") || !strings.HasSuffix(first, "END:VCALENDAR\r\n") {
		t.Fatalf("streamed calendar lacks a check-in or its end:\n%s", first)
	}
	f.clock = f.clock.Add(time.Hour)
	f.update(t, func(tx *store.Tx) error { return tx.Snooze(f.ids["Wei Zhang"], crmtest.Date("2026-04-15")) })
	whole, _ := f.export(t, calendar.Options{}) // records the change: notes gone, Wei moved
	before := f.states(t)
	f.clock = f.clock.Add(time.Hour)
	if again := f.stream(t, calendar.Options{}); again != whole {
		t.Errorf("an unchanged streamed export differs from the whole one before it:\n%s\n----\n%s", again, whole)
	}
	if after := f.states(t); len(after) != len(before) {
		t.Errorf("an unchanged export recorded %d events, had %d", len(after), len(before))
	} else {
		for uid, s := range before {
			if a := after[uid]; a.Hash != s.Hash || a.Sequence != s.Sequence || !a.LastModified.Equal(s.LastModified) {
				t.Errorf("%s: state moved from %+v to %+v in an unchanged export", uid, s, a)
			}
		}
	}
	// A change seen by the streamed export is recorded as the whole one records it.
	f.clock = f.clock.Add(time.Hour)
	f.update(t, func(tx *store.Tx) error { return tx.Snooze(f.ids["Wei Zhang"], crmtest.Date("2026-04-20")) })
	streamed := f.stream(t, calendar.Options{})
	if whole, _ := f.export(t, calendar.Options{}); whole != streamed {
		t.Errorf("the export after a streamed one that saw a change differs:\n%s\n----\n%s", whole, streamed)
	}
	evs := parseStamps(t, streamed)
	for _, s := range evs {
		if strings.Contains(s.summary, "Wei Zhang") && s.sequence != "2" {
			t.Errorf("Wei's check-in moved twice: SEQUENCE %s, want 2", s.sequence)
		}
	}
}

// A temporary file that a killed export left beside the live file goes at
// the next export once older than a minute; a recent one (an export still
// running) and other files, even of a similar name, stay.
func TestLiveFileRemovesStaleTemporaries(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	live := filepath.Join(dir, "kith.ics")
	f.update(t, func(tx *store.Tx) error {
		s, _ := calendar.LoadSettings(tx)
		s.LiveFile = live
		return calendar.SaveSettings(tx, s)
	})
	old := time.Now().Add(-2 * time.Minute)
	files := map[string]bool{ // name: whether it must stay
		".kith.ics.123456.tmp": false, ".kith.ics.99.tmp": true, ".kith.ics.notes.tmp": true,
		".other.ics.123456.tmp": true, "kith.ics.123456.tmp": true, ".kith.ics.123456.tmp.bak": true,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("BEGIN:VCALENDAR\r\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name == ".kith.ics.99.tmp" {
			continue // just made: an export still writing it
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := calendar.WriteLive(context.Background(), f.st, calendar.Options{Now: f.now}); err != nil {
		t.Fatal(err)
	}
	for name, stays := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if stays && err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
		if !stays && err == nil {
			t.Errorf("stale temporary %s is still there", name)
		}
	}
	if data, err := os.ReadFile(live); err != nil || !strings.HasSuffix(string(data), "END:VCALENDAR\r\n") {
		t.Errorf("live file not written: %v", err)
	}
}
