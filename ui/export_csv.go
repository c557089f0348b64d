package ui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/kithcrm/kith/crm/csvexport"
	"github.com/kithcrm/kith/crm/store"
)

// peopleCSVName is the file name the save dialog suggests.
const peopleCSVName = "kith-people.csv"

// ExportPeopleCSV asks where to save everyone as a CSV file for a
// spreadsheet, and writes it there (File → Export people as CSV…).
func (m *Main) ExportPeopleCSV() {
	d := dialog.NewFileSave(m.onPeopleCSVChosen, m.win)
	d.SetFileName(peopleCSVName)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Resize(fileDialogSize)
	m.showDialog(d)
}

// onPeopleCSVChosen gets the save dialog's writer: nil when the user
// cancelled, otherwise open and to be closed once written.
func (m *Main) onPeopleCSVChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		m.showError(err)
		return
	}
	if w == nil {
		return
	}
	m.writePeopleCSV(w)
}

// writePeopleCSV writes everyone to w off the UI goroutine, streaming
// from the database, and always closes w. The confirmation names the
// file's full path.
func (m *Main) writePeopleCSV(w fyne.URIWriteCloser) {
	where := w.URI().String()
	if w.URI().Scheme() == "file" {
		where = w.URI().Path()
	}
	hide := m.busy("Exporting people", "Writing everyone to "+where+"…")
	m.run(func() {
		n, err := m.peopleCSVTo(w)
		fyne.Do(func() {
			hide()
			if err != nil {
				m.showError(fmt.Errorf("export people to %s: %w", where, err))
				return
			}
			m.bar.show(fmt.Sprintf("Exported %d people to %s.", n, where), nil)
		})
	})
}

// peopleCSVTo writes the people table to w and closes it. A file on disk
// is made readable by the user alone before anything is written to it.
func (m *Main) peopleCSVTo(w fyne.URIWriteCloser) (n int, err error) {
	defer func() { err = errors.Join(err, w.Close()) }()
	if w.URI().Scheme() == "file" {
		if err := os.Chmod(w.URI().Path(), 0o600); err != nil {
			return 0, err
		}
	}
	buf := bufio.NewWriterSize(w, 1<<16)
	err = m.st.View(context.Background(), func(tx *store.Tx) (err error) {
		n, err = csvexport.Write(buf, tx, csvexport.People)
		return err
	})
	if err != nil {
		return n, err
	}
	return n, buf.Flush()
}
