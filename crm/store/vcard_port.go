package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/vcard"
)

// The store is what a vCard export reads (see vcard.Source).
var _ vcard.Source = (*Tx)(nil)

// exportPageSize is how many people one page of an export holds: large
// enough that the three statements a page costs are few (a hundred pages
// for 50,000 people), small enough that a page is a few hundred kilobytes.
const exportPageSize = 500

// contactList is the columns contactSelect reads, for queries that read
// many contacts at once with scanContact.
var contactList = func() string {
	var names []string
	for _, col := range contactColumns(&crm.Contact{}, "") {
		if col.read() {
			names = append(names, "c."+col.name)
		}
	}
	return strings.Join(names, ", ")
}()

// exportPage reads the next page of people after (:key, :id) in name
// order. The row-value comparison walks the contacts_name_key index from
// where the last page stopped (keyset paging), so each page costs the
// same however deep into the book it is, unlike OFFSET.
const exportPage = `SELECT %s FROM contacts c
WHERE (c.name_key, c.id) > (:key, :id)
  AND (:role = '' OR EXISTS (SELECT 1 FROM roles r WHERE r.contact_id = c.id AND r.role = :role AND r.until IS NULL))
ORDER BY c.name_key, c.id LIMIT :limit`

// ExportContacts hands fn everyone (or the people who hold role now) a
// page at a time, in name order, each with channels and roles: three
// statements a page, whatever the number of people. Run it inside View for
// one consistent snapshot of the book.
func (tx *Tx) ExportContacts(role crm.RoleKind, fn func(page []crm.Contact) error) error {
	key, id := "", int64(0)
	q := fmt.Sprintf(exportPage, contactList+", c.name_key")
	for {
		var keys []string
		rows, err := tx.query(q, sql.Named("key", key), sql.Named("id", id), sql.Named("role", string(role)),
			sql.Named("limit", exportPageSize))
		page, err := collect(rows, err, func(row scanner) (crm.Contact, error) {
			var k string
			c, err := scanContact(row, &k)
			keys = append(keys, k)
			return *c, err
		})
		if err != nil {
			return fmt.Errorf("export contacts: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		if err := tx.fillPage(page); err != nil {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
		key, id = keys[len(keys)-1], page[len(page)-1].ID
	}
}

// fillPage loads the channels and roles of a page of contacts, one
// statement each: the page's ids travel as one JSON array.
func (tx *Tx) fillPage(page []crm.Contact) error {
	at := make(map[int64]*crm.Contact, len(page))
	ids := make([]int64, len(page))
	for i := range page {
		c := &page[i]
		c.Channels, c.Roles = []crm.Channel{}, []crm.Role{}
		at[c.ID], ids[i] = c, c.ID
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	rows, err := tx.query(`SELECT contact_id, kind, label, value, is_primary FROM channels
		WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, kind, is_primary DESC, id`, string(list))
	err = each(rows, err, func(row scanner) error {
		var who int64
		var ch crm.Channel
		if err := row.Scan(&who, &ch.Kind, &ch.Label, &ch.Value, &ch.Primary); err != nil {
			return err
		}
		at[who].Channels = append(at[who].Channels, ch)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load channels: %w", err)
	}
	rows, err = tx.query(`SELECT contact_id, role, since, until FROM roles
		WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, since, id`, string(list))
	err = each(rows, err, func(row scanner) error {
		var who int64
		var r crm.Role
		if err := row.Scan(&who, &r.Kind, &r.Since, &r.Until); err != nil {
			return err
		}
		at[who].Roles = append(at[who].Roles, r)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load roles: %w", err)
	}
	return nil
}
