package calendar_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// radicale is a real CalDAV server (Debian package radicale) run by a test
// on 127.0.0.1 with its storage in a temporary folder.
type radicale struct {
	base string // http://127.0.0.1:PORT
	cmd  *exec.Cmd
}

// startRadicale starts a server; with password set it checks users against
// an htpasswd file holding kith:password, else it takes anyone.
func startRadicale(t *testing.T, password string) *radicale {
	t.Helper()
	requireTool(t, "/usr/bin/radicale", "radicale")
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	args := []string{"--config", "", "--server-hosts", addr, "--storage-filesystem-folder", filepath.Join(dir, "collections"),
		"--logging-level", "warning"}
	if password == "" {
		args = append(args, "--auth-type", "none")
	} else {
		htpasswd := filepath.Join(dir, "users")
		if err := os.WriteFile(htpasswd, []byte("kith:"+password+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--auth-type", "htpasswd", "--auth-htpasswd-filename", htpasswd, "--auth-htpasswd-encryption", "plain")
	}
	cmd := exec.Command("/usr/bin/radicale", args...)
	cmd.Env = isolatedEnv(dir)
	log, err := os.Create(filepath.Join(dir, "radicale.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &radicale{base: "http://" + addr, cmd: cmd}
	t.Cleanup(r.stop)
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("radicale did not start on %s:\n%s", addr, out)
		}
	}
	return r
}

func (r *radicale) stop() {
	if r.cmd.ProcessState == nil {
		r.cmd.Process.Kill()
		r.cmd.Wait()
	}
}

// mkcalendar creates the calendar collection /kith/NAME/ and returns its URL.
func (r *radicale) mkcalendar(t *testing.T, name, password string) string {
	t.Helper()
	u := r.base + "/kith/" + name + "/"
	req, _ := http.NewRequest("MKCALENDAR", u, nil)
	req.SetBasicAuth("kith", password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("MKCALENDAR %s: %s", u, resp.Status)
	}
	return u
}

// serverEvents reads every event on the calendar back over CalDAV, by UID,
// with its object path.
func serverEvents(t *testing.T, calURL, password string) map[string]*ical.Component {
	t.Helper()
	c, err := caldav.NewClient(webdav.HTTPClientWithBasicAuth(http.DefaultClient, "kith", password), calURL)
	if err != nil {
		t.Fatal(err)
	}
	var objs []caldav.CalendarObject
	func() {
		defer func() { // go-ical's decoder can panic on malformed parameters
			if p := recover(); p != nil {
				t.Fatalf("decoding the server's calendar panicked: %v", p)
			}
		}()
		u, _ := url.Parse(calURL)
		objs, err = c.QueryCalendar(context.Background(), u.Path,
			&caldav.CalendarQuery{
				CompRequest: caldav.CalendarCompRequest{Name: "VCALENDAR", AllProps: true, AllComps: true},
				CompFilter:  caldav.CompFilter{Name: "VCALENDAR", Comps: []caldav.CompFilter{{Name: "VEVENT"}}},
			})
	}()
	if err != nil {
		t.Fatalf("query %s: %v", calURL, err)
	}
	out := map[string]*ical.Component{}
	for _, o := range objs {
		for _, ev := range o.Data.Events() {
			uid, _ := ev.Props.Text(ical.PropUID)
			if _, dup := out[uid]; dup {
				t.Errorf("UID %s is on the server twice", uid)
			}
			if strings.HasPrefix(uid, "kith-") && !strings.HasSuffix(o.Path, "/"+uid+".ics") {
				t.Errorf("object %s holds %s: each object is named by its UID", o.Path, uid)
			}
			out[uid] = ev.Component
		}
	}
	return out
}

func summaryOn(evs map[string]*ical.Component, who string) (*ical.Component, bool) {
	for _, ev := range evs {
		if s, _ := ev.Props.Text(ical.PropSummary); strings.Contains(s, who) {
			return ev, true
		}
	}
	return nil, false
}

// foreign is the UID of an event another Kith database put on the calendar.
const foreign = "kith-checkin-00000000000000000000@kith.app"

func TestCalDAVPublishToRadicale(t *testing.T) {
	r := startRadicale(t, "")
	calURL := r.mkcalendar(t, "checkins", "any")
	f := newFixture(t)
	run := &publishRun{f: f, calURL: calURL, target: calendar.Target{URL: calURL, User: "kith", Password: "any"},
		opts: calendar.Options{Now: f.now}}

	// The user's own event on the same calendar must survive every publish,
	// and so must the events another Kith database published there (their
	// UIDs carry that database's salt, so they never clash with this one's).
	putOthersEvents(t, calURL)
	run.first(t)

	// Nothing changed: nothing is sent.
	if res, err := run.publish(); err != nil || res != (calendar.Published{Unchanged: 5}) {
		t.Errorf("second publish: %+v, %v; want all 5 unchanged", res, err)
	}

	run.afterSnooze(t)
	evs := run.afterArchiving(t)
	run.afterServerLoss(t, evs)
	run.toStoppedServer(t, r)
}

// publishRun publishes the fixture's calendar to one calendar on a server,
// step after step.
type publishRun struct {
	f      *fixture
	calURL string
	target calendar.Target
	opts   calendar.Options
}

func (run *publishRun) publish() (calendar.Published, error) {
	return calendar.Publish(context.Background(), run.f.st, run.target, run.opts)
}

// putOthersEvents puts the user's own event and another Kith database's on
// the calendar at calURL.
func putOthersEvents(t *testing.T, calURL string) {
	for name, ev := range map[string]string{"dentist.ics": "UID:dentist@example.com\r\n" +
		"DTSTAMP:20260301T000000Z\r\nDTSTART;VALUE=DATE:20260312\r\nSUMMARY:Dentist\r\n",
		foreign + ".ics": "UID:" + foreign + "\r\nDTSTAMP:20260301T000000Z\r\nDTSTART;VALUE=DATE:20260311\r\n" +
			"SUMMARY:Check in with someone from the other book\r\n"} {
		req, _ := http.NewRequest(http.MethodPut, calURL+name, strings.NewReader(
			"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\nBEGIN:VEVENT\r\n"+ev+"END:VEVENT\r\nEND:VCALENDAR\r\n"))
		req.SetBasicAuth("kith", "any")
		req.Header.Set("Content-Type", "text/calendar")
		if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusCreated {
			t.Fatalf("put %s: %v %v", name, resp, err)
		}
	}
}

// first publishes to a calendar that holds none of this database's events.
func (run *publishRun) first(t *testing.T) {
	res, err := run.publish()
	if err != nil {
		t.Fatal(err)
	}
	if res != (calendar.Published{Put: 5}) {
		t.Errorf("first publish: %+v, want 5 put", res)
	}
	evs := serverEvents(t, run.calURL, "any")
	if len(evs) != 7 {
		t.Fatalf("server holds %d events, want Kith's 5, the other book's one and the dentist", len(evs))
	}
	if ev, ok := summaryOn(evs, "Priya Raman"); !ok || ev.Props.Get(ical.PropDateTimeStart).Value != "20260310" {
		t.Errorf("Priya's check-in is not on the server today: %v", ev)
	}
}

// afterSnooze: a due date changes, so the object is updated, not duplicated.
func (run *publishRun) afterSnooze(t *testing.T) {
	f := run.f
	f.update(t, func(tx *store.Tx) error { return tx.Snooze(f.ids["Wei Zhang"], crmtest.Date("2026-04-15")) })
	f.clock = f.clock.Add(time.Hour)
	if res, err := run.publish(); err != nil || res != (calendar.Published{Put: 1, Unchanged: 4}) {
		t.Errorf("publish after a snooze: %+v, %v; want 1 put", res, err)
	}
	evs := serverEvents(t, run.calURL, "any")
	wei, ok := summaryOn(evs, "Wei Zhang")
	if len(evs) != 7 || !ok {
		t.Fatalf("after the snooze the server holds %d events (want 7), Wei there: %v", len(evs), ok)
	}
	if d, seq := wei.Props.Get(ical.PropDateTimeStart).Value, wei.Props.Get(ical.PropSequence).Value; d != "20260415" || seq != "1" {
		t.Errorf("Wei on the server: DTSTART %s SEQUENCE %s, want 20260415 and 1", d, seq)
	}
}

// afterArchiving: an archived contact's object is removed; the user's own
// event stays. It returns the events then on the server.
func (run *publishRun) afterArchiving(t *testing.T) map[string]*ical.Component {
	f := run.f
	f.update(t, func(tx *store.Tx) error { return tx.SetArchived(f.ids[`Sam "Rock" O'Neil; Jr., \o/`], true) })
	if res, err := run.publish(); err != nil || res != (calendar.Published{Removed: 1, Unchanged: 4}) {
		t.Errorf("publish after archiving: %+v, %v; want 1 removed", res, err)
	}
	evs := serverEvents(t, run.calURL, "any")
	if _, ok := summaryOn(evs, "Rock"); ok || len(evs) != 6 {
		t.Errorf("after archiving Sam the server holds %d events (want 6), Sam still there: %v", len(evs), ok)
	}
	if _, ok := evs["dentist@example.com"]; !ok {
		t.Error("publishing removed the user's own event")
	}
	if _, ok := evs[foreign]; !ok {
		t.Error("publishing removed an event another Kith database put on the calendar")
	}
	return evs
}

// afterServerLoss: an object lost on the server is put back.
func (run *publishRun) afterServerLoss(t *testing.T, evs map[string]*ical.Component) {
	del, _ := http.NewRequest(http.MethodDelete, run.calURL+uidOf(t, evs, "Priya Raman")+".ics", nil)
	del.SetBasicAuth("kith", "any")
	if resp, err := http.DefaultClient.Do(del); err != nil || resp.StatusCode >= 300 {
		t.Fatalf("delete Priya's object: %v %v", resp, err)
	}
	if res, err := run.publish(); err != nil || res.Put != 1 {
		t.Errorf("publish after the server lost an object: %+v, %v; want it put back", res, err)
	}
}

// toStoppedServer: a stopped server gives a clear error, and the database
// keeps its state.
func (run *publishRun) toStoppedServer(t *testing.T, r *radicale) {
	r.stop()
	_, err := run.publish()
	if err == nil || !strings.Contains(err.Error(), "cannot reach the server") || !strings.Contains(err.Error(), run.calURL) {
		t.Errorf("publish to a stopped server: %v", err)
	}
	t.Logf("stopped server: %v", err)
	var known map[string]calendar.CalDAVObject
	run.f.update(t, func(tx *store.Tx) (err error) { known, err = tx.CalDAVObjects(run.calURL); return err })
	if len(known) != 4 {
		t.Errorf("after a failed publish Kith remembers %d published objects, want the 4 on the server", len(known))
	}
}

func uidOf(t *testing.T, evs map[string]*ical.Component, who string) string {
	t.Helper()
	for uid, ev := range evs {
		if s, _ := ev.Props.Text(ical.PropSummary); strings.Contains(s, who) {
			return uid
		}
	}
	t.Fatalf("no event for %s on the server", who)
	return ""
}

func TestCalDAVWrongPasswordAndMissingCalendar(t *testing.T) {
	r := startRadicale(t, "right horse battery")
	calURL := r.mkcalendar(t, "checkins", "right horse battery")
	ctx := context.Background()
	f := newFixture(t)

	_, err := calendar.Publish(ctx, f.st, calendar.Target{URL: calURL, User: "kith", Password: "wrong"}, calendar.Options{Now: f.now})
	var se *calendar.ServerError
	if !errors.As(err, &se) || se.Status != http.StatusUnauthorized {
		t.Fatalf("wrong password: got %v, want a ServerError with status 401", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "401 Unauthorized") || !strings.Contains(msg, "app password") {
		t.Errorf("the message should give the status and a hint: %s", msg)
	}
	t.Logf("wrong password: %v", err)

	_, err = calendar.Publish(ctx, f.st, calendar.Target{URL: r.base + "/kith/nosuch/", User: "kith", Password: "right horse battery"}, calendar.Options{Now: f.now})
	if !errors.As(err, &se) || se.Status != http.StatusNotFound {
		t.Errorf("missing calendar: got %v, want a ServerError with status 404", err)
	}

	res, err := calendar.Publish(ctx, f.st, calendar.Target{URL: calURL, User: "kith", Password: "right horse battery"}, calendar.Options{Now: f.now})
	if err != nil || res.Put != 5 {
		t.Errorf("the right password after failures: %+v, %v", res, err)
	}
	if n := len(serverEvents(t, calURL, "right horse battery")); n != 5 {
		t.Errorf("server holds %d events, want 5", n)
	}
}

func TestPublishRefusesABadURL(t *testing.T) {
	f := newFixture(t)
	for _, u := range []string{"", "dav.example.com/cal", "ftp://example.com/cal/"} {
		_, err := calendar.Publish(context.Background(), f.st, calendar.Target{URL: u}, calendar.Options{Now: f.now})
		if crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("URL %q: %v, want an invalid-input error", u, err)
		}
	}
	var states map[string]calendar.EventState
	f.update(t, func(tx *store.Tx) (err error) { states, err = tx.CalendarEventStates(); return err })
	if len(states) != 0 {
		t.Errorf("a refused publish recorded %d event states", len(states))
	}
}
