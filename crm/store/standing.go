package store

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// Standing is a contact's role history and circle memberships as one moment
// found them. Roles and memberships move together (joining a circle starts
// the circle role, leaving the last one ends it) and are history, changed
// only by starting and ending periods; so the window's undo of a role
// change, a join or a leave takes a Standing before the change and puts it
// back after, rather than ending what was started (which would leave a
// zero-length period behind) or starting again what was ended (which would
// restart its since).
type Standing struct {
	ContactID int64
	Roles     []crm.Role
	circles   []membership
}

// membership is one row of circle_members.
type membership struct {
	id, circleID   int64
	joined, leftOn crm.Date
}

// Standing reads a contact's roles and memberships.
func (tx *Tx) Standing(contactID int64) (*Standing, error) {
	s := &Standing{ContactID: contactID}
	var err error
	if s.Roles, err = tx.roles(contactID); err != nil {
		return nil, err
	}
	rows, err := tx.query("SELECT id, circle_id, joined_on, left_on FROM circle_members WHERE contact_id = ? ORDER BY id", contactID)
	s.circles, err = collect(rows, err, func(row scanner) (membership, error) {
		var m membership
		return m, row.Scan(&m.id, &m.circleID, &m.joined, &m.leftOn)
	})
	if err != nil {
		return nil, fmt.Errorf("load the circles of #%d: %w", contactID, err)
	}
	return s, nil
}

// RestoreStanding puts back the roles and memberships s read, exactly:
// whatever started or ended since is undone, and the rows come back under
// their own ids.
func (tx *Tx) RestoreStanding(s *Standing) error {
	id := s.ContactID
	doing := fmt.Sprintf("restore the roles of #%d", id)
	if err := tx.changeRows(doing, func() error { return noContact(id) },
		"UPDATE contacts SET updated_at = ? WHERE id = ?", tx.stamp(), id); err != nil {
		return err
	}
	for _, q := range []string{"DELETE FROM roles WHERE contact_id = ?", "DELETE FROM circle_members WHERE contact_id = ?"} {
		if _, err := tx.exec(q, id); err != nil {
			return fmt.Errorf("%s: %w", doing, err)
		}
	}
	for _, r := range s.Roles {
		if err := tx.insertRole(id, r); err != nil {
			return err
		}
	}
	for _, m := range s.circles {
		if _, err := tx.exec("INSERT INTO circle_members (id, circle_id, contact_id, joined_on, left_on) VALUES (?, ?, ?, ?, ?)",
			m.id, m.circleID, id, m.joined, m.leftOn); err != nil {
			return fmt.Errorf("%s: %w", doing, err)
		}
	}
	return nil
}
