package calendar

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"

	"github.com/kithcrm/kith/crm"
)

// Target is a CalDAV calendar to publish to: the calendar collection's URL
// and an (app) password for the user.
type Target struct {
	URL      string
	User     string
	Password string
	// Client is the HTTP client; nil for one with a 30-second timeout.
	Client *http.Client
}

// Published says what one publish did.
type Published struct {
	Put       int `json:"put"`       // objects created or updated
	Removed   int `json:"removed"`   // objects no longer due, deleted
	Unchanged int `json:"unchanged"` // objects already current on the server
}

// ServerError is a CalDAV server's refusal of one request, with its HTTP status.
type ServerError struct {
	URL    string // the calendar
	Op     string // what Kith was doing: "list the calendar", "put ...", "remove ..."
	Status int    // the HTTP status
	Err    error
}

// Error names the calendar, the step and the status, with a hint for the
// statuses a user can fix (a wrong password, the URL of something that is
// not a calendar).
func (e *ServerError) Error() string {
	msg := fmt.Sprintf("publish to %s: %s: the server answered %d %s", e.URL, e.Op, e.Status, http.StatusText(e.Status))
	switch e.Status {
	case http.StatusUnauthorized, http.StatusForbidden:
		msg += " (check the user name and the app password)"
	case http.StatusNotFound:
		msg += " (is this the URL of a calendar, not of the server or account?)"
	}
	if e.Err != nil && e.Err.Error() != "" {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap gives what the server said, so errors.Is and errors.As see it.
func (e *ServerError) Unwrap() error { return e.Err }

// objectPrefix starts the name of every object Kith puts on a calendar: a
// publish looks only at objects named so, and removes only those this
// database recorded putting there, never the user's own events nor another
// Kith database's.
const objectPrefix = "kith-"

// Publish puts the current calendar on a CalDAV calendar: each event is one
// object named by its UID, objects that changed are replaced, objects this
// database put there that are no longer due are removed. The database keeps the
// calendar state whatever the server says: a failed publish loses nothing
// and the next one picks up from where the server stands.
func Publish(ctx context.Context, st Store, t Target, opts Options) (Published, error) {
	if _, err := calendarURL(t.URL); err != nil {
		return Published{}, err
	}
	ex, err := Build(ctx, st, opts)
	if err != nil {
		return Published{}, err
	}
	return publishExport(ctx, st, t, ex)
}

// calendarURL checks a calendar collection's URL and ends it with a slash.
func calendarURL(s string) (*url.URL, error) {
	base, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, crm.Invalid("CalDAV URL", fmt.Errorf("%q is not an http:// or https:// address", s))
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	return base, nil
}

// publishExport puts a built calendar on the CalDAV calendar of t (see
// Publish). What the server holds afterwards is recorded even after a
// failure part-way, so the next publish does not resend it.
func publishExport(ctx context.Context, st Store, t Target, ex *Export) (Published, error) {
	base, err := calendarURL(t.URL)
	if err != nil {
		return Published{}, err
	}
	calURL := base.String()
	r := &round{p: newPublisher(base, t)}
	if err := st.ViewCalendar(ctx, func(tx Reader) error {
		r.known, err = tx.CalDAVObjects(calURL)
		return err
	}); err != nil {
		return Published{}, err
	}
	if r.onServer, err = r.p.list(ctx); err != nil {
		return Published{}, err
	}
	pubErr := r.putChanged(ctx, ex.Events)
	if pubErr == nil {
		pubErr = r.removeGone(ctx, ex.Events)
	}
	if err := st.UpdateCalendar(ctx, func(tx Tx) error { return r.record(tx, calURL) }); err != nil {
		return r.res, errors.Join(pubErr, err)
	}
	return r.res, pubErr
}

// round is one publish to one calendar: what this database and the server
// held before it, what it did, and what is left to record. It keeps them
// together so that the objects put or removed before a failure are
// still recorded.
type round struct {
	p        *publisher
	known    map[string]CalDAVObject // what this database put there, by UID
	onServer map[string]string       // Kith's objects on the server: ETag by file name
	res      Published
	puts     []CalDAVObject // objects put, to record
	gone     []string       // UIDs no longer on the calendar, to forget
}

// putChanged puts each event the server lacks or holds in another version,
// and stops at the first failure.
func (r *round) putChanged(ctx context.Context, events []Event) error {
	for _, ev := range events {
		name := ev.UID + ".ics"
		if r.current(ev, name) {
			r.res.Unchanged++
			continue
		}
		etag, err := r.p.put(ctx, name, ev.Component)
		if err != nil {
			return err
		}
		r.puts = append(r.puts, CalDAVObject{UID: ev.UID, Hash: ev.Hash, ETag: etag})
		r.res.Put++
	}
	return nil
}

// current says whether the server already holds this version of ev: it
// is there, this database put it there with the same content, and the
// server has not changed it since (its ETag, when it gave one, still
// matches).
func (r *round) current(ev Event, name string) bool {
	etag, there := r.onServer[name]
	k, ok := r.known[ev.UID]
	return there && ok && k.Hash == ev.Hash && (k.ETag == "" || k.ETag == etag)
}

// removeGone removes the objects this database put on the calendar that
// are no longer among events, and stops at the first failure. Only what
// this database put there goes: another Kith database may publish to the
// same calendar, under UIDs of its own salt. An object already gone from
// the server is just forgotten.
func (r *round) removeGone(ctx context.Context, events []Event) error {
	current := make(map[string]bool, len(events))
	for _, ev := range events {
		current[ev.UID] = true
	}
	for uid := range r.known {
		if current[uid] {
			continue
		}
		name := uid + ".ics"
		if _, there := r.onServer[name]; there {
			if err := r.p.remove(ctx, name); err != nil {
				return err
			}
			r.res.Removed++
		}
		r.gone = append(r.gone, uid)
	}
	return nil
}

// record saves what the round put on the calendar at calURL and forgets
// what it removed.
func (r *round) record(tx Tx, calURL string) error {
	for _, o := range r.puts {
		if err := tx.SaveCalDAVObject(calURL, o); err != nil {
			return err
		}
	}
	for _, uid := range r.gone {
		if err := tx.DeleteCalDAVObject(calURL, uid); err != nil {
			return err
		}
	}
	return nil
}

// publisher talks to one calendar collection.
type publisher struct {
	base   *url.URL
	http   webdav.HTTPClient
	status *statusRecorder
	dav    *caldav.Client
}

func newPublisher(base *url.URL, t Target) *publisher {
	hc := t.Client
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	rec := &statusRecorder{c: hc}
	var c webdav.HTTPClient = rec
	if t.User != "" || t.Password != "" {
		c = webdav.HTTPClientWithBasicAuth(rec, t.User, t.Password)
	}
	dav, _ := caldav.NewClient(c, base.String()) // cannot fail: base is an absolute http(s) URL
	return &publisher{base: base, http: c, status: rec, dav: dav}
}

// statusRecorder remembers the status of the last response, so that errors
// from go-webdav, which keeps its HTTP error type internal, can be reported
// with their status.
type statusRecorder struct {
	c    *http.Client
	last int
}

// Do sends req and notes the status of its response, if any.
func (r *statusRecorder) Do(req *http.Request) (*http.Response, error) {
	r.last = 0
	resp, err := r.c.Do(req)
	if resp != nil {
		r.last = resp.StatusCode
	}
	return resp, err
}

// fail turns an error from a request into a ServerError when the server
// answered, or says the server could not be reached when it did not.
func (p *publisher) fail(op string, err error) error {
	if p.status.last >= 300 {
		if strings.HasPrefix(err.Error(), strconv.Itoa(p.status.last)+" ") {
			err = errors.Unwrap(err) // go-webdav's error repeats the status; keep what it wraps
		}
		return &ServerError{URL: p.base.String(), Op: op, Status: p.status.last, Err: err}
	}
	return fmt.Errorf("publish to %s: %s: cannot reach the server: %w", p.base, op, err)
}

// list returns Kith's objects on the calendar, by file name, with their ETags.
func (p *publisher) list(ctx context.Context) (map[string]string, error) {
	files, err := p.dav.ReadDir(ctx, p.base.Path, false)
	if err != nil {
		return nil, p.fail("list the calendar", err)
	}
	out := map[string]string{}
	for _, f := range files {
		name := path.Base(f.Path)
		if f.IsDir || !strings.HasPrefix(name, objectPrefix) || !strings.HasSuffix(name, ".ics") {
			continue
		}
		out[name] = normalETag(f.ETag)
	}
	return out, nil
}

// put writes one event as a calendar object with Kith's own encoder (folded
// lines; go-webdav's PutCalendarObject uses go-ical's, which does not fold)
// and returns the server's new ETag.
func (p *publisher) put(ctx context.Context, name string, ev *ical.Component) (string, error) {
	cal := newCalendar(false)
	cal.Children = []*ical.Component{ev}
	var body bytes.Buffer
	if err := Encode(&body, cal); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	resp, err := p.do(ctx, http.MethodPut, name, body.Bytes())
	if err != nil {
		return "", p.fail("put "+name, err)
	}
	return normalETag(resp.Header.Get("ETag")), nil
}

// remove deletes one object; one already gone is fine.
func (p *publisher) remove(ctx context.Context, name string) error {
	if _, err := p.do(ctx, http.MethodDelete, name, nil); err != nil && p.status.last != http.StatusNotFound {
		return p.fail("remove "+name, err)
	}
	return nil
}

// do sends one request for an object in the calendar and fails on any
// status but success.
func (p *publisher) do(ctx context.Context, method, name string, body []byte) (*http.Response, error) {
	u := p.base.ResolveReference(&url.URL{Path: path.Join(p.base.Path, name)})
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", ical.MIMEType+"; charset=utf-8")
	}
	resp, err := p.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, fmt.Errorf("%s", strings.TrimSpace(string(msg)))
	}
	return resp, nil
}

// normalETag compares ETags as the server wrote them in a header or a listing.
func normalETag(s string) string {
	return strings.Trim(strings.TrimPrefix(strings.TrimSpace(s), "W/"), `"`)
}
