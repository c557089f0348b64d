package ui

import (
	"context"
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/kithcrm/kith/crm/atomicfile"
	"github.com/kithcrm/kith/crm/store"
	"github.com/kithcrm/kith/crm/vcard"
)

// contactsFileName is the name the contacts export suggests.
const contactsFileName = "kith-contacts.vcf"

// ExportContacts asks where to save everyone as a vCard file and writes it:
// vCard 4.0 with roles as categories and no private notes, as
// 'kith export vcard' writes it.
func (m *Main) ExportContacts() {
	d := dialog.NewFileSave(m.onContactsChosen, m.win)
	d.SetFileName(contactsFileName)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".vcf"}))
	d.Resize(fileDialogSize)
	m.showDialog(d)
}

// onContactsChosen gets the save dialog's writer: nil when the user
// cancelled, otherwise open and to be closed.
func (m *Main) onContactsChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		m.showError(err)
		return
	}
	if w == nil {
		return
	}
	m.writeContacts(w)
}

// writeContacts writes the export off the UI goroutine, showing progress
// meanwhile, and always closes w. A file on disk is replaced atomically and
// made readable by the user alone, like the calendar's live file: the
// dialog's writer, opened with the default mode, is closed unused and the
// file written beside it and renamed over it.
func (m *Main) writeContacts(w fyne.URIWriteCloser) {
	where := w.URI().String()
	write := func(export func(io.Writer) error) error { return errors.Join(export(w), w.Close()) }
	if w.URI().Scheme() == "file" {
		where = w.URI().Path()
		write = func(export func(io.Writer) error) error {
			if err := w.Close(); err != nil {
				return err
			}
			return atomicfile.Write(where, export)
		}
	}
	hide := m.busy("Exporting contacts", "Writing your contacts to "+where+"…")
	m.run(func() {
		n := 0
		err := write(func(out io.Writer) error {
			return m.st.View(context.Background(), func(tx *store.Tx) (err error) {
				n, err = vcard.Export(out, tx, vcard.ExportOptions{})
				return err
			})
		})
		fyne.Do(func() {
			hide()
			if err != nil {
				m.showError(fmt.Errorf("export contacts to %s: %w", where, err))
				return
			}
			m.bar.show(fmt.Sprintf("Exported %s to %s.", plural(n, "contact", "contacts"), where), nil)
		})
	})
}
