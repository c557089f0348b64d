package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
)

// liveEvents decodes the live calendar file with go-ical, as a
// subscribing client would, and returns its events.
func liveEvents(t *testing.T, path string) []ical.Event {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("live file: %v", err)
	}
	defer f.Close()
	cal, err := ical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatalf("live file %s does not parse: %v", path, err)
	}
	return cal.Events()
}

// liveSummaries returns the summaries of the live calendar file's events.
func liveSummaries(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	for _, ev := range liveEvents(t, path) {
		s, err := ev.Props.Text(ical.PropSummary)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func hasSummaryFor(summaries []string, name string) bool {
	return slices.ContainsFunc(summaries, func(s string) bool { return strings.HasPrefix(s, "Check in with "+name) })
}

func TestWriteCommandRewritesTheLiveFile(t *testing.T) {
	db := seed(t)
	live := filepath.Join(t.TempDir(), "Kith.ics")
	mustKith(t, db, "--today", today, "calendar", "set", "--live-file", live)
	if !hasSummaryFor(liveSummaries(t, live), "Priya Raman") {
		t.Error("setting the live file did not write it with Priya's check-in")
	}
	if err := os.Remove(live); err != nil {
		t.Fatal(err)
	}
	out := mustKith(t, db, "--today", today, "contact", "add", "Ana Silva", "--role", "mentor", "--met", "2026-06-01")
	if strings.Contains(out, "calendar") || strings.Contains(out, live) {
		t.Errorf("the refresh wrote to stdout, which scripts read: %q", out)
	}
	got := liveSummaries(t, live)
	if !hasSummaryFor(got, "Ana Silva") || !hasSummaryFor(got, "Priya Raman") {
		t.Errorf("after adding Ana the live file holds %q", got)
	}
	// Reads leave the file alone.
	os.Remove(live)
	mustKith(t, db, "--today", today, "contact", "list")
	if _, err := os.Stat(live); !os.IsNotExist(err) {
		t.Errorf("a read-only command wrote the live file (%v)", err)
	}
	// Archiving takes her out again.
	mustKith(t, db, "--today", today, "contact", "archive", "Ana Silva")
	if got := liveSummaries(t, live); hasSummaryFor(got, "Ana Silva") {
		t.Errorf("after archiving Ana the live file still holds her: %q", got)
	}
}

func TestNoLiveFileMeansNoCalendarWork(t *testing.T) {
	db := seed(t)
	dir := filepath.Dir(db)
	mustKith(t, db, "--today", today, "contact", "add", "Ana Silva", "--role", "mentor")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "kith.db") && e.Name() != "backups" { // the daily backup is not calendar work
			t.Errorf("with no live file set, a command wrote %s", e.Name())
		}
	}
}

func TestLiveFileFailureWarnsButKeepsTheChange(t *testing.T) {
	db := seed(t)
	gone := filepath.Join(t.TempDir(), "gone")
	if err := os.Mkdir(gone, 0o700); err != nil {
		t.Fatal(err)
	}
	mustKith(t, db, "--today", today, "calendar", "set", "--live-file", filepath.Join(gone, "Kith.ics"))
	if err := os.RemoveAll(gone); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := kith(t, db, "--today", today, "contact", "add", "Ana Silva", "--role", "mentor")
	if code != 0 || !strings.Contains(errOut, "warning") || !strings.Contains(errOut, "Kith.ics") {
		t.Errorf("a live file in a missing folder: exit %d, stderr %q; want 0 and a warning naming the file", code, errOut)
	}
	if out := mustKith(t, db, "contact", "show", "Ana Silva"); !strings.Contains(out, "Ana Silva") {
		t.Errorf("the change was lost: %q", out)
	}
}

func TestPublishAfterChangeFailureWarnsButKeepsTheChange(t *testing.T) {
	db := seed(t)
	t.Setenv("KITH_CALDAV_PASSWORD", "secret")
	// Port 1 on the loopback has no server.
	mustKith(t, db, "calendar", "set", "--caldav-url", "http://127.0.0.1:1/cal/", "--caldav-user", "me", "--publish-after-change=true")
	_, errOut, code := kith(t, db, "--today", today, "contact", "add", "Ana Silva")
	if code != 0 || !strings.Contains(errOut, "warning") || !strings.Contains(errOut, "reach") {
		t.Errorf("publishing to nowhere after a change: exit %d, stderr %q; want 0 and a warning", code, errOut)
	}
	if out := mustKith(t, db, "contact", "show", "Ana Silva"); !strings.Contains(out, "Ana Silva") {
		t.Errorf("the change was lost: %q", out)
	}
}
