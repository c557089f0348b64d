package calendar

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func TestSettingsDefaultsAndRoundTrip(t *testing.T) {
	f := newFixture(t)
	var got Settings
	f.update(t, func(tx *store.Tx) (err error) { got, err = LoadSettings(tx); return err })
	if got != DefaultSettings() {
		t.Errorf("a new database has %+v, want the defaults %+v", got, DefaultSettings())
	}
	want := Settings{Horizon: crm.Span{N: 6, Unit: 'w'}, AlarmTime: "07:45", WithNotes: true,
		ReviewRule: "FREQ=MONTHLY;BYDAY=1MO", LiveFile: "/tmp/kith.ics", CalDAVURL: "https://dav.example.com/cal/",
		CalDAVUser: "me", PublishAfterChange: true}
	f.update(t, func(tx *store.Tx) error { return SaveSettings(tx, want) })
	f.update(t, func(tx *store.Tx) (err error) { got, err = LoadSettings(tx); return err })
	if got != want {
		t.Errorf("saved %+v, loaded %+v", want, got)
	}
}

func TestBadSettingsAreRefusedNamingTheSetting(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		change func(*Settings)
		field  string
	}{
		{func(s *Settings) { s.Horizon = crm.Span{} }, "horizon"},
		{func(s *Settings) { s.AlarmTime = "25:00" }, "alarm time"},
		{func(s *Settings) { s.ReviewRule = "FREQ=SOMETIMES" }, "review rule"},
		{func(s *Settings) { s.ReviewRule = "FREQ=HOURLY" }, "review rule"},
		{func(s *Settings) { s.ReviewRule = "" }, "review rule"},
		{func(s *Settings) { s.CalDAVURL = "dav.example.com/cal" }, "CalDAV URL"},
		{func(s *Settings) { s.PublishAfterChange = true }, "publish after change"},
	}
	for _, c := range cases {
		s := DefaultSettings()
		s.LiveFile = "/kept.ics"
		c.change(&s)
		err := f.st.Update(context.Background(), func(tx *store.Tx) error {
			if err := tx.SetSetting(keyLiveFile, "/before.ics"); err != nil {
				return err
			}
			return SaveSettings(tx, s)
		})
		if crm.ErrorCode(err) != crm.EInvalid || !strings.HasPrefix(err.Error(), c.field+":") {
			t.Errorf("%+v: got %v, want an invalid-input error naming %q", s, err, c.field)
		}
	}
	var got Settings
	f.update(t, func(tx *store.Tx) (err error) { got, err = LoadSettings(tx); return err })
	if got != DefaultSettings() {
		t.Errorf("a refused save changed the settings: %+v", got)
	}
}

func TestWriteFileIsAtomicAndTidy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kith.ics")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new calendar")); err != nil {
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
	if err := WriteFile(filepath.Join(dir, "missing", "kith.ics"), []byte("x")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func TestWriteLiveFollowsTheSetting(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	path, err := WriteLive(ctx, f.st, Options{Now: f.now})
	if err != nil || path != "" {
		t.Fatalf("no live file set: got %q, %v", path, err)
	}
	live := filepath.Join(t.TempDir(), "Kith check-ins.ics")
	f.update(t, func(tx *store.Tx) error {
		s, _ := LoadSettings(tx)
		s.LiveFile = live
		return SaveSettings(tx, s)
	})
	if path, err = WriteLive(ctx, f.st, Options{Now: f.now}); err != nil || path != live {
		t.Fatalf("WriteLive = %q, %v", path, err)
	}
	data, err := os.ReadFile(live)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := f.export(t, Options{})
	if string(data) != want {
		t.Errorf("the live file differs from an export made right after it")
	}
	if err := AfterChange(ctx, f.st, Options{Now: f.now}); err != nil {
		t.Errorf("AfterChange without CalDAV: %v", err)
	}
}
