// Package calendar carries Kith's check-in reminders into the calendar the
// user already lives in: an iCalendar file (exported once, or a live file
// Kith rewrites after every change) and CalDAV publishing. It builds the
// events with go-ical and writes them with its own wire-correct encoder.
package calendar

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"github.com/kithcrm/kith/crm"
)

// Calendar-level identity of what Kith exports.
const (
	CalendarName = "Kith check-ins"
	ProductID    = "-//Kith//Kith check-ins//EN"
	uidDomain    = "@kith.app"
	// refresh is how often subscribed clients should fetch the file again.
	refresh = "PT1H"
	// reachOutLimit is how many promises, gifts and goals a check-in lists.
	reachOutLimit = 3
)

// Options adjust one export. The zero value follows the saved settings and
// the real clock.
type Options struct {
	Horizon   crm.Span         // how far ahead; zero for the saved horizon
	WithNotes bool             // include private notes even when the setting is off
	Now       func() time.Time // the clock of DTSTAMP and LAST-MODIFIED; nil for time.Now
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC().Truncate(time.Second)
	}
	return time.Now().UTC().Truncate(time.Second)
}

// Event is one exported event, ready to be written alone as a CalDAV object.
type Event struct {
	UID       string
	Component *ical.Component
	// Hash covers the event as written, SEQUENCE included: it changes
	// exactly when a calendar holding the event needs the new version.
	Hash string
}

// Export is one built calendar: the whole VCALENDAR and its events.
type Export struct {
	Calendar *ical.Calendar
	Events   []Event
}

// Build builds the calendar of today's check-ins within the horizon, the
// quarterly review and the circles' meeting rhythms. The events are read
// from one read-only snapshot, so a long export of a big book never holds
// the database's only writer; then one short write records each event's
// SEQUENCE and LAST-MODIFIED: LAST-MODIFIED moves when anything in the event
// changed since the last export, SEQUENCE only when what a calendar shows
// did (see revise).
func Build(ctx context.Context, st Store, opts Options) (*Export, error) {
	salt, err := ensureSalt(ctx, st)
	if err != nil {
		return nil, err
	}
	var d *draft
	if err := st.ViewCalendar(ctx, func(tx Reader) error {
		d, err = newDraft(tx, opts, salt)
		return err
	}); err != nil {
		return nil, err
	}
	if err := d.hash(); err != nil {
		return nil, err
	}
	var states map[string]EventState
	if err := st.UpdateCalendar(ctx, func(tx Tx) error {
		states, err = d.record(tx, opts.now())
		return err
	}); err != nil {
		return nil, err
	}
	return d.finish(states)
}

// Encoded builds the calendar (see Build) and returns it as an .ics file.
func Encoded(ctx context.Context, st Store, opts Options) ([]byte, *Export, error) {
	ex, err := Build(ctx, st, opts)
	if err != nil {
		return nil, nil, err
	}
	data, err := ex.Encode()
	return data, ex, err
}

// Encode writes the whole calendar as an .ics file.
func (ex *Export) Encode() ([]byte, error) {
	var buf bytes.Buffer
	if err := Encode(&buf, ex.Calendar); err != nil {
		return nil, fmt.Errorf("write the calendar: %w", err)
	}
	return buf.Bytes(), nil
}

// draft is an export's events before their stamps: what the snapshot said,
// with the hashes of each event's content and of what a calendar shows.
type draft struct {
	comps  []*ical.Component
	uids   []string
	hashes []string
	shown  []string
}

// newDraft reads the events from tx, with the saved settings as opts adjust them.
func newDraft(tx Reader, opts Options, salt string) (*draft, error) {
	s, err := LoadSettings(tx)
	if err != nil {
		return nil, err
	}
	if opts.Horizon.N > 0 {
		s.Horizon = opts.Horizon
	}
	s.WithNotes = s.WithNotes || opts.WithNotes
	b := &builder{tx: tx, s: s, salt: salt, today: tx.Today()}
	comps, err := b.components()
	if err != nil {
		return nil, err
	}
	return &draft{comps: comps}, nil
}

// hash works out each event's UID and hashes; it needs no transaction.
func (d *draft) hash() error {
	d.uids = make([]string, len(d.comps))
	d.hashes = make([]string, len(d.comps))
	d.shown = make([]string, len(d.comps))
	for i, c := range d.comps {
		h, err := contentHash(c)
		if err != nil {
			return err
		}
		shown, err := shownHash(c)
		if err != nil {
			return err
		}
		d.uids[i], d.hashes[i], d.shown[i] = c.Props.Get(ical.PropUID).Value, h, shown
	}
	return nil
}

// record reads the recorded state of every event afresh and moves on, and
// saves, the state of those whose content changed, returning the state of
// each event of the draft. Reading the state in the same write transaction
// keeps two exports that overlap consistent: the second sees what the first
// recorded and counts an unchanged event as unchanged.
func (d *draft) record(tx Tx, now time.Time) (map[string]EventState, error) {
	states, err := tx.CalendarEventStates()
	if err != nil {
		return nil, err
	}
	for i, uid := range d.uids {
		prev, seen := states[uid]
		next, save := revise(prev, seen, EventState{UID: uid, Hash: d.hashes[i], Shown: d.shown[i]}, now)
		if !save {
			continue
		}
		if err := tx.SaveCalendarEventState(next); err != nil {
			return nil, err
		}
		states[uid] = next
	}
	return states, nil
}

// revise works out the state of an event built as cur (its UID and hashes)
// from what was recorded before (prev, when seen), and whether to save it.
// A new event starts at SEQUENCE 0. A change to what a calendar shows (the
// date, summary, alarm, rule) is a new version and raises SEQUENCE; a change
// to the description alone, such as exporting with private notes and then
// without, is a variant of the same version and keeps it. Either moves
// LAST-MODIFIED, and with it DTSTAMP, to now and never back: a client
// choosing between two copies at one SEQUENCE takes the later DTSTAMP
// (RFC 5546), so the new description still replaces the old.
func revise(prev EventState, seen bool, cur EventState, now time.Time) (EventState, bool) {
	if !seen {
		cur.LastModified = now
		return cur, true
	}
	cur.Sequence, cur.LastModified = prev.Sequence, prev.LastModified
	if prev.Hash == cur.Hash {
		// Unchanged; a state recorded before Shown was kept learns it.
		return cur, prev.Shown != cur.Shown
	}
	if prev.Shown != cur.Shown { // "" before Shown was kept: counted as a change, to be safe
		cur.Sequence++
	}
	cur.LastModified = now
	if !now.After(prev.LastModified) { // the clock must not run back for a client
		cur.LastModified = prev.LastModified.Add(time.Second)
	}
	return cur, true
}

// finish stamps each event with its recorded state and assembles the export.
func (d *draft) finish(states map[string]EventState) (*Export, error) {
	out := &Export{Calendar: newCalendar(true), Events: make([]Event, 0, len(d.comps))}
	for i, c := range d.comps {
		ev, err := stamp(c, states[d.uids[i]])
		if err != nil {
			return nil, err
		}
		out.Calendar.Children = append(out.Calendar.Children, c)
		out.Events = append(out.Events, ev)
	}
	return out, nil
}

// newCalendar makes an empty VCALENDAR; a whole export also carries its name
// and how often subscribers should refresh it.
func newCalendar(named bool) *ical.Calendar {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, ProductID)
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	if named {
		setText(cal.Props, ical.PropName, CalendarName)
		setText(cal.Props, "X-WR-CALNAME", CalendarName)
		ri := ical.NewProp(ical.PropRefreshInterval)
		ri.Params.Set(ical.ParamValue, string(ical.ValueDuration))
		ri.Value = refresh
		cal.Props.Set(ri)
		cal.Props.Set(&ical.Prop{Name: "X-PUBLISHED-TTL", Params: ical.Params{}, Value: refresh})
	}
	return cal
}

// stamp gives an event the SEQUENCE, LAST-MODIFIED and DTSTAMP of its
// recorded state (see draft.record). DTSTAMP is the last revision too: for a
// published calendar with no METHOD, RFC 5545 makes it the time the
// information was last revised, and keeping it put keeps an unchanged file
// byte for byte the same.
func stamp(c *ical.Component, st EventState) (Event, error) {
	c.Props.SetDateTime(ical.PropDateTimeStamp, st.LastModified.UTC())
	c.Props.SetDateTime(ical.PropLastModified, st.LastModified.UTC())
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = strconv.Itoa(st.Sequence)
	c.Props.Set(seq)
	full, err := contentHash(c)
	if err != nil {
		return Event{}, err
	}
	return Event{UID: st.UID, Component: c, Hash: full}, nil
}

// contentHash hashes an event as it is written, without the stamps that
// stamp adds, so that it changes exactly when the date or text does.
func contentHash(c *ical.Component) (string, error) {
	return hashWithout(c, ical.PropDateTimeStamp, ical.PropLastModified, ical.PropSequence)
}

// shownHash hashes what a calendar shows of an event: all of it but the
// stamps and the description (its alarm included, whose own description is
// the summary), so that it changes exactly when SEQUENCE must rise.
func shownHash(c *ical.Component) (string, error) {
	return hashWithout(c, ical.PropDateTimeStamp, ical.PropLastModified, ical.PropSequence, ical.PropDescription)
}

// hashWithout hashes an event as it is written, leaving out its own
// properties called by the names given (not those of its alarms).
func hashWithout(c *ical.Component, names ...string) (string, error) {
	clone := *c
	clone.Props = ical.Props{}
	for name, ps := range c.Props {
		if !slices.Contains(names, name) {
			clone.Props[name] = ps
		}
	}
	var buf bytes.Buffer
	if err := Encode(&buf, &ical.Calendar{Component: &clone}); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:16]), nil
}

// ensureSalt returns this database's random UID salt, made on first use.
// UIDs are a hash of it and a record id: stable across exports, free of
// personal data, and distinct between two Kith databases feeding one
// calendar.
func ensureSalt(ctx context.Context, st Store) (string, error) {
	var v string
	var ok bool
	if err := st.ViewCalendar(ctx, func(tx Reader) (err error) {
		v, ok, err = tx.Setting(keyUIDSalt)
		return err
	}); err != nil || ok {
		return v, err
	}
	err := st.UpdateCalendar(ctx, func(tx Tx) (err error) {
		v, err = uidSalt(tx)
		return err
	})
	return v, err
}

// uidSalt reads the UID salt, or makes and saves it when there is none yet
// (another export may have made it since ensureSalt looked).
func uidSalt(tx Tx) (string, error) {
	v, ok, err := tx.Setting(keyUIDSalt)
	if err != nil || ok {
		return v, err
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make calendar ids: %w", err)
	}
	v = hex.EncodeToString(b)
	return v, tx.SetSetting(keyUIDSalt, v)
}

// uid makes the stable UID of one kind of event about one record.
func uid(salt, kind string, id int64) string {
	sum := sha256.Sum256([]byte(salt + "/" + kind + "/" + strconv.FormatInt(id, 10)))
	return "kith-" + kind + "-" + hex.EncodeToString(sum[:10]) + uidDomain
}

// builder makes the events of one export.
type builder struct {
	tx    Reader
	s     Settings
	salt  string
	today crm.Date
}

func (b *builder) components() ([]*ical.Component, error) {
	review, err := b.review()
	if err != nil {
		return nil, err
	}
	out := []*ical.Component{review}
	circles, err := b.circles()
	if err != nil {
		return nil, err
	}
	out = append(out, circles...)
	until := b.s.Horizon.After(b.today)
	due, err := b.tx.Due(until)
	if err != nil {
		return nil, err
	}
	// What the check-ins say is read for the whole due set at once: one
	// statement instead of several per person, for thousands of check-ins.
	reach, err := b.tx.ReachOuts(until, reachOutLimit, b.s.WithNotes)
	if err != nil {
		return nil, err
	}
	for _, c := range due {
		out = append(out, b.checkIn(c, reach[c.ContactID]))
	}
	agreements, err := b.agreements(until)
	if err != nil {
		return nil, err
	}
	return append(out, agreements...), nil
}

// allDay makes an all-day event on day: DATE values carry no TZID, so the
// event stays on that day in every time zone and needs no VTIMEZONE.
func (b *builder) allDay(uid string, day crm.Date, summary, description string) *ical.Component {
	ev := ical.NewEvent().Component
	ev.Props.SetText(ical.PropUID, uid)
	ev.Props.SetDate(ical.PropDateTimeStart, day.Time())
	ev.Props.SetDate(ical.PropDateTimeEnd, day.AddDays(1).Time())
	setText(ev.Props, ical.PropSummary, summary)
	setText(ev.Props, ical.PropDescription, description)
	ev.Props.SetText(ical.PropClass, "PRIVATE")
	ev.Props.SetText(ical.PropTransparency, "TRANSPARENT") // a reminder, not busy time
	if b.s.AlarmTime != "" {
		if off, err := alarmOffset(b.s.AlarmTime); err == nil {
			ev.Children = append(ev.Children, alarm(off, summary))
		}
	}
	return ev
}

// alarm reminds on the day of an all-day event at off after its start.
// Several clients drop alarms from subscribed files, which is why the event
// itself, on the right day with a plain summary, is the reminder.
func alarm(off time.Duration, summary string) *ical.Component {
	a := ical.NewComponent(ical.CompAlarm)
	a.Props.SetText(ical.PropAction, "DISPLAY")
	trig := ical.NewProp(ical.PropTrigger)
	trig.Params.Set(ical.ParamRelated, "START")
	trig.Value = isoDuration(off)
	a.Props.Set(trig)
	setText(a.Props, ical.PropDescription, summary)
	return a
}

// isoDuration writes a non-negative offset of whole minutes as PT9H30M.
func isoDuration(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	s := "PT"
	if h > 0 {
		s += strconv.Itoa(h) + "H"
	}
	if m > 0 || h == 0 {
		s += strconv.Itoa(m) + "M"
	}
	return s
}

// checkIn is one contact's check-in. An overdue one is placed on today and
// says how late it is, since a calendar shows what is on a day, not what
// was missed. r is what the check-in says (see checkInDescription).
func (b *builder) checkIn(c crm.CheckIn, r ReachOut) *ical.Component {
	day := c.Due
	if day.Before(b.today) {
		day = b.today
	}
	ev := b.allDay(uid(b.salt, "checkin", c.ContactID), day, checkInSummary(c), checkInDescription(c, r))
	if len(c.Roles) > 0 {
		roles := make([]string, len(c.Roles))
		for i, role := range c.Roles {
			roles[i] = string(role)
		}
		setTextList(ev.Props, ical.PropCategories, roles)
	}
	return ev
}

// review is the recurring quarterly relationship review. A rule that no
// longer yields a day falls back to the default, so the calendar always
// holds at least this event and stays a valid file.
func (b *builder) review() (*ical.Component, error) {
	rule := b.s.ReviewRule
	start, err := reviewStart(rule, b.today)
	if err != nil {
		rule = DefaultReviewRule
		if start, err = reviewStart(rule, b.today); err != nil {
			return nil, err
		}
	}
	ev := b.allDay(uid(b.salt, "review", 0), start, "Quarterly relationship review",
		"Look back at the quarter with Kith: who helped you, whom you helped, which relationships "+
			"went quiet, and whether your coaches, mentors and circles still fit your goals.")
	ev.Props.Set(&ical.Prop{Name: ical.PropRecurrenceRule, Params: ical.Params{}, Value: rule})
	return ev, nil
}

// circles are the meeting rhythms of circles that have a cadence: a series
// from the next expected meeting (today when it is overdue or the circle
// never met).
func (b *builder) circles() ([]*ical.Component, error) {
	list, err := b.tx.Circles()
	if err != nil {
		return nil, err
	}
	var out []*ical.Component
	for _, c := range list {
		if c.CadenceDays == 0 {
			continue
		}
		start := c.NextMeeting()
		if start.IsZero() || start.Before(b.today) {
			start = b.today
		}
		ev := b.allDay(uid(b.salt, "circle", c.ID), start, "Circle meeting: "+c.Name, circleDescription(c))
		ev.Props.Set(&ical.Prop{Name: ical.PropRecurrenceRule, Params: ical.Params{}, Value: cadenceRule(c.CadenceDays)})
		setTextList(ev.Props, ical.PropCategories, []string{string(crm.RoleCircle)})
		out = append(out, ev)
	}
	return out, nil
}

// cadenceRule writes a cadence in days as an RRULE, in weeks when it is whole weeks.
func cadenceRule(days int) string {
	if days%7 == 0 {
		return "FREQ=WEEKLY;INTERVAL=" + strconv.Itoa(days/7)
	}
	return "FREQ=DAILY;INTERVAL=" + strconv.Itoa(days)
}

func circleDescription(c *crm.Circle) string {
	var lines []string
	if c.Purpose != "" {
		lines = append(lines, c.Purpose)
	}
	lines = append(lines, "Meets every "+crm.FormatDays(c.CadenceDays)+".")
	if !c.LastMet.IsZero() {
		lines = append(lines, "Last met "+c.LastMet.String()+".")
	}
	members := c.CurrentMembers()
	if len(members) > 0 {
		names := make([]string, 0, len(members))
		for i, m := range members {
			if i == 12 {
				names = append(names, fmt.Sprintf("and %d more", len(members)-i))
				break
			}
			names = append(names, m.Name)
		}
		lines = append(lines, "Members: "+strings.Join(names, ", ")+".")
	}
	return strings.Join(lines, "\n")
}
