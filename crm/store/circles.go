package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// AddCircle stores a new circle and sets c.ID.
func (tx *Tx) AddCircle(c *crm.Circle) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if _, err := tx.FindCircle(c.Name); err == nil {
		return crm.Errorf(crm.EConflict, "a circle named %q already exists", c.Name)
	}
	res, err := tx.exec("INSERT INTO circles (name, name_key, purpose, cadence_days, created_at) VALUES (?, ?, ?, ?, ?)",
		c.Name, crm.NameKey(c.Name), c.Purpose, nullInt(c.CadenceDays), tx.stamp())
	if err != nil {
		return fmt.Errorf("add circle %q: %w", c.Name, err)
	}
	c.ID, err = res.LastInsertId()
	return err
}

// UpdateCircle saves a circle's name, purpose and cadence.
func (tx *Tx) UpdateCircle(c *crm.Circle) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if other, err := tx.FindCircle(c.Name); err == nil && other != c.ID {
		return crm.Errorf(crm.EConflict, "a circle named %q already exists", c.Name)
	}
	_, err := tx.exec("UPDATE circles SET name = ?, name_key = ?, purpose = ?, cadence_days = ? WHERE id = ?",
		c.Name, crm.NameKey(c.Name), c.Purpose, nullInt(c.CadenceDays), c.ID)
	if err != nil {
		return fmt.Errorf("update circle %q: %w", c.Name, err)
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
	res, err := tx.exec("UPDATE circle_members SET left_on = max(joined_on, ?) WHERE circle_id = ? AND contact_id = ? AND left_on IS NULL",
		on, circleID, contactID)
	if err != nil {
		return fmt.Errorf("leave circle: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.ENotFound, "%s is not a member of %s", tx.contactName(contactID), tx.circleName(circleID))
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

func (tx *Tx) circleName(id int64) string {
	var name string
	if err := tx.queryRow("SELECT name FROM circles WHERE id = ?", id).Scan(&name); err != nil {
		return fmt.Sprintf("circle #%d", id)
	}
	return name
}

// Circle loads one circle with its members, past and present.
func (tx *Tx) Circle(id int64) (*crm.Circle, error) {
	c := &crm.Circle{}
	var cadence sql.NullInt64
	err := tx.queryRow(`SELECT id, name, purpose, cadence_days,
		(SELECT max(occurred_on) FROM interactions WHERE circle_id = circles.id AND occurred_on <= ?)
		FROM circles WHERE id = ?`, tx.today, id).Scan(&c.ID, &c.Name, &c.Purpose, &cadence, &c.LastMet)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "no circle #%d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load circle #%d: %w", id, err)
	}
	c.CadenceDays = int(cadence.Int64)
	rows, err := tx.query(`SELECT m.contact_id, c.name, m.joined_on, m.left_on FROM circle_members m
		JOIN contacts c ON c.id = m.contact_id WHERE m.circle_id = ? ORDER BY m.left_on IS NOT NULL, c.name_key, m.id`, id)
	if err != nil {
		return nil, fmt.Errorf("load members of %s: %w", c.Name, err)
	}
	defer rows.Close()
	c.Members = []crm.Member{}
	for rows.Next() {
		var m crm.Member
		if err := rows.Scan(&m.ContactID, &m.Name, &m.Joined, &m.Left); err != nil {
			return nil, fmt.Errorf("load members of %s: %w", c.Name, err)
		}
		c.Members = append(c.Members, m)
	}
	return c, rows.Err()
}

// Circles loads every circle with its members. People have a handful of
// circles, so this is a short list.
func (tx *Tx) Circles() ([]*crm.Circle, error) {
	rows, err := tx.query("SELECT id FROM circles ORDER BY name_key, id")
	if err != nil {
		return nil, fmt.Errorf("list circles: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list circles: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list circles: %w", err)
	}
	out := []*crm.Circle{}
	for _, id := range ids {
		c, err := tx.Circle(id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// CirclesOf returns the names of the circles a contact currently belongs to.
func (tx *Tx) CirclesOf(contactID int64) ([]string, error) {
	return tx.strings(`SELECT ci.name FROM circle_members m JOIN circles ci ON ci.id = m.circle_id
		WHERE m.contact_id = ? AND m.left_on IS NULL ORDER BY ci.name_key`, contactID)
}

func (tx *Tx) strings(q string, args ...any) ([]string, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
