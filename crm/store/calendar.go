package store

import (
	"fmt"
	"time"

	"github.com/kithcrm/kith/crm"
)

// EventState is what Kith last exported for one calendar event: the hash of
// its date and text, and the SEQUENCE and LAST-MODIFIED that went with it.
type EventState struct {
	UID          string
	Hash         string
	Sequence     int
	LastModified time.Time
}

// CalendarEventStates loads the state of every event Kith has exported, by
// UID. There is one row per contact ever due and per recurring event, so the
// map is bounded by the calendar Kith writes, and one query reads it.
func (tx *Tx) CalendarEventStates() (map[string]EventState, error) {
	rows, err := tx.query("SELECT uid, content_hash, sequence, last_modified FROM calendar_events")
	if err != nil {
		return nil, fmt.Errorf("load calendar state: %w", err)
	}
	defer rows.Close()
	out := map[string]EventState{}
	for rows.Next() {
		var s EventState
		var stamp string
		if err := rows.Scan(&s.UID, &s.Hash, &s.Sequence, &stamp); err != nil {
			return nil, fmt.Errorf("load calendar state: %w", err)
		}
		s.LastModified = parseStamp(stamp)
		out[s.UID] = s
	}
	return out, rows.Err()
}

// SaveCalendarEventState records what was exported for one event.
func (tx *Tx) SaveCalendarEventState(s EventState) error {
	_, err := tx.exec(`INSERT INTO calendar_events (uid, content_hash, sequence, last_modified) VALUES (?, ?, ?, ?)
		ON CONFLICT (uid) DO UPDATE SET content_hash = excluded.content_hash, sequence = excluded.sequence,
		last_modified = excluded.last_modified`, s.UID, s.Hash, s.Sequence, s.LastModified.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("save calendar state of %s: %w", s.UID, err)
	}
	return nil
}

// CalDAVObject is one calendar object Kith put on a CalDAV calendar.
type CalDAVObject struct {
	UID  string
	Hash string // the hash of the object as sent, stamps included
	ETag string // the server's ETag after the PUT; "" when it sent none
}

// CalDAVObjects loads the objects Kith has put on the calendar at url, by UID.
func (tx *Tx) CalDAVObjects(url string) (map[string]CalDAVObject, error) {
	rows, err := tx.query("SELECT uid, content_hash, etag FROM caldav_objects WHERE calendar_url = ?", url)
	if err != nil {
		return nil, fmt.Errorf("load published objects of %s: %w", url, err)
	}
	defer rows.Close()
	out := map[string]CalDAVObject{}
	for rows.Next() {
		var o CalDAVObject
		if err := rows.Scan(&o.UID, &o.Hash, &o.ETag); err != nil {
			return nil, fmt.Errorf("load published objects of %s: %w", url, err)
		}
		out[o.UID] = o
	}
	return out, rows.Err()
}

// SaveCalDAVObject records an object put on the calendar at url.
func (tx *Tx) SaveCalDAVObject(url string, o CalDAVObject) error {
	_, err := tx.exec(`INSERT INTO caldav_objects (calendar_url, uid, content_hash, etag) VALUES (?, ?, ?, ?)
		ON CONFLICT (calendar_url, uid) DO UPDATE SET content_hash = excluded.content_hash, etag = excluded.etag`,
		url, o.UID, o.Hash, o.ETag)
	if err != nil {
		return fmt.Errorf("record published object %s: %w", o.UID, err)
	}
	return nil
}

// DeleteCalDAVObject forgets an object removed from the calendar at url.
func (tx *Tx) DeleteCalDAVObject(url, uid string) error {
	if _, err := tx.exec("DELETE FROM caldav_objects WHERE calendar_url = ? AND uid = ?", url, uid); err != nil {
		return fmt.Errorf("forget published object %s: %w", uid, err)
	}
	return nil
}

// ReachOut is what helps the user reach out to someone with something to
// give: the promises still open to them, what they gave recently, the goals
// they help with and, only when asked for, the private notes.
type ReachOut struct {
	Promised  []crm.Exchange // open commitments to them, oldest first
	TheyGave  []crm.Exchange // what they gave, newest first
	Goals     []string       // titles of the active goals they help with
	Notes     string         // the contact's private notes (withNotes only)
	LastNotes string         // the private notes of the last interaction (withNotes only)
}

// ReachOut loads what a check-in reminder tells about one contact. Each list
// is at most limit long, and each piece is one indexed query, so a calendar
// of many check-ins costs a few small queries per person.
func (tx *Tx) ReachOut(contactID int64, limit int, withNotes bool) (ReachOut, error) {
	var r ReachOut
	var err error
	r.Promised, err = tx.exchanges("e.contact_id = ? AND e.commitment = 1 AND e.done_on IS NULL",
		" ORDER BY e.occurred_on, e.id LIMIT ?", contactID, limit)
	if err != nil {
		return r, err
	}
	r.TheyGave, err = tx.exchanges("e.contact_id = ? AND e.direction = 'received' AND e.occurred_on <= ?",
		" ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?", contactID, tx.today, limit)
	if err != nil {
		return r, err
	}
	r.Goals, err = tx.strings(`SELECT g.title FROM goal_helpers h JOIN goals g ON g.id = h.goal_id
		WHERE h.contact_id = ? AND g.status = 'active'
		ORDER BY g.target_on IS NULL, g.target_on, g.title COLLATE NOCASE LIMIT ?`, contactID, limit)
	if err != nil {
		return r, fmt.Errorf("goals of #%d: %w", contactID, err)
	}
	if !withNotes {
		return r, nil
	}
	if err := tx.queryRow("SELECT notes FROM contacts WHERE id = ?", contactID).Scan(&r.Notes); err != nil {
		return r, fmt.Errorf("notes of #%d: %w", contactID, err)
	}
	notes, err := tx.strings(`SELECT i.notes FROM participants p JOIN interactions i ON i.id = p.interaction_id
		WHERE p.contact_id = ? AND p.occurred_on <= ? ORDER BY p.occurred_on DESC, i.id DESC LIMIT 1`, contactID, tx.today)
	if err != nil {
		return r, fmt.Errorf("last notes of #%d: %w", contactID, err)
	}
	if len(notes) > 0 {
		r.LastNotes = notes[0]
	}
	return r, nil
}
