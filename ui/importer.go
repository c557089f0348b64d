package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/importer"
	"github.com/kithcrm/kith/crm/store"
)

// An import in the window goes: a file chosen (File > Import…) or dropped on
// the window; read off the UI goroutine behind a progress bar; a preview
// of what it would do, where the user picks a role, a cadence and roles for
// the file's categories; the import itself behind a progress bar; then the
// undo bar. All storage work runs in the background and every widget
// change comes back through fyne.Do.

// importExtensions are the files Kith imports: vCard and LinkedIn's CSV.
var importExtensions = []string{".vcf", ".vcard", ".csv"}

// ImportFile asks for a vCard or Connections.csv file to import.
func (m *Main) ImportFile() {
	d := dialog.NewFileOpen(chosen(m, func(r fyne.URIReadCloser) { m.importFrom(r, r.URI()) }), m.win)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	d.Resize(fileDialogSize)
	m.showDialog(d)
}

// onDropped imports the first vCard or CSV file dropped on the window.
func (m *Main) onDropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if _, ok := importer.FormatOf(u.Name()); !ok {
			continue
		}
		r, err := storage.Reader(u)
		if err != nil {
			m.showError(fmt.Errorf("open %s: %w", u.Name(), err))
			return
		}
		m.importFrom(r, u)
		return
	}
	if len(uris) > 0 {
		dialog.ShowInformation("Nothing to import",
			"Kith imports vCard files (.vcf) from an address book and the Connections.csv of LinkedIn's data export.", m.win)
	}
}

// importFrom reads the file r and shows the preview of importing it; r is
// closed once read.
func (m *Main) importFrom(r io.ReadCloser, u fyne.URI) {
	format, ok := importer.FormatOf(u.Name())
	if !ok {
		r.Close()
		m.showError(fmt.Errorf("%s: Kith imports .vcf and .csv files", u.Name()))
		return
	}
	size := fileSize(u)
	busy := newProgressDialog(m, "Reading "+u.Name()+"…", size > 0)
	m.run(func() {
		src, err := importer.Read(format, u.Name(), r, func(n int64) { busy.at(n, size) })
		r.Close()
		var p *importer.Plan
		if err == nil {
			err = m.st.View(context.Background(), func(tx *store.Tx) error {
				var err error
				p, err = importer.MakePlan(tx, src, importer.Options{})
				return err
			})
		}
		fyne.Do(func() {
			busy.hide()
			if err != nil {
				m.importError(err)
				return
			}
			m.importing = newImportPreview(m, src, p)
			m.importing.show()
		})
	})
}

// fileSize is the size of a local file, or 0 when it cannot be known.
func fileSize(u fyne.URI) int64 {
	if u.Scheme() != "file" {
		return 0
	}
	fi, err := os.Stat(u.Path())
	if err != nil {
		return 0
	}
	return fi.Size()
}

// runImport imports src with the user's choices in one write transaction,
// off the UI goroutine, and offers to undo it.
func (m *Main) runImport(src *importer.Source, opts importer.Options, people int) {
	busy := newProgressDialog(m, fmt.Sprintf("Importing %s…", src.File), people > 0)
	m.run(func() {
		var p *importer.Plan
		err := m.st.Update(context.Background(), func(tx *store.Tx) error {
			var err error
			if p, err = importer.MakePlan(tx, src, opts); err != nil {
				return err
			}
			return importer.Apply(tx, p, opts, func(done, total int) { busy.at(int64(done), int64(total)) })
		})
		fyne.Do(func() {
			busy.hide()
			if err != nil {
				m.importError(err)
				return
			}
			m.changed()
			m.cal.afterChange()
			m.imported(p)
		})
	})
}

// importError says why a file was not imported: in words when it is
// something the user can fix (not a Connections.csv, a refused record).
func (m *Main) importError(err error) {
	var e *crm.Error
	if errors.As(err, &e) {
		dialog.ShowInformation("Not imported", e.Error(), m.win)
		return
	}
	dialog.ShowError(err, m.win)
}

// imported says what an import did, with Undo in the bar.
func (m *Main) imported(p *importer.Plan) {
	if p.Batch == 0 {
		m.bar.show(fmt.Sprintf("Nothing to import from %s: %s", p.File, nothingReason(p)), nil)
		return
	}
	batch := p.Batch
	m.bar.show(fmt.Sprintf("Imported %s: %s added, %s updated.", p.File,
		plural(len(p.Added), "person", "people"), plural(len(p.Updated), "person", "people")), func() { m.undoImport(batch) })
}

// undoImport takes an import back and says what it kept.
func (m *Main) undoImport(batch int64) {
	var res *importer.UndoResult
	m.save(func(tx *store.Tx) error {
		var err error
		res, err = importer.Undo(tx, batch)
		return err
	}, func() { m.bar.show(undoneText(res), nil) })
}

// undoneText says what undoing an import did, naming what it kept.
func undoneText(res *importer.UndoResult) string {
	msg := fmt.Sprintf("Undid the import of %s: removed %s, set back %s.", res.Batch.File,
		plural(len(res.Removed), "person", "people"), plural(len(res.Reverted), "field", "fields"))
	if len(res.Kept) == 0 {
		return msg
	}
	var names []string
	for _, k := range res.Kept {
		name := k.Name
		if k.Field != "" {
			name += " (" + k.Field + ")"
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if len(names) > 3 {
		names = append(names[:3], fmt.Sprintf("%d more", len(names)-3))
	}
	return msg + " Kept what you changed since: " + strings.Join(names, ", ") + "."
}

// progressDialog is a dialog with a progress bar for background work; its
// at may be called from any goroutine and moves the bar at most once a
// percent. (m.busy is the same without a measure.)
type progressDialog struct {
	dlg      dialog.Dialog
	bar      *widget.ProgressBar
	infinite *widget.ProgressBarInfinite // when progress cannot be measured
	last     int
}

// newProgressDialog shows a progress dialog; without measured progress its
// bar runs back and forth.
func newProgressDialog(m *Main, text string, measured bool) *progressDialog {
	b := &progressDialog{bar: widget.NewProgressBar(), last: -1}
	var bar fyne.CanvasObject = b.bar
	if !measured {
		b.infinite = widget.NewProgressBarInfinite()
		bar = b.infinite
	}
	label := widget.NewLabel(text)
	label.Truncation = fyne.TextTruncateEllipsis
	b.dlg = dialog.NewCustomWithoutButtons("Import", container.NewVBox(label, bar), m.win)
	b.dlg.Resize(fyne.NewSize(420, 0))
	b.dlg.Show()
	return b
}

func (b *progressDialog) at(done, total int64) {
	if total <= 0 {
		return
	}
	pct := int(done * 100 / total)
	if pct == b.last {
		return
	}
	b.last = pct
	fyne.Do(func() { b.bar.SetValue(float64(pct) / 100) })
}

func (b *progressDialog) hide() {
	if b.infinite != nil {
		b.infinite.Stop()
	}
	b.dlg.Hide()
}

// nothingReason says why a plan writes nothing.
func nothingReason(p *importer.Plan) string {
	if p.Records() == 0 {
		return "the file holds nobody to import."
	}
	return "the book has all of it already."
}
