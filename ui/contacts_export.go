package ui

import (
	"io"

	"github.com/kithcrm/kith/crm/store"
	"github.com/kithcrm/kith/crm/vcard"
)

// contactsFileName is the name the contacts export suggests.
const contactsFileName = "kith-contacts.vcf"

// ExportContacts asks where to save everyone as a vCard file and writes it:
// vCard 4.0 with roles as categories and no private notes, as
// 'kith export vcard' writes it.
func (m *Main) ExportContacts() { m.askExport(m.contactsExport()) }

// contactsExport is the vCard export of everyone.
func (m *Main) contactsExport() fileExport {
	return fileExport{
		file:   contactsFileName,
		title:  "Exporting contacts",
		doing:  "Writing your contacts to ",
		failed: "export contacts to",
		write: m.fromStore(func(out io.Writer, tx *store.Tx) (int, error) {
			return vcard.Export(out, tx, vcard.ExportOptions{})
		}),
		done: func(n int) string { return plural(n, "contact", "contacts") },
	}
}
