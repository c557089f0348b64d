package vcard

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm"
)

// Source is what an export reads; *store.Tx is one. ExportContacts hands
// fn the people to export a page at a time, in name order, each with their
// channels and roles, so a book of 50,000 people is never held in memory
// whole. With a role, only the people who hold it now are exported.
type Source interface {
	ExportContacts(role crm.RoleKind, fn func(page []crm.Contact) error) error
}

// ExportOptions choose what an export holds.
type ExportOptions struct {
	Role      crm.RoleKind // only the people who hold this role now; "" for everyone
	WithNotes bool         // include private notes, left out unless asked
}

// Export writes the people src gives as vCard 4.0, one card each with
// their current roles as CATEGORIES, and returns how many it wrote.
// Archived people are exported too: the file is the book's contacts.
func Export(w io.Writer, src Source, opts ExportOptions) (int, error) {
	n := 0
	err := src.ExportContacts(opts.Role, func(page []crm.Contact) error {
		people := make([]Person, len(page))
		for i, c := range page {
			people[i] = NewPerson(c)
		}
		if err := Write(w, people, opts.WithNotes); err != nil {
			return err
		}
		n += len(page)
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("export contacts: %w", err)
	}
	return n, nil
}
