package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// AddContact stores a new contact with its channels and roles and sets c.ID.
// AddedOn defaults to today and each role's Since to the day met, or today.
func (tx *Tx) AddContact(c *crm.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.AddedOn.IsZero() {
		c.AddedOn = tx.today
	}
	res, err := tx.exec(`INSERT INTO contacts (name, name_key, company, title, location, birthday, source, source_detail,
		referred_by, met_on, added_on, notes, cadence_days, snoozed_until, archived, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Name, crm.NameKey(c.Name), c.Company, c.Title, c.Location, c.Birthday, string(c.Source), c.SourceDetail,
		orNull(c.ReferredBy), c.MetOn, c.AddedOn, c.Notes, orNull(c.CadenceDays), c.SnoozedUntil, c.Archived,
		tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("add contact %q: %w", c.Name, err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("add contact %q: %w", c.Name, err)
	}
	if err := tx.insertChannels(c.ID, c.Channels); err != nil {
		return err
	}
	for i := range c.Roles {
		r := &c.Roles[i]
		if r.Since.IsZero() {
			r.Since = c.MetOn
			if r.Since.IsZero() {
				r.Since = tx.today
			}
		}
		if err := tx.insertRole(c.ID, *r); err != nil {
			return err
		}
	}
	return nil
}

// UpdateContact saves a contact's fields and replaces its channels. Roles are
// history and change only through AddRole and EndRole.
func (tx *Tx) UpdateContact(c *crm.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ReferredBy == c.ID && c.ID != 0 {
		return crm.Invalid("referred-by", fmt.Errorf("%s cannot have introduced themselves", c.Name))
	}
	res, err := tx.exec(`UPDATE contacts SET name = ?, name_key = ?, company = ?, title = ?, location = ?, birthday = ?,
		source = ?, source_detail = ?, referred_by = ?, met_on = ?, notes = ?, cadence_days = ?, snoozed_until = ?,
		archived = ?, updated_at = ? WHERE id = ?`,
		c.Name, crm.NameKey(c.Name), c.Company, c.Title, c.Location, c.Birthday, string(c.Source), c.SourceDetail,
		orNull(c.ReferredBy), c.MetOn, c.Notes, orNull(c.CadenceDays), c.SnoozedUntil, c.Archived, tx.stamp(), c.ID)
	if err != nil {
		return fmt.Errorf("update contact %q: %w", c.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.ENotFound, "no contact #%d", c.ID)
	}
	if _, err := tx.exec("DELETE FROM channels WHERE contact_id = ?", c.ID); err != nil {
		return fmt.Errorf("update contact %q: %w", c.Name, err)
	}
	return tx.insertChannels(c.ID, c.Channels)
}

// DeleteContact removes a contact and everything that belongs only to them
// (channels, roles, memberships, exchanges, participation). The window uses
// it to undo an add; people are otherwise archived, not deleted.
func (tx *Tx) DeleteContact(id int64) error {
	if _, err := tx.exec("DELETE FROM contacts WHERE id = ?", id); err != nil {
		return fmt.Errorf("delete contact #%d: %w", id, err)
	}
	return nil
}

// insertChannels stores channels, making the first of each kind primary when
// none is marked, so every contact with an email has exactly one primary email.
func (tx *Tx) insertChannels(contactID int64, chs []crm.Channel) error {
	hasPrimary := map[crm.ChannelKind]bool{}
	for _, ch := range chs {
		if ch.Primary {
			hasPrimary[ch.Kind] = true
		}
	}
	for _, ch := range chs {
		primary := ch.Primary
		if !hasPrimary[ch.Kind] {
			primary, hasPrimary[ch.Kind] = true, true
		} else if primary {
			hasPrimary[ch.Kind] = true
		}
		if _, err := tx.exec("INSERT INTO channels (contact_id, kind, label, value, is_primary) VALUES (?, ?, ?, ?, ?)",
			contactID, string(ch.Kind), ch.Label, strings.TrimSpace(ch.Value), primary); err != nil {
			return fmt.Errorf("save %s %q: %w", ch.Kind, ch.Value, err)
		}
	}
	return nil
}

func (tx *Tx) insertRole(contactID int64, r crm.Role) error {
	if !r.Until.IsZero() && r.Until.Before(r.Since) {
		return crm.Invalid("role "+string(r.Kind), fmt.Errorf("ends %s, before it began %s", r.Until, r.Since))
	}
	_, err := tx.exec("INSERT INTO roles (contact_id, role, since, until) VALUES (?, ?, ?, ?)",
		contactID, string(r.Kind), r.Since, r.Until)
	if err != nil {
		return fmt.Errorf("save role %s: %w", r.Kind, err)
	}
	return nil
}

// AddRole starts a role for a contact from since (today when zero). Holding
// the role already is not an error: the role simply continues.
func (tx *Tx) AddRole(contactID int64, kind crm.RoleKind, since crm.Date) error {
	var n int
	if err := tx.queryRow("SELECT count(*) FROM roles WHERE contact_id = ? AND role = ? AND until IS NULL",
		contactID, string(kind)).Scan(&n); err != nil {
		return fmt.Errorf("add role %s: %w", kind, err)
	}
	if n > 0 {
		return nil
	}
	if since.IsZero() {
		since = tx.today
	}
	if err := tx.insertRole(contactID, crm.Role{Kind: kind, Since: since}); err != nil {
		return err
	}
	return tx.touchContact(contactID)
}

// EndRole closes a current role on until (today when zero), keeping it in
// the contact's history.
func (tx *Tx) EndRole(contactID int64, kind crm.RoleKind, until crm.Date) error {
	if until.IsZero() {
		until = tx.today
	}
	res, err := tx.exec("UPDATE roles SET until = max(since, ?) WHERE contact_id = ? AND role = ? AND until IS NULL",
		until, contactID, string(kind))
	if err != nil {
		return fmt.Errorf("end role %s: %w", kind, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.ENotFound, "%s is not currently a %s", tx.contactName(contactID), kind)
	}
	return tx.touchContact(contactID)
}

// SetArchived archives or restores a contact. Archived people keep their
// history but drop out of lists, check-ins and calendars.
func (tx *Tx) SetArchived(contactID int64, archived bool) error {
	res, err := tx.exec("UPDATE contacts SET archived = ?, updated_at = ? WHERE id = ?", archived, tx.stamp(), contactID)
	if err != nil {
		return fmt.Errorf("archive contact #%d: %w", contactID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.ENotFound, "no contact #%d", contactID)
	}
	return nil
}

// Snooze pushes a contact's next check-in to until; the zero Date clears it.
func (tx *Tx) Snooze(contactID int64, until crm.Date) error {
	res, err := tx.exec("UPDATE contacts SET snoozed_until = ?, updated_at = ? WHERE id = ?", until, tx.stamp(), contactID)
	if err != nil {
		return fmt.Errorf("snooze contact #%d: %w", contactID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.ENotFound, "no contact #%d", contactID)
	}
	return nil
}

func (tx *Tx) touchContact(id int64) error {
	_, err := tx.exec("UPDATE contacts SET updated_at = ? WHERE id = ?", tx.stamp(), id)
	return err
}

func (tx *Tx) contactName(id int64) string {
	var name string
	if err := tx.queryRow("SELECT name FROM contacts WHERE id = ?", id).Scan(&name); err != nil {
		return "#" + strconv.FormatInt(id, 10)
	}
	return name
}

// FindContact resolves what a user typed, a whole name in any case or #ID,
// to one contact id. Archived contacts are found too: they can be shown,
// edited and restored.
func (tx *Tx) FindContact(ref string) (int64, error) {
	return tx.find("contact", ref, "SELECT id, name FROM contacts WHERE id = ?",
		"SELECT id, name FROM contacts WHERE name_key = ? ORDER BY archived, id")
}

// find resolves #ID or a name key with the two given queries.
func (tx *Tx) find(what, ref, byID, byKey string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, crm.Errorf(crm.EInvalid, "no %s named: the name is empty", what)
	}
	var rows *sql.Rows
	var err error
	if rest, ok := strings.CutPrefix(ref, "#"); ok {
		id, perr := strconv.ParseInt(rest, 10, 64)
		if perr != nil {
			return 0, crm.Errorf(crm.EInvalid, "%q is not a %s id (want #123)", ref, what)
		}
		rows, err = tx.query(byID, id)
	} else {
		rows, err = tx.query(byKey, crm.NameKey(ref))
	}
	if err != nil {
		return 0, fmt.Errorf("find %s %q: %w", what, ref, err)
	}
	defer rows.Close()
	var ids []int64
	var cands []string
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return 0, fmt.Errorf("find %s %q: %w", what, ref, err)
		}
		ids = append(ids, id)
		cands = append(cands, fmt.Sprintf("%s (#%d)", name, id))
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("find %s %q: %w", what, ref, err)
	}
	switch len(ids) {
	case 0:
		return 0, crm.Errorf(crm.ENotFound, "no %s named %q", what, ref)
	case 1:
		return ids[0], nil
	}
	return 0, &crm.Error{Code: crm.EAmbiguous, Message: fmt.Sprintf("%d %ss are named %q; say which with #ID", len(ids), what, ref), Candidates: cands}
}

// Contact loads one contact with its channels and roles.
func (tx *Tx) Contact(id int64) (*crm.Contact, error) {
	c := &crm.Contact{}
	var referred sql.NullInt64
	var cadence sql.NullInt64
	var created, updated string
	err := tx.queryRow(`SELECT id, name, company, title, location, birthday, source, source_detail, referred_by,
		met_on, added_on, notes, cadence_days, snoozed_until, archived, created_at, updated_at FROM contacts WHERE id = ?`, id).
		Scan(&c.ID, &c.Name, &c.Company, &c.Title, &c.Location, &c.Birthday, &c.Source, &c.SourceDetail, &referred,
			&c.MetOn, &c.AddedOn, &c.Notes, &cadence, &c.SnoozedUntil, &c.Archived, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "no contact #%d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load contact #%d: %w", id, err)
	}
	c.ReferredBy, c.CadenceDays = referred.Int64, int(cadence.Int64)
	if c.CreatedAt, err = parseStamp(created); err != nil {
		return nil, fmt.Errorf("load contact #%d: %w", id, err)
	}
	if c.UpdatedAt, err = parseStamp(updated); err != nil {
		return nil, fmt.Errorf("load contact #%d: %w", id, err)
	}
	if c.Channels, err = tx.channels(id); err != nil {
		return nil, err
	}
	if c.Roles, err = tx.roles(id); err != nil {
		return nil, err
	}
	return c, nil
}

func (tx *Tx) channels(contactID int64) ([]crm.Channel, error) {
	rows, err := tx.query("SELECT kind, label, value, is_primary FROM channels WHERE contact_id = ? ORDER BY kind, is_primary DESC, id", contactID)
	if err != nil {
		return nil, fmt.Errorf("load channels of #%d: %w", contactID, err)
	}
	defer rows.Close()
	out := []crm.Channel{}
	for rows.Next() {
		var ch crm.Channel
		if err := rows.Scan(&ch.Kind, &ch.Label, &ch.Value, &ch.Primary); err != nil {
			return nil, fmt.Errorf("load channels of #%d: %w", contactID, err)
		}
		out = append(out, ch)
	}
	return out, rows.Err()
}

func (tx *Tx) roles(contactID int64) ([]crm.Role, error) {
	rows, err := tx.query("SELECT role, since, until FROM roles WHERE contact_id = ? ORDER BY since, id", contactID)
	if err != nil {
		return nil, fmt.Errorf("load roles of #%d: %w", contactID, err)
	}
	defer rows.Close()
	out := []crm.Role{}
	for rows.Next() {
		var r crm.Role
		if err := rows.Scan(&r.Kind, &r.Since, &r.Until); err != nil {
			return nil, fmt.Errorf("load roles of #%d: %w", contactID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// noContact is the error for a contact id that matches nobody.
func noContact(id int64) error { return crm.Errorf(crm.ENotFound, "no contact #%d", id) }
