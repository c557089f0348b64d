package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/kithcrm/kith/crm/atomicfile"
	"github.com/kithcrm/kith/crm/store"
)

// fileDialogSize is roomy enough to see a folder's files.
var fileDialogSize = fyne.NewSize(780, 540)

// fileExport is one "export to a file the user picks": what the save
// dialog suggests, what the window says while writing and after, and how
// the data is written.
type fileExport struct {
	file   string                       // the name the save dialog suggests; its extension filters the folder
	title  string                       // the progress dialog's title
	doing  string                       // the progress text, followed by where the file goes
	failed string                       // what failed, followed by where: "export contacts to"
	write  func(io.Writer) (int, error) // writes the export, returning how many things it wrote
	done   func(n int) string           // what was exported, for "Exported … to where."
}

// askExport opens the save dialog for e and writes the file the user picks.
func (m *Main) askExport(e fileExport) {
	d := dialog.NewFileSave(m.onExportChosen(e), m.win)
	d.SetFileName(e.file)
	d.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(e.file)}))
	d.Resize(fileDialogSize)
	m.showDialog(d)
}

// onExportChosen is what the save dialog calls back with: nothing when the
// user cancelled, otherwise an open writer that e is written to.
func (m *Main) onExportChosen(e fileExport) func(fyne.URIWriteCloser, error) {
	return chosen(m, func(w fyne.URIWriteCloser) { m.writeExport(e, w) })
}

// writeExport writes e to w off the UI goroutine, showing progress
// meanwhile, then says where it went (the full path of a file) or what
// failed; it always closes w.
func (m *Main) writeExport(e fileExport, w fyne.URIWriteCloser) {
	where, write := exportTarget(w)
	hide := m.busy(e.title, e.doing+where+"…")
	m.run(func() {
		n := 0
		err := write(func(out io.Writer) (err error) {
			n, err = e.write(out)
			return err
		})
		fyne.Do(func() {
			hide()
			if err != nil {
				m.showError(fmt.Errorf("%s %s: %w", e.failed, where, err))
				return
			}
			m.bar.show(fmt.Sprintf("Exported %s to %s.", e.done(n), where), nil)
		})
	})
}

// exportTarget says where w goes and how to write there. A file on disk is
// written as the command line's --out writes it: replaced atomically and
// readable by the user alone, since exports hold names. The dialog's
// writer, which made the file with the default mode, is closed unused and
// the file written beside it and renamed over it. Anything else is
// streamed to w, which is then closed.
func exportTarget(w fyne.URIWriteCloser) (where string, write func(func(io.Writer) error) error) {
	if w.URI().Scheme() != "file" {
		return w.URI().String(), func(export func(io.Writer) error) error {
			return errors.Join(export(w), w.Close())
		}
	}
	path := w.URI().Path()
	return path, func(export func(io.Writer) error) error {
		if err := w.Close(); err != nil {
			return err
		}
		return atomicfile.Write(path, export)
	}
}

// fromStore makes an export's write out of one that reads the database,
// all in one read transaction so the file is one consistent picture.
func (m *Main) fromStore(write func(io.Writer, *store.Tx) (int, error)) func(io.Writer) (int, error) {
	return func(out io.Writer) (n int, err error) {
		err = m.st.View(context.Background(), func(tx *store.Tx) (err error) {
			n, err = write(out, tx)
			return err
		})
		return n, err
	}
}
