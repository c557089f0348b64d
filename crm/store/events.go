package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// Events where the user met people (table events), the contacts met at
// each (event_contacts) and the prospects found there (prospects.event_id).

// AddEvent stores a new event and sets e.ID. Titles are unique in any case.
func (tx *Tx) AddEvent(e *crm.Event) error {
	if err := validName(e, 0, tx.FindEvent, "an event titled %q already exists", e.Title); err != nil {
		return err
	}
	id, err := tx.insertID(`INSERT INTO events (title, title_key, kind, held_on, place, notes, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, e.Title, crm.NameKey(e.Title), string(e.Kind), e.Date, e.Place, e.Notes, tx.stamp())
	if err != nil {
		return fmt.Errorf("add event %q: %w", e.Title, err)
	}
	e.ID = id
	return nil
}

// UpdateEvent saves an event's title, kind, date, place and notes.
func (tx *Tx) UpdateEvent(e *crm.Event) error {
	if err := validName(e, e.ID, tx.FindEvent, "an event titled %q already exists", e.Title); err != nil {
		return err
	}
	none := func() error { return crm.Errorf(crm.ENotFound, "no event #%d", e.ID) }
	return tx.changeRows(fmt.Sprintf("update event %q", e.Title), none,
		"UPDATE events SET title = ?, title_key = ?, kind = ?, held_on = ?, place = ?, notes = ? WHERE id = ?",
		e.Title, crm.NameKey(e.Title), string(e.Kind), e.Date, e.Place, e.Notes, e.ID)
}

// FindEvent resolves an event's title (any case) or #ID.
func (tx *Tx) FindEvent(ref string) (int64, error) {
	return tx.find("event", ref, "SELECT id, title FROM events WHERE id = ?", "SELECT id, title FROM events WHERE title_key = ?")
}

const eventColumns = "e.id, e.title, e.kind, e.held_on, e.place, e.notes"

func scanEvent(row scanner, extra ...any) (crm.Event, error) {
	var e crm.Event
	return e, row.Scan(append([]any{&e.ID, &e.Title, &e.Kind, &e.Date, &e.Place, &e.Notes}, extra...)...)
}

// Event loads one event.
func (tx *Tx) Event(id int64) (crm.Event, error) {
	rows, err := tx.query("SELECT "+eventColumns+" FROM events e WHERE e.id = ?", id)
	list, err := collect(rows, err, func(row scanner) (crm.Event, error) { return scanEvent(row) })
	return only(list, wrap(err, "load event #%d", id), crm.Errorf(crm.ENotFound, "no event #%d", id))
}

// Events lists events, the latest first, each with how many people and
// prospects were met there; limit 0 lists all.
func (tx *Tx) Events(limit, offset int) ([]crm.EventSummary, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := tx.query(`SELECT `+eventColumns+`,
		(SELECT count(*) FROM event_contacts ec WHERE ec.event_id = e.id),
		(SELECT count(*) FROM prospects p WHERE p.event_id = e.id AND p.contact_id IS NULL)
		FROM events e ORDER BY e.held_on DESC, e.title_key LIMIT ? OFFSET ?`, limit, offset)
	out, err := collect(rows, err, func(row scanner) (crm.EventSummary, error) {
		var s crm.EventSummary
		e, err := scanEvent(row, &s.People, &s.Prospects)
		s.Event = e
		return s, err
	})
	return out, wrap(err, "list events")
}

// MetAt records that a contact was met at an event. A contact whose source
// is not recorded gets the event as its source, with its title as detail.
func (tx *Tx) MetAt(eventID, contactID int64) error {
	if _, err := tx.exec("INSERT OR IGNORE INTO event_contacts (event_id, contact_id) VALUES (?, ?)", eventID, contactID); err != nil {
		return fmt.Errorf("link contact #%d to event #%d: %w", contactID, eventID, err)
	}
	if _, err := tx.exec(`UPDATE contacts SET source = 'event',
		source_detail = CASE WHEN source_detail = '' THEN (SELECT title FROM events WHERE id = :event) ELSE source_detail END,
		updated_at = :stamp WHERE id = :contact AND source = ''`,
		sql.Named("event", eventID), sql.Named("contact", contactID), sql.Named("stamp", tx.stamp())); err != nil {
		return fmt.Errorf("link contact #%d to event #%d: %w", contactID, eventID, err)
	}
	return nil
}

// EventsOf lists the events a contact was met at, the latest first.
func (tx *Tx) EventsOf(contactID int64) ([]crm.Event, error) {
	rows, err := tx.query(`SELECT `+eventColumns+` FROM event_contacts ec JOIN events e ON e.id = ec.event_id
		WHERE ec.contact_id = ? ORDER BY e.held_on DESC, e.title_key`, contactID)
	out, err := collect(rows, err, func(row scanner) (crm.Event, error) { return scanEvent(row) })
	return out, wrap(err, "load events of contact #%d", contactID)
}

// EventPage loads an event with who was met there (contacts, and prospects
// not yet contacts) and who the user still has to follow up with:
// prospects still pursued, and contacts not talked to since the event.
func (tx *Tx) EventPage(id int64) (*crm.EventPage, error) {
	ev, err := tx.Event(id)
	if err != nil {
		return nil, err
	}
	page := &crm.EventPage{Event: ev}
	rows, err := tx.query(`
SELECT c.id, 0, c.name, '', NULL,
    (SELECT max(p.occurred_on) FROM participants p WHERE p.contact_id = c.id AND p.occurred_on <= :today) AS last,
    c.name_key
FROM event_contacts ec JOIN contacts c ON c.id = ec.contact_id
WHERE ec.event_id = :id AND c.archived = 0
UNION ALL
SELECT 0, p.id, p.name, p.stage, p.follow_up_on, NULL, p.name_key
FROM prospects p WHERE p.event_id = :id AND p.contact_id IS NULL
ORDER BY 7, 1, 2`, sql.Named("id", id), sql.Named("today", tx.today))
	met, err := collect(rows, err, func(row scanner) (crm.Met, error) {
		var m crm.Met
		var key string
		return m, row.Scan(&m.ContactID, &m.ProspectID, &m.Name, &m.Stage, &m.FollowUpOn, &m.LastContact, &key)
	})
	if err != nil {
		return nil, fmt.Errorf("load who was met at event #%d: %w", id, err)
	}
	page.Met, page.FollowUp = met, []crm.Met{}
	for _, m := range met {
		if m.ProspectID != 0 && m.Stage.IsOpen() || m.ContactID != 0 && !m.LastContact.After(ev.Date) {
			page.FollowUp = append(page.FollowUp, m)
		}
	}
	return page, nil
}

// wrap adds what was being done to a database error, leaving nil alone.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
