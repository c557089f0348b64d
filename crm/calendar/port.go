package calendar

import (
	"context"
	"time"

	"github.com/kithcrm/kith/crm"
)

// The calendar declares what it reads and records, as package review does,
// so that it knows nothing of SQL: package store implements these
// interfaces, and a test can put its own reader in front of the store's.

// EventState is what Kith last exported for one calendar event: the hash of
// its date and text, the hash of what a calendar shows of it, and the
// SEQUENCE and LAST-MODIFIED that went with them.
type EventState struct {
	UID  string
	Hash string // everything but the stamps: a change moves LAST-MODIFIED and DTSTAMP
	// Shown covers what a calendar shows (date, summary, alarm, rule,
	// categories: all but the description): a change raises SEQUENCE too.
	// "" when recorded by a Kith that did not keep it.
	Shown        string
	Sequence     int
	LastModified time.Time
}

// CalDAVObject is one calendar object Kith put on a CalDAV calendar.
type CalDAVObject struct {
	UID  string
	Hash string // the hash of the object as sent, stamps included
	ETag string // the server's ETag after the PUT; "" when it sent none
}

// ReachOut is what helps the user reach out to someone with something to
// give: the promises still open to them, what they gave recently, the goals
// they help with and, only when asked for, the private notes. Its exchanges
// carry only their date, kind and description.
type ReachOut struct {
	Promised  []crm.Exchange // open commitments to them, oldest first
	TheyGave  []crm.Exchange // what they gave, newest first
	Goals     []string       // titles of the active goals they help with
	Notes     string         // the contact's private notes (withNotes only)
	LastNotes string         // the private notes of the last interaction (withNotes only)
}

// Reader is what the calendar reads in one transaction. Everything an
// export shows is read through it, so a read-only snapshot serves and a
// long export never holds the database's only writer. The store's
// transaction (*store.Tx) is one.
type Reader interface {
	// Today is the day due dates are computed from.
	Today() crm.Date
	// Setting reads one value of the settings table; ok is false when it
	// was never set.
	Setting(key string) (value string, ok bool, err error)
	// Due returns the check-ins of active contacts due by until.
	Due(until crm.Date) ([]crm.CheckIn, error)
	// Circles returns every circle with its members.
	Circles() ([]*crm.Circle, error)
	// ReachOuts returns what the check-in of each contact due by until
	// says, by contact id, each list cut at limit; the private notes only
	// withNotes. A due contact with nothing to say may have no entry.
	ReachOuts(until crm.Date, limit int, withNotes bool) (map[int64]ReachOut, error)
	// FollowUpsDue returns the follow-ups with prospects still pursued
	// that fall due by until, overdue ones included (see followups.go).
	FollowUpsDue(until crm.Date) ([]crm.FollowUp, error)
	// CalendarEventStates returns the state of every event Kith exported, by UID.
	CalendarEventStates() (map[string]EventState, error)
	// CalDAVObjects returns the objects Kith put on the calendar at url, by UID.
	CalDAVObjects(url string) (map[string]CalDAVObject, error)
}

// Tx is a write transaction: what the calendar records about its exports,
// its publishes and its settings, all kept or none. The store's
// transaction (*store.Tx) is one.
type Tx interface {
	Reader
	// SetSetting saves one value of the settings table.
	SetSetting(key, value string) error
	// SaveCalendarEventState records what was exported for one event.
	SaveCalendarEventState(s EventState) error
	// SaveCalDAVObject records an object put on the calendar at url.
	SaveCalDAVObject(url string, o CalDAVObject) error
	// DeleteCalDAVObject forgets an object removed from the calendar at url.
	DeleteCalDAVObject(url, uid string) error
}

// Store runs the calendar's transactions: an export reads a snapshot and
// then records its state in one short write, and a publish records what the
// server holds after talking to it, so no transaction is held while a
// calendar is built or a server answers. The store (*store.Store) is one.
type Store interface {
	// ViewCalendar runs fn in one read-only transaction, a consistent snapshot.
	ViewCalendar(ctx context.Context, fn func(Reader) error) error
	// UpdateCalendar runs fn in one write transaction: everything fn does is
	// kept when it returns nil, and nothing when it returns an error.
	UpdateCalendar(ctx context.Context, fn func(Tx) error) error
}
