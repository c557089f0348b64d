package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// contactColumn is one column of the contacts table and the crm.Contact
// field behind it: the value a write stores, and where a read puts it.
type contactColumn struct {
	name  string
	value any       // what AddContact or UpdateContact stores
	dest  any       // where Contact reads the column; nil for one only written
	write writeMode // which writes store it
}

// writeMode says which writes store a column.
type writeMode int

const (
	always writeMode = iota // every write: AddContact and UpdateContact
	onAdd                   // AddContact only: the day added and the creation stamp never change
	never                   // no write: the id is SQLite's to choose
)

// contactColumns ties each column of contacts to its field of c. It is the
// one place that knows the table's shape: the SELECT, INSERT and UPDATE
// statements, their arguments and the scan are all made from it, so a new
// crm.Contact field is one line here (and a migration). stamp is the time
// a write records.
func contactColumns(c *crm.Contact, stamp string) []contactColumn {
	return []contactColumn{
		{"id", c.ID, &c.ID, never},
		{"name", c.Name, &c.Name, always},
		{"name_key", crm.NameKey(c.Name), nil, always}, // derived from the name, for finding it in any case
		{"company", c.Company, &c.Company, always},
		{"title", c.Title, &c.Title, always},
		{"location", c.Location, &c.Location, always},
		{"birthday", c.Birthday, &c.Birthday, always},
		{"source", string(c.Source), &c.Source, always},
		{"source_detail", c.SourceDetail, &c.SourceDetail, always},
		{"referred_by", orNull(c.ReferredBy), orZero[int64]{&c.ReferredBy}, always},
		{"met_on", c.MetOn, &c.MetOn, always},
		{"added_on", c.AddedOn, &c.AddedOn, onAdd},
		{"notes", c.Notes, &c.Notes, always},
		{"cadence_days", orNull(c.CadenceDays), orZero[int]{&c.CadenceDays}, always},
		{"snoozed_until", c.SnoozedUntil, &c.SnoozedUntil, always},
		{"archived", c.Archived, &c.Archived, always},
		{"created_at", stamp, stampOf{&c.CreatedAt}, onAdd},
		{"updated_at", stamp, stampOf{&c.UpdatedAt}, always},
	}
}

// read, added and updated say which statements carry a column.
func (col contactColumn) read() bool    { return col.dest != nil }
func (col contactColumn) added() bool   { return col.write != never }
func (col contactColumn) updated() bool { return col.write == always }

// The statements over contactColumns, made once: their text depends on the
// columns, never on a contact.
var contactSelect, contactInsert, contactUpdate = contactStatements()

// contactStatements writes the SELECT by id, the INSERT and the UPDATE by
// id of contactColumns.
func contactStatements() (sel, ins, upd string) {
	cols := contactColumns(&crm.Contact{}, "")
	names := func(keep func(contactColumn) bool) []string {
		var out []string
		for _, col := range cols {
			if keep(col) {
				out = append(out, col.name)
			}
		}
		return out
	}
	added := names(contactColumn.added)
	sel = "SELECT " + strings.Join(names(contactColumn.read), ", ") + " FROM contacts WHERE id = ?"
	ins = "INSERT INTO contacts (" + strings.Join(added, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(added)), ", ") + ")"
	upd = "UPDATE contacts SET " + strings.Join(names(contactColumn.updated), " = ?, ") + " = ? WHERE id = ?"
	return sel, ins, upd
}

// contactArgs returns the values a write of c stores in the columns keep
// selects (contactColumn.added or .updated), in the statement's order.
func contactArgs(c *crm.Contact, stamp string, keep func(contactColumn) bool) []any {
	var out []any
	for _, col := range contactColumns(c, stamp) {
		if keep(col) {
			out = append(out, col.value)
		}
	}
	return out
}

// scanContact reads one row of contactSelect, and any extra columns a
// query adds after them into extra. Its channels and roles are left for
// Contact to load.
func scanContact(row scanner, extra ...any) (*crm.Contact, error) {
	c := &crm.Contact{}
	var dest []any
	for _, col := range contactColumns(c, "") {
		if col.read() {
			dest = append(dest, col.dest)
		}
	}
	return c, row.Scan(append(dest, extra...)...)
}

// noContact is the error for a contact id that matches nobody.
func noContact(id int64) error { return crm.Errorf(crm.ENotFound, "no contact #%d", id) }

// AddContact stores a new contact with its channels and roles and sets c.ID.
// AddedOn defaults to today and each role's Since to the day met, or today.
func (tx *Tx) AddContact(c *crm.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.AddedOn.IsZero() {
		c.AddedOn = tx.today
	}
	id, err := tx.insertID(contactInsert, contactArgs(c, tx.stamp(), contactColumn.added)...)
	if err != nil {
		return fmt.Errorf("add contact %q: %w", c.Name, err)
	}
	c.ID = id
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
	args := append(contactArgs(c, tx.stamp(), contactColumn.updated), c.ID)
	doing := fmt.Sprintf("update contact %q", c.Name)
	if err := tx.changeRows(doing, func() error { return noContact(c.ID) }, contactUpdate, args...); err != nil {
		return err
	}
	if _, err := tx.exec("DELETE FROM channels WHERE contact_id = ?", c.ID); err != nil {
		return fmt.Errorf("%s: %w", doing, err)
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

// insertRole stores one role period, refusing one that ends before it began.
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
	notHeld := func() error {
		return crm.Errorf(crm.ENotFound, "%s is not currently a %s", tx.contactName(contactID), kind)
	}
	if err := tx.changeRows(fmt.Sprintf("end role %s", kind), notHeld,
		"UPDATE roles SET until = max(since, ?) WHERE contact_id = ? AND role = ? AND until IS NULL",
		until, contactID, string(kind)); err != nil {
		return err
	}
	return tx.touchContact(contactID)
}

// SetArchived archives or restores a contact. Archived people keep their
// history but drop out of lists, check-ins and calendars.
func (tx *Tx) SetArchived(contactID int64, archived bool) error {
	return tx.setContact(fmt.Sprintf("archive contact #%d", contactID), contactID, "archived", archived)
}

// Snooze pushes a contact's next check-in to until; the zero Date clears it.
func (tx *Tx) Snooze(contactID int64, until crm.Date) error {
	if err := crm.CheckDate(until); err != nil {
		return crm.Invalid("until", err)
	}
	return tx.setContact(fmt.Sprintf("snooze contact #%d", contactID), contactID, "snoozed_until", until)
}

// setContact sets one column of a contact, and when it changed; col is
// always a constant of this file, never user text.
func (tx *Tx) setContact(doing string, id int64, col string, value any) error {
	return tx.changeRows(doing, func() error { return noContact(id) },
		"UPDATE contacts SET "+col+" = ?, updated_at = ? WHERE id = ?", value, tx.stamp(), id)
}

// touchContact records that something about a contact changed, such as a
// role, so updated_at tells when they were last edited.
func (tx *Tx) touchContact(id int64) error {
	_, err := tx.exec("UPDATE contacts SET updated_at = ? WHERE id = ?", tx.stamp(), id)
	return err
}

// contactName names a contact in a message; a contact that cannot be read
// is named by its id, since the message matters more than the lookup.
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

// Namesakes returns the other contacts whose name is contact id's as
// FindContact matches names (any case, accents optional), archived ones
// too, oldest first. A second Ana Lopez may be added (two people can share
// a name), but the user should hear of the first.
func (tx *Tx) Namesakes(id int64) ([]crm.Participant, error) {
	out, err := tx.participants(`SELECT o.id, o.name FROM contacts c
		JOIN contacts o ON o.name_key = c.name_key AND o.id <> c.id WHERE c.id = ? ORDER BY o.id`, id)
	if err != nil {
		return nil, fmt.Errorf("find namesakes of #%d: %w", id, err)
	}
	return out, nil
}

// candidate is one row a name may refer to.
type candidate struct {
	id   int64
	name string
}

// scanCandidate reads an (id, name) row of find's queries.
func scanCandidate(row scanner) (candidate, error) {
	var c candidate
	err := row.Scan(&c.id, &c.name)
	return c, err
}

// find resolves #ID or a name key with the two given queries.
func (tx *Tx) find(what, ref, byID, byKey string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, crm.Errorf(crm.EInvalid, "no %s named: the name is empty", what)
	}
	query, arg := byKey, any(crm.NameKey(ref))
	if rest, ok := strings.CutPrefix(ref, "#"); ok {
		id, err := strconv.ParseInt(rest, 10, 64)
		if err != nil {
			return 0, crm.Errorf(crm.EInvalid, "%q is not a %s id (want #123)", ref, what)
		}
		query, arg = byID, id
	}
	rows, err := tx.query(query, arg)
	found, err := collect(rows, err, scanCandidate)
	if err != nil {
		return 0, fmt.Errorf("find %s %q: %w", what, ref, err)
	}
	switch len(found) {
	case 0:
		return 0, crm.Errorf(crm.ENotFound, "no %s named %q", what, ref)
	case 1:
		return found[0].id, nil
	}
	cands := make([]string, len(found))
	for i, c := range found {
		cands[i] = fmt.Sprintf("%s (#%d)", c.name, c.id)
	}
	return 0, &crm.Error{Code: crm.EAmbiguous, Message: fmt.Sprintf("%d %ss are named %q; say which with #ID", len(found), what, ref), Candidates: cands}
}

// Contact loads one contact with its channels and roles.
func (tx *Tx) Contact(id int64) (*crm.Contact, error) {
	c, err := scanContact(tx.queryRow(contactSelect, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noContact(id)
	}
	if err != nil {
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

// channels loads a contact's channels, each kind's primary one first.
func (tx *Tx) channels(contactID int64) ([]crm.Channel, error) {
	rows, err := tx.query("SELECT kind, label, value, is_primary FROM channels WHERE contact_id = ? ORDER BY kind, is_primary DESC, id", contactID)
	out, err := collect(rows, err, func(row scanner) (crm.Channel, error) {
		var ch crm.Channel
		err := row.Scan(&ch.Kind, &ch.Label, &ch.Value, &ch.Primary)
		return ch, err
	})
	if err != nil {
		return nil, fmt.Errorf("load channels of #%d: %w", contactID, err)
	}
	return out, nil
}

// roles loads a contact's role history, oldest first.
func (tx *Tx) roles(contactID int64) ([]crm.Role, error) {
	rows, err := tx.query("SELECT role, since, until FROM roles WHERE contact_id = ? ORDER BY since, id", contactID)
	out, err := collect(rows, err, func(row scanner) (crm.Role, error) {
		var r crm.Role
		err := row.Scan(&r.Kind, &r.Since, &r.Until)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("load roles of #%d: %w", contactID, err)
	}
	return out, nil
}
