package store

import (
	"database/sql"
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
		if s.LastModified, err = parseStamp(stamp); err != nil {
			return nil, fmt.Errorf("load calendar state of %s: %w", s.UID, err)
		}
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
// they help with and, only when asked for, the private notes. Its exchanges
// carry only their date, kind and description.
type ReachOut struct {
	Promised  []crm.Exchange // open commitments to them, oldest first
	TheyGave  []crm.Exchange // what they gave, newest first
	Goals     []string       // titles of the active goals they help with
	Notes     string         // the contact's private notes (withNotes only)
	LastNotes string         // the private notes of the last interaction (withNotes only)
}

// reachOutsQuery reads the ReachOut of every contact due by :until in one
// statement: the due set is worked out once (the check-in query's own
// rules), and each piece is ranked per contact with a window function and
// cut at :limit, so the statement's size never depends on the data. Open
// promises are few and read through their partial index; what they gave is
// read newest first per due contact and stops at :limit. The
// notes pieces are added only when asked for (%s).
var reachOutsQuery = `WITH due AS MATERIALIZED (
    SELECT id FROM (` + fmt.Sprintf(contactRows, "c.archived = 0") + `) WHERE next_due <= :until
)
SELECT 'promised', contact_id, n, occurred_on, kind, description FROM (
    SELECT e.contact_id, e.occurred_on, e.kind, e.description,
        row_number() OVER (PARTITION BY e.contact_id ORDER BY e.occurred_on, e.id) AS n
    FROM exchanges e INDEXED BY exchanges_open
    WHERE e.commitment = 1 AND e.done_on IS NULL AND e.contact_id IN (SELECT id FROM due)
) WHERE n <= :limit
UNION ALL
SELECT 'gave', contact_id, n, occurred_on, kind, description FROM (
    SELECT e.contact_id, e.occurred_on, e.kind, e.description,
        row_number() OVER (PARTITION BY e.contact_id ORDER BY e.occurred_on DESC, e.id DESC) AS n
    FROM due d JOIN exchanges e ON e.id IN (SELECT x.id FROM exchanges x
        WHERE x.contact_id = d.id AND x.direction = 'received' AND x.occurred_on <= :today
        ORDER BY x.occurred_on DESC, x.id DESC LIMIT :limit)
)
UNION ALL
SELECT 'goal', contact_id, n, NULL, '', title FROM (
    SELECT h.contact_id, g.title,
        row_number() OVER (PARTITION BY h.contact_id
            ORDER BY g.target_on IS NULL, g.target_on, g.title COLLATE NOCASE) AS n
    FROM goal_helpers h JOIN goals g ON g.id = h.goal_id
    WHERE g.status = 'active' AND h.contact_id IN (SELECT id FROM due)
) WHERE n <= :limit%s
ORDER BY 1, 2, 3`

// reachOutNotes are the notes pieces of reachOutsQuery: each due contact's
// own notes and those of their last interaction up to today, one indexed
// seek per due contact inside the one statement.
const reachOutNotes = `
UNION ALL
SELECT 'notes', c.id, 1, NULL, '', c.notes FROM contacts c WHERE c.id IN (SELECT id FROM due)
UNION ALL
SELECT 'last_notes', d.id, 1, NULL, '', COALESCE((SELECT i.notes FROM participants p JOIN interactions i ON i.id = p.interaction_id
    WHERE p.contact_id = d.id AND p.occurred_on <= :today ORDER BY p.occurred_on DESC, i.id DESC LIMIT 1), '') FROM due d`

// ReachOuts loads the ReachOut of every contact whose check-in is due by
// until, by contact id, each piece cut at limit; a due contact with nothing
// to say has no entry. It reads them in one statement over the due set, as
// a calendar of thousands of check-ins needs.
func (tx *Tx) ReachOuts(until crm.Date, limit int, withNotes bool) (map[int64]ReachOut, error) {
	notes := ""
	if withNotes {
		notes = reachOutNotes
	}
	rows, err := tx.query(fmt.Sprintf(reachOutsQuery, notes),
		sql.Named("until", until), sql.Named("today", tx.today), sql.Named("limit", limit))
	if err != nil {
		return nil, fmt.Errorf("load what the check-ins say: %w", err)
	}
	defer rows.Close()
	out := map[int64]ReachOut{}
	for rows.Next() {
		var piece, text string
		var id, n int64
		var on sql.NullString
		var kind crm.ExchangeKind
		if err := rows.Scan(&piece, &id, &n, &on, &kind, &text); err != nil {
			return nil, fmt.Errorf("load what the check-ins say: %w", err)
		}
		r := out[id]
		switch piece {
		case "promised", "gave":
			e := crm.Exchange{Kind: kind, Description: text}
			if e.Date, err = crm.ParseDate(on.String); err != nil {
				return nil, fmt.Errorf("load what the check-ins say: exchange of #%d: %w", id, err)
			}
			if piece == "promised" {
				r.Promised = append(r.Promised, e)
			} else {
				r.TheyGave = append(r.TheyGave, e)
			}
		case "goal":
			r.Goals = append(r.Goals, text)
		case "notes":
			r.Notes = text
		case "last_notes":
			r.LastNotes = text
		}
		out[id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load what the check-ins say: %w", err)
	}
	return out, nil
}

// ReachOutReader loads the ReachOut of one contact after another with its
// statements prepared once: each piece is one indexed seek bounded by
// limit. It suits a few contacts; for a whole calendar ReachOuts reads the
// due set in one statement.
type ReachOutReader struct {
	tx        *Tx
	limit     int
	withNotes bool
	stmts     map[string]*sql.Stmt
}

// reachOutQueries are the pieces of a ReachOut; the notes are read only
// when the user asked for them.
var reachOutQueries = map[string]string{
	"promised": `SELECT occurred_on, kind, description FROM exchanges
		WHERE contact_id = ? AND commitment = 1 AND done_on IS NULL ORDER BY occurred_on, id LIMIT ?`,
	"gave": `SELECT occurred_on, kind, description FROM exchanges
		WHERE contact_id = ? AND direction = 'received' AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC LIMIT ?`,
	"goals": `SELECT g.title FROM goal_helpers h JOIN goals g ON g.id = h.goal_id
		WHERE h.contact_id = ? AND g.status = 'active' ORDER BY g.target_on IS NULL, g.target_on, g.title COLLATE NOCASE LIMIT ?`,
	"notes": "SELECT notes FROM contacts WHERE id = ?",
	"last_notes": `SELECT i.notes FROM participants p JOIN interactions i ON i.id = p.interaction_id
		WHERE p.contact_id = ? AND p.occurred_on <= ? ORDER BY p.occurred_on DESC, i.id DESC LIMIT 1`,
}

// NewReachOutReader prepares the queries; Close releases them.
func (tx *Tx) NewReachOutReader(limit int, withNotes bool) (*ReachOutReader, error) {
	r := &ReachOutReader{tx: tx, limit: limit, withNotes: withNotes, stmts: map[string]*sql.Stmt{}}
	for name, q := range reachOutQueries {
		st, err := tx.tx.PrepareContext(tx.ctx, q)
		if err != nil {
			r.Close()
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		r.stmts[name] = st
	}
	return r, nil
}

// Close releases the prepared statements.
func (r *ReachOutReader) Close() {
	for _, st := range r.stmts {
		st.Close()
	}
}

// ReachOut loads what a check-in reminder tells about one contact.
func (r *ReachOutReader) ReachOut(contactID int64) (ReachOut, error) {
	var out ReachOut
	var err error
	if out.Promised, err = r.exchanges("promised", contactID, r.limit); err != nil {
		return out, err
	}
	if out.TheyGave, err = r.exchanges("gave", contactID, r.tx.today, r.limit); err != nil {
		return out, err
	}
	if out.Goals, err = r.texts("goals", contactID, r.limit); err != nil {
		return out, err
	}
	if !r.withNotes {
		return out, nil
	}
	if err := r.stmts["notes"].QueryRowContext(r.tx.ctx, contactID).Scan(&out.Notes); err != nil {
		return out, fmt.Errorf("notes of #%d: %w", contactID, err)
	}
	last, err := r.texts("last_notes", contactID, r.tx.today)
	if len(last) > 0 {
		out.LastNotes = last[0]
	}
	return out, err
}

func (r *ReachOutReader) exchanges(name string, args ...any) ([]crm.Exchange, error) {
	rows, err := r.stmts[name].QueryContext(r.tx.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
	}
	defer rows.Close()
	var out []crm.Exchange
	for rows.Next() {
		var e crm.Exchange
		if err := rows.Scan(&e.Date, &e.Kind, &e.Description); err != nil {
			return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (r *ReachOutReader) texts(name string, args ...any) ([]string, error) {
	rows, err := r.stmts[name].QueryContext(r.tx.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
