package calendar_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/store"
)

// These tests hand Kith's exports to independent iCalendar implementations
// from Debian (make interop-prereqs installs them; CI always has them). They
// skip when a tool is absent, unless $KITH_REQUIRE_INTEROP is 1 (as 'make
// test' sets it where it installed the tools): then a missing tool fails,
// so a broken install cannot pass as a skip.

// debianPython is the interpreter that sees Debian's python3-* packages.
const debianPython = "/usr/bin/python3"

// requireInteropEnv names the variable that turns a missing tool into a failure.
const requireInteropEnv = "KITH_REQUIRE_INTEROP"

// missingTool skips the test, or fails it when the tools are required.
func missingTool(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv(requireInteropEnv) == "1" {
		t.Fatalf(format+" (and "+requireInteropEnv+"=1 requires it)", args...)
		return
	}
	t.Skipf(format, args...)
}

func requireTool(t testing.TB, path, pkg string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		missingTool(t, "%s is not installed (Debian package %s; run 'make interop-prereqs')", path, pkg)
	}
}

// requirePython skips unless Debian's Python has the given modules.
func requirePython(t testing.TB, modules ...string) {
	t.Helper()
	requireTool(t, debianPython, "python3")
	for _, m := range modules {
		if err := exec.Command(debianPython, "-c", "import "+m).Run(); err != nil {
			missingTool(t, "%s cannot import %s (Debian package python3-%s; run 'make interop-prereqs')", debianPython, m, m)
		}
	}
}

// isolatedEnv keeps a tool's configuration and data inside dir.
func isolatedEnv(dir string) []string {
	return append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"),
		"XDG_DATA_HOME="+filepath.Join(dir, ".local", "share"), "XDG_CACHE_HOME="+filepath.Join(dir, ".cache"),
		"TZ=UTC", "LC_ALL=C.UTF-8")
}

func writeTemp(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pythonCheck parses a file with python3-icalendar and with python3-vobject
// (validate=True) and returns the VEVENTs both saw, by UID, with their
// SUMMARY, DTSTART and SEQUENCE as each library read them.
const pythonCheck = `
import json, sys
import icalendar, vobject
data = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(data)
ic = {}
for ev in cal.walk('VEVENT'):
    ic[str(ev['UID'])] = [str(ev['SUMMARY']), ev.decoded('DTSTART').isoformat(), int(ev.get('SEQUENCE', 0))]
for comp in cal.walk():
    errs = getattr(comp, 'errors', [])
    if errs:
        sys.exit('icalendar reported errors in %s: %r' % (comp.name, errs))
vc = vobject.readOne(data.decode('utf-8'), validate=True)
vo = {}
for ev in getattr(vc, 'vevent_list', []):
    ev.validate(raiseException=True)
    vo[ev.uid.value] = [ev.summary.value, ev.dtstart.value.isoformat(), int(ev.sequence.value) if hasattr(ev, 'sequence') else 0]
json.dump({'icalendar': ic, 'vobject': vo, 'name': str(cal.get('X-WR-CALNAME', ''))}, sys.stdout)
`

type pyResult struct {
	ICalendar map[string][3]any `json:"icalendar"`
	VObject   map[string][3]any `json:"vobject"`
	Name      string            `json:"name"`
}

func parseWithPython(t *testing.T, ics string) pyResult {
	t.Helper()
	file := writeTemp(t, "export.ics", ics)
	cmd := exec.Command(debianPython, "-c", pythonCheck, file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python icalendar/vobject rejected the export: %v\n%s\n--- file\n%s", err, stderr.String(), ics)
	}
	var r pyResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("python output: %v\n%s", err, out)
	}
	return r
}

func TestInteropPythonParsesEveryExport(t *testing.T) {
	requirePython(t, "icalendar", "vobject")
	f := newFixture(t)
	plain, ex := f.export(t, calendar.Options{})
	withNotes, _ := f.export(t, calendar.Options{WithNotes: true})
	wide, _ := f.export(t, calendar.Options{Horizon: crm.Span{N: 2, Unit: 'y'}})
	cal := calendar.NewCalendar(false)
	cal.Children = []*ical.Component{ex.Events[2].Component}
	object := encodeString(t, &calendar.Export{Calendar: cal})
	empty := newFixture(t)
	emptyBook(t, empty)
	emptyICS, _ := empty.export(t, calendar.Options{})

	for name, c := range map[string]struct {
		ics    string
		events int
	}{"plain": {plain, 5}, "with notes": {withNotes, 5}, "two-year horizon": {wide, 6}, "one CalDAV object": {object, 1},
		"nothing due": {emptyICS, 1}} {
		r := parseWithPython(t, c.ics)
		if len(r.ICalendar) != c.events || len(r.VObject) != c.events {
			t.Errorf("%s: icalendar saw %d events and vobject %d, want %d", name, len(r.ICalendar), len(r.VObject), c.events)
		}
		for uid, got := range r.ICalendar {
			if fmt.Sprint(r.VObject[uid]) != fmt.Sprint(got) {
				t.Errorf("%s: %s read differently: icalendar %v, vobject %v", name, uid, got, r.VObject[uid])
			}
		}
		if name != "one CalDAV object" && r.Name != calendar.CalendarName {
			t.Errorf("%s: X-WR-CALNAME = %q", name, r.Name)
		}
	}
	// The libraries read the text Kith meant, escapes and all.
	r := parseWithPython(t, plain)
	var summaries []string
	for _, v := range r.VObject {
		summaries = append(summaries, fmt.Sprint(v[0]))
	}
	joined := strings.Join(summaries, "\n")
	for _, want := range []string{`Check in with Sam "Rock" O'Neil; Jr., \o/`, "Check in with Priya Raman (mentor): 26 days late"} {
		if !strings.Contains(joined, want) {
			t.Errorf("python read no summary %q; got:\n%s", want, joined)
		}
	}
}

// khal keeps each event as one file in a vdir folder, named by its UID.
type khal struct {
	dir, config, vdir string
}

func newKhal(t *testing.T) *khal {
	t.Helper()
	requireTool(t, "/usr/bin/khal", "khal")
	dir := t.TempDir()
	k := &khal{dir: dir, config: filepath.Join(dir, "khal.conf"), vdir: filepath.Join(dir, "calendar")}
	if err := os.MkdirAll(k.vdir, 0o700); err != nil {
		t.Fatal(err)
	}
	conf := fmt.Sprintf(`[calendars]
[[kith]]
path = %s
type = calendar
[locale]
timeformat = %%H:%%M
dateformat = %%Y-%%m-%%d
longdateformat = %%Y-%%m-%%d
datetimeformat = %%Y-%%m-%%d %%H:%%M
longdatetimeformat = %%Y-%%m-%%d %%H:%%M
[sqlite]
path = %s
`, k.vdir, filepath.Join(dir, "khal.db"))
	if err := os.WriteFile(k.config, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	return k
}

func (k *khal) run(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("/usr/bin/khal", append([]string{"-c", k.config}, args...)...)
	cmd.Env = isolatedEnv(k.dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("khal %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (k *khal) count(t *testing.T) int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(k.vdir, "*.ics"))
	if err != nil {
		t.Fatal(err)
	}
	return len(files)
}

func TestInteropKhalImportUpdatesInsteadOfDuplicating(t *testing.T) {
	k := newKhal(t)
	f := newFixture(t)
	first, _ := f.export(t, calendar.Options{})
	k.run(t, "import", "--batch", "-a", "kith", writeTemp(t, "first.ics", first))
	if n := k.count(t); n != 5 {
		t.Fatalf("khal holds %d events after the first import, want 5", n)
	}
	if out := k.run(t, "list", "2026-03-10", "1d"); !strings.Contains(out, "Check in with Priya Raman (mentor): 26 days late") {
		t.Fatalf("khal does not show Priya's overdue check-in today:\n%s", out)
	}

	// Later: talks with Priya and Wei are logged, and a day has passed.
	f.update(t, func(tx *store.Tx) error {
		return tx.LogInteraction(&crm.Interaction{Date: fixtureToday, Kind: crm.KindMeeting, Summary: "Coffee",
			Participants: []crm.Participant{{ContactID: f.ids["Priya Raman"]}, {ContactID: f.ids["Wei Zhang"]}}})
	})
	f.st.SetToday(fixtureToday.AddDays(1))
	f.clock = f.clock.Add(24 * time.Hour)
	second, _ := f.export(t, calendar.Options{})
	k.run(t, "import", "--batch", "-a", "kith", writeTemp(t, "second.ics", second))
	if n := k.count(t); n != 5 {
		t.Errorf("khal holds %d events after importing a later export, want still 5", n)
	}
	out := k.run(t, "list", "2026-03-01", "60d")
	if c := strings.Count(out, "Check in with Priya Raman"); c != 1 {
		t.Errorf("Priya's check-in shows %d times, want once (moved):\n%s", c, out)
	}
	if strings.Contains(out, "26 days late") || !strings.Contains(out, "2026-04-21") {
		t.Errorf("khal still has the old check-in, or not the new date (2026-04-21):\n%s", out)
	}
	if c := strings.Count(out, "Check in with Wei Zhang"); c != 1 {
		t.Errorf("Wei's check-in shows %d times, want once:\n%s", c, out)
	}
}

func TestInteropCalcurseImportsEveryEvent(t *testing.T) {
	requireTool(t, "/usr/bin/calcurse", "calcurse")
	f := newFixture(t)
	ics, ex := f.export(t, calendar.Options{WithNotes: true})
	dir := t.TempDir()
	data, conf := filepath.Join(dir, "data"), filepath.Join(dir, "conf")
	for _, d := range []string{data, conf} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("/usr/bin/calcurse", "-D", data, "-C", conf, "-i", writeTemp(t, "kith.ics", ics))
	cmd.Env = isolatedEnv(dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("calcurse -i: %v\n%s", err, out)
	}
	// calcurse exits 0 even when it skips what it cannot read: check its report.
	m := regexp.MustCompile(`(\d+) apps / (\d+) events / (\d+) todos / (\d+) skipped`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("no import report from calcurse:\n%s", out)
	}
	if want := fmt.Sprint(len(ex.Events)); m[2] != want || m[4] != "0" || m[1] != "0" {
		t.Errorf("calcurse imported %s apps, %s events and skipped %s; want 0, %s and 0:\n%s", m[1], m[2], m[4], want, out)
	}
	apts, err := os.ReadFile(filepath.Join(data, "apts"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(apts)), "\n")
	if len(lines) != len(ex.Events) {
		t.Errorf("calcurse stored %d events, want %d:\n%s", len(lines), len(ex.Events), apts)
	}
	if !strings.Contains(string(apts), "03/10/2026 [1] >") || !strings.Contains(string(apts), "{1Y w8 m1 m4 m7 m10}") {
		t.Errorf("calcurse did not place the overdue check-in today, or lost the review's rule:\n%s", apts)
	}
}

// outcomeTB records whether a check skipped or failed its test.
type outcomeTB struct {
	testing.TB
	skipped, failed bool
}

func (o *outcomeTB) Helper()               {}
func (o *outcomeTB) Skipf(string, ...any)  { o.skipped = true }
func (o *outcomeTB) Fatalf(string, ...any) { o.failed = true }

func TestInteropMissingToolFailsWhenRequired(t *testing.T) {
	const missing = "/nonexistent/kith-interop-tool"
	for _, c := range []struct {
		env          string
		skip, failed bool
	}{{"", true, false}, {"0", true, false}, {"1", false, true}} {
		t.Setenv(requireInteropEnv, c.env)
		o := &outcomeTB{TB: t}
		requireTool(o, missing, "kith-nothing")
		if o.skipped != c.skip || o.failed != c.failed {
			t.Errorf("%s=%q: skipped %v, failed %v; want skipped %v, failed %v", requireInteropEnv, c.env, o.skipped, o.failed, c.skip, c.failed)
		}
	}
}
