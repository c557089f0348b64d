package store

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// AddCircle stores a new circle and sets c.ID.
func (tx *Tx) AddCircle(c *crm.Circle) error {
	if err := validName(c, 0, tx.FindCircle, "a circle named %q already exists", c.Name); err != nil {
		return err
	}
	id, err := tx.insertID("INSERT INTO circles (name, name_key, purpose, cadence_days, created_at) VALUES (?, ?, ?, ?, ?)",
		c.Name, crm.NameKey(c.Name), c.Purpose, orNull(c.CadenceDays), tx.stamp())
	if err != nil {
		return fmt.Errorf("add circle %q: %w", c.Name, err)
	}
	c.ID = id
	return nil
}

// UpdateCircle saves a circle's name, purpose and cadence.
func (tx *Tx) UpdateCircle(c *crm.Circle) error {
	if err := validName(c, c.ID, tx.FindCircle, "a circle named %q already exists", c.Name); err != nil {
		return err
	}
	_, err := tx.exec("UPDATE circles SET name = ?, name_key = ?, purpose = ?, cadence_days = ? WHERE id = ?",
		c.Name, crm.NameKey(c.Name), c.Purpose, orNull(c.CadenceDays), c.ID)
	if err != nil {
		return fmt.Errorf("update circle %q: %w", c.Name, err)
	}
	return nil
}

// validName validates a circle or goal about to be saved, and refuses a
// name that another of its kind already has, since they are found by name.
// id is the one being saved, 0 for a new one. A failed lookup is left for
// the write to report.
func validName(v interface{ Validate() error }, id int64, find func(string) (int64, error), taken, name string) error {
	if err := v.Validate(); err != nil {
		return err
	}
	if other, err := find(name); err == nil && other != id {
		return crm.Errorf(crm.EConflict, taken, name)
	}
	return nil
}

// FindCircle resolves a circle's name (any case) or #ID.
func (tx *Tx) FindCircle(ref string) (int64, error) {
	return tx.find("circle", ref, "SELECT id, name FROM circles WHERE id = ?",
		"SELECT id, name FROM circles WHERE name_key = ?")
}

// Join adds a contact to a circle from on (today when zero) and gives them
// the circle role. Joining a circle one already belongs to changes nothing.
func (tx *Tx) Join(circleID, contactID int64, on crm.Date) error {
	if on.IsZero() {
		on = tx.today
	}
	var n int
	if err := tx.queryRow("SELECT count(*) FROM circle_members WHERE circle_id = ? AND contact_id = ? AND left_on IS NULL",
		circleID, contactID).Scan(&n); err != nil {
		return fmt.Errorf("join circle: %w", err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.exec("INSERT INTO circle_members (circle_id, contact_id, joined_on) VALUES (?, ?, ?)",
		circleID, contactID, on); err != nil {
		return fmt.Errorf("join circle: %w", err)
	}
	return tx.AddRole(contactID, crm.RoleCircle, on)
}

// Leave records that a contact left a circle on on (today when zero). When
// it was their last circle, their circle role ends too.
func (tx *Tx) Leave(circleID, contactID int64, on crm.Date) error {
	if on.IsZero() {
		on = tx.today
	}
	notMember := func() error {
		return crm.Errorf(crm.ENotFound, "%s is not a member of %s", tx.contactName(contactID), tx.circleName(circleID))
	}
	if err := tx.changeRows("leave circle", notMember,
		"UPDATE circle_members SET left_on = max(joined_on, ?) WHERE circle_id = ? AND contact_id = ? AND left_on IS NULL",
		on, circleID, contactID); err != nil {
		return err
	}
	var others int
	if err := tx.queryRow("SELECT count(*) FROM circle_members WHERE contact_id = ? AND left_on IS NULL", contactID).Scan(&others); err != nil {
		return fmt.Errorf("leave circle: %w", err)
	}
	if others == 0 {
		if err := tx.EndRole(contactID, crm.RoleCircle, on); err != nil && crm.ErrorCode(err) != crm.ENotFound {
			return err
		}
	}
	return nil
}

// circleName names a circle in a message, as contactName does a contact.
func (tx *Tx) circleName(id int64) string {
	var name string
	if err := tx.queryRow("SELECT name FROM circles WHERE id = ?", id).Scan(&name); err != nil {
		return fmt.Sprintf("circle #%d", id)
	}
	return name
}

// Circle loads one circle with its members, past and present.
func (tx *Tx) Circle(id int64) (*crm.Circle, error) {
	list, err := tx.circles("id = ?", id)
	return only(list, err, crm.Errorf(crm.ENotFound, "no circle #%d", id))
}

// Circles loads every circle with its members. People have a handful of
// circles, so this is a short list.
func (tx *Tx) Circles() ([]*crm.Circle, error) { return tx.circles("1") }

// circles loads the circles matching where, in name order, with the day
// each last met and its members.
func (tx *Tx) circles(where string, args ...any) ([]*crm.Circle, error) {
	rows, err := tx.query(`SELECT id, name, purpose, cadence_days,
		(SELECT max(occurred_on) FROM interactions WHERE circle_id = circles.id AND occurred_on <= ?)
		FROM circles WHERE `+where+` ORDER BY name_key, id`, append([]any{tx.today}, args...)...)
	out, err := collect(rows, err, func(row scanner) (*crm.Circle, error) {
		c := &crm.Circle{}
		return c, row.Scan(&c.ID, &c.Name, &c.Purpose, orZero[int]{&c.CadenceDays}, &c.LastMet)
	})
	if err != nil {
		return nil, fmt.Errorf("load circles: %w", err)
	}
	for _, c := range out {
		if c.Members, err = tx.members(c); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// members loads a circle's members, current ones first.
func (tx *Tx) members(c *crm.Circle) ([]crm.Member, error) {
	rows, err := tx.query(`SELECT m.contact_id, c.name, m.joined_on, m.left_on FROM circle_members m
		JOIN contacts c ON c.id = m.contact_id WHERE m.circle_id = ? ORDER BY m.left_on IS NOT NULL, c.name_key, m.id`, c.ID)
	out, err := collect(rows, err, func(row scanner) (crm.Member, error) {
		var m crm.Member
		err := row.Scan(&m.ContactID, &m.Name, &m.Joined, &m.Left)
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("load members of %s: %w", c.Name, err)
	}
	return out, nil
}

// CirclesOf returns the names of the circles a contact currently belongs to.
func (tx *Tx) CirclesOf(contactID int64) ([]string, error) {
	return tx.strings(`SELECT ci.name FROM circle_members m JOIN circles ci ON ci.id = m.circle_id
		WHERE m.contact_id = ? AND m.left_on IS NULL ORDER BY ci.name_key`, contactID)
}

// strings runs a query of one text column.
func (tx *Tx) strings(q string, args ...any) ([]string, error) {
	rows, err := tx.query(q, args...)
	return collect(rows, err, scanOne[string])
}
