package store

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
)

// CalendarEventStates loads the state of every event Kith has exported, by
// UID. There is one row per contact ever due and per recurring event, so the
// map is bounded by the calendar Kith writes, and one query reads it.
func (tx *Tx) CalendarEventStates() (map[string]calendar.EventState, error) {
	out := map[string]calendar.EventState{}
	rows, err := tx.query("SELECT uid, content_hash, shown_hash, sequence, last_modified FROM calendar_events")
	// one row's variables and Scan's list of them, made once (see collectRows)
	var s calendar.EventState
	dest := []any{&s.UID, &s.Hash, &s.Shown, &s.Sequence, stampOf{&s.LastModified}}
	err = each(rows, err, func(row scanner) error {
		if err := row.Scan(dest...); err != nil {
			return err
		}
		out[s.UID] = s
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load calendar state: %w", err)
	}
	return out, nil
}

// SaveCalendarEventState records what was exported for one event.
func (tx *Tx) SaveCalendarEventState(s calendar.EventState) error {
	_, err := tx.exec(`INSERT INTO calendar_events (uid, content_hash, shown_hash, sequence, last_modified) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (uid) DO UPDATE SET content_hash = excluded.content_hash, shown_hash = excluded.shown_hash,
		sequence = excluded.sequence, last_modified = excluded.last_modified`,
		s.UID, s.Hash, s.Shown, s.Sequence, s.LastModified.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("save calendar state of %s: %w", s.UID, err)
	}
	return nil
}

// CalDAVObjects loads the objects Kith has put on the calendar at url, by UID.
func (tx *Tx) CalDAVObjects(url string) (map[string]calendar.CalDAVObject, error) {
	out := map[string]calendar.CalDAVObject{}
	rows, err := tx.query("SELECT uid, content_hash, etag FROM caldav_objects WHERE calendar_url = ?", url)
	err = each(rows, err, func(row scanner) error {
		var o calendar.CalDAVObject
		if err := row.Scan(&o.UID, &o.Hash, &o.ETag); err != nil {
			return err
		}
		out[o.UID] = o
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load published objects of %s: %w", url, err)
	}
	return out, nil
}

// SaveCalDAVObject records an object put on the calendar at url.
func (tx *Tx) SaveCalDAVObject(url string, o calendar.CalDAVObject) error {
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

// reachOutsQuery reads the calendar.ReachOut of the contacts in :ids (a JSON
// array) in one statement, and the ids are one bound value, so the
// statement's size never depends on the data. Open promises are few and
// read from their partial index exchanges_promised alone (it holds their
// kind and description), ranked per contact with a window function and
// cut at :limit. What they gave is read from
// exchanges_received alone, which holds each exchange received with its
// kind and description: a seek finds the day of the :limit-th newest, and
// a range of the index from that day to today gives the newest :limit and
// any of the same day (reachOuts keeps :limit of them, in order by day and
// id, which the last column carries). Ranking every gift with a window
// function instead cost more than reading them. Goals are ranked as
// promises are. The rows come in no order (see reachOuts). The notes
// pieces are added only when asked for (%s).
var reachOutsQuery = `WITH due AS MATERIALIZED (
    SELECT value AS id FROM json_each(:ids)
)
SELECT 'promised', contact_id, n, occurred_on, kind, description, 0 FROM (
    SELECT e.contact_id, e.occurred_on, e.kind, e.description,
        row_number() OVER (PARTITION BY e.contact_id ORDER BY e.occurred_on, e.id) AS n
    FROM exchanges e INDEXED BY exchanges_promised
    WHERE e.commitment = 1 AND e.done_on IS NULL AND e.contact_id IN (SELECT id FROM due)
) WHERE n <= :limit
UNION ALL
SELECT 'gave', d.id, 0, e.occurred_on, e.kind, e.description, e.id
FROM due d JOIN exchanges e INDEXED BY exchanges_received
    ON e.contact_id = d.id AND e.direction = 'received' AND e.occurred_on <= :today
    AND e.occurred_on >= COALESCE((SELECT x.occurred_on FROM exchanges x INDEXED BY exchanges_received
        WHERE x.contact_id = d.id AND x.direction = 'received' AND x.occurred_on <= :today
        ORDER BY x.occurred_on DESC, x.id DESC LIMIT 1 OFFSET :limit - 1), '')
UNION ALL
SELECT 'goal', contact_id, n, NULL, '', title, 0 FROM (
    SELECT h.contact_id, g.title,
        row_number() OVER (PARTITION BY h.contact_id
            ORDER BY g.target_on IS NULL, g.target_on, g.title COLLATE NOCASE) AS n
    FROM goal_helpers h JOIN goals g ON g.id = h.goal_id
    WHERE g.status = 'active' AND h.contact_id IN (SELECT id FROM due)
) WHERE n <= :limit%s
`

// reachOutNotes are the notes pieces of reachOutsQuery: each due contact's
// own notes and those of their last interaction up to today, one indexed
// seek per due contact inside the one statement.
const reachOutNotes = `
UNION ALL
SELECT 'notes', c.id, 1, NULL, '', c.notes, 0 FROM contacts c WHERE c.id IN (SELECT id FROM due)
UNION ALL
SELECT 'last_notes', d.id, 1, NULL, '', COALESCE((SELECT i.notes FROM participants p JOIN interactions i ON i.id = p.interaction_id
    WHERE p.contact_id = d.id AND p.occurred_on <= :today ORDER BY p.occurred_on DESC, i.id DESC LIMIT 1), ''), 0 FROM due d`

// ReachOutsOf loads the calendar.ReachOut of the contacts ids, by contact
// id, each piece cut at limit; a contact with nothing to say has no entry.
// It reads them in one statement, as a calendar of thousands of check-ins
// needs, a chunk of at most calendar.ReachOutChunk contacts at a time.
func (tx *Tx) ReachOutsOf(ids []int64, limit int, withNotes bool) (map[int64]calendar.ReachOut, error) {
	if len(ids) > calendar.ReachOutChunk {
		return nil, fmt.Errorf("load what the check-ins say: %d contacts at once, at most %d", len(ids), calendar.ReachOutChunk)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("load what the check-ins say: %w", err)
	}
	notes := ""
	if withNotes {
		notes = reachOutNotes
	}
	r := &reachOuts{out: make(map[int64]calendar.ReachOut, len(ids)), gifts: make([]gift, 0, limit*len(ids))}
	r.dest = []any{&r.row.piece, &r.row.id, &r.row.n, &r.row.on, &r.row.kind, &r.row.text, &r.row.exchange}
	rows, err := tx.query(fmt.Sprintf(reachOutsQuery, notes),
		sql.Named("ids", string(list)), sql.Named("today", tx.today), sql.Named("limit", limit))
	if err = each(rows, err, r.add); err != nil {
		return nil, fmt.Errorf("load what the check-ins say: %w", err)
	}
	return r.done(limit), nil
}

// reachOuts gathers the rows of reachOutsQuery. They come in no order
// (sorting every row of a chunk in SQL cost more than the rest of the
// statement): promises and goals carry their rank, and what each person
// gave is put in order here, newest first, and cut at the limit.
type reachOuts struct {
	out   map[int64]calendar.ReachOut
	gifts []gift
	// the row being read, and Scan's list of its fields, made once (see collectRows)
	row struct {
		piece, text, kind string // kind as a plain string: database/sql scans a named type by reflection
		id, n, exchange   int64
		on                sql.NullString
	}
	dest []any
}

// gift is one exchange a person gave, with its id: of two on one day, the
// one logged later is the newer.
type gift struct {
	contact, id int64
	day         crm.Date
	kind, text  string
}

// add takes one row of reachOutsQuery.
func (r *reachOuts) add(row scanner) error {
	if err := row.Scan(r.dest...); err != nil {
		return err
	}
	piece, id, n, on, kind, text, exchange := r.row.piece, r.row.id, r.row.n, r.row.on, r.row.kind, r.row.text, r.row.exchange
	var day crm.Date
	if piece == "promised" || piece == "gave" {
		var err error
		if day, err = crm.ParseDate(on.String); err != nil {
			return fmt.Errorf("exchange of #%d: %w", id, err)
		}
	}
	if piece == "gave" {
		r.gifts = append(r.gifts, gift{contact: id, id: exchange, day: day, kind: kind, text: text})
		return nil
	}
	o := r.out[id]
	switch piece {
	case "promised":
		o.Promised = placeAt(o.Promised, n, crm.Exchange{Date: day, Kind: crm.ExchangeKind(kind), Description: text})
	case "goal":
		o.Goals = placeAt(o.Goals, n, text)
	case "notes":
		o.Notes = text
	case "last_notes":
		o.LastNotes = text
	}
	r.out[id] = o
	return nil
}

// done puts each person's gifts in order, newest first, keeps limit of
// them, and returns what every check-in says.
func (r *reachOuts) done(limit int) map[int64]calendar.ReachOut {
	slices.SortFunc(r.gifts, func(a, b gift) int {
		if c := cmp.Compare(a.contact, b.contact); c != 0 {
			return c
		}
		if c := b.day.Compare(a.day); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	for from := 0; from < len(r.gifts); {
		id := r.gifts[from].contact
		to := from + 1
		for to < len(r.gifts) && r.gifts[to].contact == id {
			to++
		}
		if n := min(limit, to-from); n > 0 {
			o := r.out[id]
			o.TheyGave = make([]crm.Exchange, n)
			for i, g := range r.gifts[from : from+n] {
				o.TheyGave[i] = crm.Exchange{Date: g.day, Kind: crm.ExchangeKind(g.kind), Description: g.text}
			}
			r.out[id] = o
		}
		from = to
	}
	return r.out
}

// placeAt puts v at rank n (from 1) of list, growing it as needed: the
// ranks of a piece come in any order, and are 1 to its count.
func placeAt[T any](list []T, n int64, v T) []T {
	for int64(len(list)) < n {
		var zero T
		list = append(list, zero)
	}
	list[n-1] = v
	return list
}
