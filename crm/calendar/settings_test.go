package calendar_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

func TestSettingsDefaultsAndRoundTrip(t *testing.T) {
	f := newFixture(t)
	got := f.settings(t)
	if got != calendar.DefaultSettings() {
		t.Errorf("a new database has %+v, want the defaults %+v", got, calendar.DefaultSettings())
	}
	want := calendar.Settings{Horizon: crm.Span{N: 6, Unit: 'w'}, AlarmTime: "07:45", WithNotes: true,
		ReviewRule: "FREQ=MONTHLY;BYDAY=1MO", LiveFile: "/tmp/kith.ics", CalDAVURL: "https://dav.example.com/cal/",
		CalDAVUser: "me", PublishAfterChange: true}
	f.update(t, func(tx *store.Tx) error { return calendar.SaveSettings(tx, want) })
	if got := f.settings(t); got != want {
		t.Errorf("saved %+v, loaded %+v", want, got)
	}
}

func TestBadSettingsAreRefusedNamingTheSetting(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		change func(*calendar.Settings)
		field  string
	}{
		{func(s *calendar.Settings) { s.Horizon = crm.Span{} }, "horizon"},
		{func(s *calendar.Settings) { s.AlarmTime = "25:00" }, "alarm time"},
		{func(s *calendar.Settings) { s.ReviewRule = "FREQ=SOMETIMES" }, "review rule"},
		{func(s *calendar.Settings) { s.ReviewRule = "FREQ=HOURLY" }, "review rule"},
		{func(s *calendar.Settings) { s.ReviewRule = "" }, "review rule"},
		{func(s *calendar.Settings) { s.ReviewRule = "FREQ=MONTHLY;INTERVAL=0" }, "review rule"},
		{func(s *calendar.Settings) { s.Horizon = crm.Span{N: 101, Unit: 'y'} }, "horizon"},
		{func(s *calendar.Settings) { s.CalDAVURL = "dav.example.com/cal" }, "CalDAV URL"},
		{func(s *calendar.Settings) { s.PublishAfterChange = true }, "publish after change"},
	}
	for _, c := range cases {
		s := calendar.DefaultSettings()
		s.LiveFile = "/kept.ics"
		c.change(&s)
		err := f.st.Update(context.Background(), func(tx *store.Tx) error {
			if err := tx.SetSetting(calendar.KeyLiveFile, "/before.ics"); err != nil {
				return err
			}
			return calendar.SaveSettings(tx, s)
		})
		if crm.ErrorCode(err) != crm.EInvalid || !strings.HasPrefix(err.Error(), c.field+":") {
			t.Errorf("%+v: got %v, want an invalid-input error naming %q", s, err, c.field)
		}
	}
	got := f.settings(t)
	if got != calendar.DefaultSettings() {
		t.Errorf("a refused save changed the settings: %+v", got)
	}
}

func TestWriteFileIsAtomicAndTidy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kith.ics")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := calendar.WriteFile(path, []byte("new calendar")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != "new calendar" {
		t.Errorf("file holds %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// A folder that does not exist: an error, and nothing written.
	if err := calendar.WriteFile(filepath.Join(dir, "missing", "kith.ics"), []byte("x")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func TestWriteLiveFollowsTheSetting(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	path, err := calendar.WriteLive(ctx, f.st, calendar.Options{Now: f.now})
	if err != nil || path != "" {
		t.Fatalf("no live file set: got %q, %v", path, err)
	}
	live := filepath.Join(t.TempDir(), "Kith check-ins.ics")
	f.update(t, func(tx *store.Tx) error {
		s, _ := calendar.LoadSettings(tx)
		s.LiveFile = live
		return calendar.SaveSettings(tx, s)
	})
	if path, err = calendar.WriteLive(ctx, f.st, calendar.Options{Now: f.now}); err != nil || path != live {
		t.Fatalf("WriteLive = %q, %v", path, err)
	}
	data, err := os.ReadFile(live)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := f.export(t, calendar.Options{})
	if string(data) != want {
		t.Errorf("the live file differs from an export made right after it")
	}
	if err := calendar.AfterChange(ctx, f.st, calendar.Options{Now: f.now}); err != nil {
		t.Errorf("AfterChange without CalDAV: %v", err)
	}
}

// With a live file and CalDAV both on, AfterChange builds the calendar once
// and hands the same events to both (each build reads the clock once).
func TestAfterChangeBuildsOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	live := filepath.Join(t.TempDir(), "live.ics")
	f.update(t, func(tx *store.Tx) error {
		s, _ := calendar.LoadSettings(tx)
		s.LiveFile, s.CalDAVURL, s.PublishAfterChange = live, "http://127.0.0.1:1/cal/", true
		return calendar.SaveSettings(tx, s)
	})
	t.Setenv(calendar.PasswordEnv, "secret")
	builds := 0
	err := calendar.AfterChange(ctx, f.st, calendar.Options{Now: func() time.Time { builds++; return f.clock }})
	if err == nil || !strings.Contains(err.Error(), "cannot reach the server") {
		t.Errorf("publishing to a closed port: %v", err)
	}
	if data, rerr := os.ReadFile(live); rerr != nil || !strings.HasPrefix(string(data), "BEGIN:VCALENDAR") {
		t.Errorf("the live file was not written despite the publish failing: %v", rerr)
	}
	if builds != 1 {
		t.Errorf("AfterChange built the calendar %d times, want once", builds)
	}
}

// Exports running at the same time record each changed event once: each
// re-reads the recorded state in its own short write.
func TestConcurrentExportsStayConsistent(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.export(t, calendar.Options{})
	f.update(t, func(tx *store.Tx) error { return tx.Snooze(f.ids["Wei Zhang"], crmtest.Date("2026-04-15")) })
	f.clock = f.clock.Add(time.Hour)
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, _, err := calendar.Encoded(ctx, f.st, calendar.Options{Now: f.now})
			if err != nil {
				t.Error(err)
			}
			outs[i] = data
		}()
	}
	wg.Wait()
	for i := range outs {
		if !bytes.Equal(outs[i], outs[0]) {
			t.Errorf("export %d differs from export 0", i)
		}
	}
	if !strings.Contains(string(outs[0]), "SEQUENCE:1\r\n") || strings.Contains(string(outs[0]), "SEQUENCE:2\r\n") {
		t.Error("the snoozed check-in's SEQUENCE did not rise exactly once")
	}
}

// A horizon or a review rule an older Kith saved, and this one refuses,
// does not stop the calendar: the horizon reads as the longest there is,
// and the export puts the review on the default rule.
func TestSettingsAnOlderKithSavedStillExport(t *testing.T) {
	f := newFixture(t)
	f.update(t, func(tx *store.Tx) error {
		if err := tx.SetSetting("calendar.horizon", "200y"); err != nil {
			return err
		}
		return tx.SetSetting("calendar.review_rule", "FREQ=MONTHLY;INTERVAL=0")
	})
	if got := f.settings(t).Horizon; got != (crm.Span{N: crm.MaxSpanDays, Unit: 'd'}) {
		t.Errorf("horizon %v, want %dd", got, crm.MaxSpanDays)
	}
	data, _, err := calendar.Encoded(context.Background(), f.st, calendar.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "RRULE:"+calendar.DefaultReviewRule) {
		t.Errorf("the review is not on the default rule:\n%.2000s", data)
	}
}
