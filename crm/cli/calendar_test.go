package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/kithcrm/kith/crm/store"
)

func TestExportICSToStdoutAndFile(t *testing.T) {
	db := seed(t)
	out := mustKith(t, db, "--today", today, "export", "ics")
	un := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "X-WR-CALNAME:Kith check-ins\r\n",
		"SUMMARY:Check in with Priya Raman (mentor): ", "DTSTART;VALUE=DATE:20261125\r\n",
		"SUMMARY:Circle meeting: Aspiring PMs\r\n", "SUMMARY:Quarterly relationship review\r\n", "END:VCALENDAR\r\n"} {
		if !strings.Contains(un, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if strings.Contains(un, "prefers mornings") {
		t.Error("Priya's private note was exported without --with-notes")
	}
	if !strings.Contains(strings.ReplaceAll(mustKith(t, db, "--today", today, "export", "ics", "--with-notes"), "\r\n ", ""), "prefers mornings") {
		t.Error("--with-notes did not include Priya's note")
	}

	file := filepath.Join(t.TempDir(), "kith.ics")
	msg := mustKith(t, db, "--today", today, "export", "ics", "--out", file, "--horizon", "1w")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	n := strings.Count(string(data), "BEGIN:VEVENT")
	if !strings.HasPrefix(msg, "wrote ") || !strings.Contains(msg, file) || !strings.Contains(msg, " "+strconv.Itoa(n)+" events") {
		t.Errorf("message %q for a file with %d events", msg, n)
	}
	// Same day, same data: the file is byte for byte what stdout gives.
	if again := mustKith(t, db, "--today", today, "export", "ics", "--horizon", "1w"); again != string(data) {
		t.Error("an unchanged export differs between --out and stdout")
	}
}

func TestExportICSBadInput(t *testing.T) {
	db := seed(t)
	for _, c := range []failing{
		{[]string{"export", "ics", "--horizon", "soon"}, "horizon"},
		{[]string{"export", "ics", "extra"}, "too many arguments"},
		{[]string{"export", "ics", "--out", filepath.Join(t.TempDir(), "no", "such", "dir", "k.ics")}, "k.ics"},
	} {
		fails(t, db, c.want, append([]string{"--today", today}, c.args...)...)
	}
}

func TestCalendarSettingsCommand(t *testing.T) {
	db := seed(t)
	live := filepath.Join(t.TempDir(), "live.ics")
	mustKith(t, db, "calendar", "set", "--horizon", "6w", "--alarm", "07:30", "--live-file", live,
		"--caldav-url", "https://dav.example.com/cal/", "--caldav-user", "me")
	var s map[string]any
	kithJSON(t, db, &s, "calendar", "--json")
	for key, want := range map[string]any{"horizon": "6w", "alarm_time": "07:30", "live_file": live, "with_notes": false,
		"caldav_url": "https://dav.example.com/cal/", "caldav_user": "me", "publish_after_change": false,
		"review_rule": "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO"} {
		if s[key] != want {
			t.Errorf("calendar %s = %v, want %v", key, s[key], want)
		}
	}
	for _, c := range []struct{ flag, value, want string }{
		{"--alarm", "25:61", "--alarm: "}, {"--review-rule", "FREQ=NEVER", "--review-rule: "},
		{"--caldav-url", "dav.example.com", "--caldav-url: "}, {"--horizon", "0d", "horizon"},
	} {
		_, errOut, code := kith(t, db, "calendar", "set", c.flag, c.value, "--with-notes=true")
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("calendar set %s %s: exit %d, %q; want 2 and %q", c.flag, c.value, code, errOut, c.want)
		}
	}
	var after map[string]any
	kithJSON(t, db, &after, "calendar", "--json")
	if after["alarm_time"] != "07:30" || after["with_notes"] != false {
		t.Errorf("a refused 'calendar set' changed the settings: %v", after)
	}

	out := mustKith(t, db, "--today", today, "calendar", "refresh")
	data, err := os.ReadFile(live)
	if err != nil || !strings.Contains(out, live) || !strings.HasPrefix(string(data), "BEGIN:VCALENDAR\r\n") {
		t.Fatalf("calendar refresh: %q, live file %v", out, err)
	}
	if !strings.Contains(string(data), "TRIGGER;RELATED=START:PT7H30M") {
		t.Error("the live file does not follow the alarm setting")
	}
}

func TestPublishCalDAVErrors(t *testing.T) {
	db := seed(t)
	t.Setenv("KITH_CALDAV_PASSWORD", "secret")
	_, errOut, code := kith(t, db, "publish", "caldav")
	if code != 2 || !strings.Contains(errOut, "--url") {
		t.Errorf("publish without a URL: exit %d, %q", code, errOut)
	}
	// Port 1 on the loopback has no server: a clear error, exit 1.
	_, errOut, code = kith(t, db, "--today", today, "publish", "caldav", "--url", "http://127.0.0.1:1/cal/", "--user", "me")
	if code != 1 || !strings.Contains(errOut, "cannot reach the server") {
		t.Errorf("publish to nowhere: exit %d, %q", code, errOut)
	}
	// The calendar state was kept: a later export still works and is unchanged by the failure.
	mustKith(t, db, "--today", today, "export", "ics")
}

// A 'calendar set --password-stdin' that cannot read or keep the password
// fails with the database as it was.
func TestCalendarSetPasswordFailureChangesNothing(t *testing.T) {
	db := seed(t)
	defer func(r io.Reader) { stdin = r }(stdin)
	args := []string{"calendar", "set", "--caldav-url", "https://dav.example.com/cal/", "--caldav-user", "me",
		"--alarm", "06:00", "--password-stdin"}
	keyring.MockInit()
	before := dumpDB(t, db)
	for _, c := range []struct {
		name, in string
		keyErr   error
		want     string
	}{
		{"empty stdin", "", nil, "no password on stdin"},
		{"empty line", "\n", nil, "no password on stdin"},
		{"keychain refuses", "s3cret\n", errors.New("no keychain here"), "no keychain here"},
	} {
		if c.keyErr != nil {
			keyring.MockInitWithError(c.keyErr)
		}
		stdin = strings.NewReader(c.in)
		_, errOut, code := kith(t, db, args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, %q; want a failure mentioning %q", c.name, code, errOut, c.want)
		}
		if after := dumpDB(t, db); after != before {
			t.Errorf("%s: the failed command changed the database", c.name)
		}
	}
	keyring.MockInit()
	stdin = strings.NewReader("s3cret") // no newline at the end is fine
	mustKith(t, db, args...)
	var s map[string]any
	kithJSON(t, db, &s, "calendar", "--json")
	if s["alarm_time"] != "06:00" || s["caldav_user"] != "me" {
		t.Errorf("settings after a good 'calendar set': %v", s)
	}
	if pw, err := keyring.Get("Kith CalDAV", "me https://dav.example.com/cal/"); err != nil || pw != "s3cret" {
		t.Errorf("keychain holds %q, %v", pw, err)
	}
}

// 'calendar refresh' says only what it did: publish-after-change without a
// CalDAV URL publishes nothing, so it must not claim to have.
func TestCalendarRefreshSaysOnlyWhatItDid(t *testing.T) {
	db := seed(t)
	// Settings saves refuse publishing without a URL; a database written
	// otherwise (by hand, or by an older Kith) can still hold it.
	setRaw := func(key, value string) {
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.Update(context.Background(), func(tx *store.Tx) error { return tx.SetSetting(key, value) }); err != nil {
			t.Fatal(err)
		}
	}
	setRaw("calendar.publish_after_change", "true")
	out := mustKith(t, db, "--today", today, "calendar", "refresh")
	if strings.Contains(out, "published") || !strings.Contains(out, "no live file or publishing set") {
		t.Errorf("refresh with publish-after-change but no URL said %q", out)
	}
	live := filepath.Join(t.TempDir(), "live.ics")
	setRaw("calendar.live_file", live)
	out = mustKith(t, db, "--today", today, "calendar", "refresh")
	if out != "wrote "+live+"\n" {
		t.Errorf("refresh with a live file only said %q", out)
	}
}
