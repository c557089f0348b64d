// Package calendar carries Kith's check-in reminders into the calendar the
// user already lives in: an iCalendar file (exported once, or a live file
// Kith rewrites after every change) and CalDAV publishing. Each event is
// built as a plain all-day event and its lines written straight from it
// (event.go, event_wire.go), one at a time as they are read (see Stream),
// so a calendar of tens of thousands of check-ins is never held whole; a
// calendar built whole for CalDAV holds them as go-ical components, which
// its wire-correct encoder (encode.go) writes with the same bytes.
package calendar

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
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
	// Hash is the event's content hash (see stream.go): everything but its
	// stamps, so it changes exactly when the date or text does.
	Hash string
}

// Export is one calendar built whole, for CalDAV, which sends each event
// as an object of its own: the VCALENDAR and its events. A file is
// written with Stream instead, which holds one event at a time.
type Export struct {
	Calendar *ical.Calendar
	Events   []Event
}

// Build builds the whole calendar in memory (see Stream for what it holds
// and how each event's SEQUENCE and LAST-MODIFIED are kept). CalDAV needs
// every event as an object; a file is better written with Stream.
func Build(ctx context.Context, st Store, opts Options) (*Export, error) {
	c := &collector{ex: &Export{Calendar: newCalendar(true)}}
	if err := export(ctx, st, opts, c); err != nil {
		return nil, err
	}
	return c.ex, nil
}

// Encoded builds the whole calendar (see Build) and returns it as an .ics
// file, with its events. It gives the same bytes as Stream.
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
	if err := ex.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes the whole calendar to w as an .ics file.
func (ex *Export) Write(w io.Writer) error {
	if err := Encode(w, ex.Calendar); err != nil {
		return fmt.Errorf("write the calendar: %w", err)
	}
	return nil
}

// collector is the sink of Build: it keeps every event.
type collector struct{ ex *Export }

func (c *collector) begin() error { return nil }
func (c *collector) end() error   { return nil }

func (c *collector) event(ev *event, _ *encodedEvent, st EventState) error {
	comp := ev.component()
	stamp(comp, st)
	c.ex.Calendar.Children = append(c.ex.Calendar.Children, comp)
	// The hash as recorded is the content hash, stamps left out, which is
	// what CalDAV has always recorded of an object put.
	c.ex.Events = append(c.ex.Events, Event{UID: st.UID, Component: comp, Hash: st.Hash})
	return nil
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
