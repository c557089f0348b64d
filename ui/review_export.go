package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// reportFormat picks a report format from a file name's extension.
func reportFormat(name string) (review.Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return review.FormatMarkdown, nil
	case ".html", ".htm":
		return review.FormatHTML, nil
	case ".json":
		return review.FormatJSON, nil
	case ".txt":
		return review.FormatText, nil
	}
	return "", crm.Invalid("file", fmt.Errorf("%s: name the report .md, .html, .json or .txt to choose its format", name))
}

// exportReport asks where to write the review on screen, then writes it
// in the format the file name's extension names.
func (v *reviewView) exportReport() {
	r := v.r
	if r == nil {
		return
	}
	d := dialog.NewFileSave(chosen(v.m, func(w fyne.URIWriteCloser) { v.writeReport(r, w) }), v.m.win)
	d.SetFileName(fmt.Sprintf("kith-review-%s.html", r.Quarter))
	v.m.showDialog(d)
}

// writeReport writes a report off the UI goroutine and says where it went.
func (v *reviewView) writeReport(r *review.Review, w fyne.URIWriteCloser) {
	name := w.URI().Name()
	f, err := reportFormat(name)
	if err != nil {
		w.Close()
		v.m.showError(err)
		return
	}
	// Written as an export is: a file on disk whole and readable by the
	// user alone, since the report names people.
	where, write := exportTarget(w)
	v.m.background(func() error {
		if err := write(func(out io.Writer) error { return r.Write(out, f) }); err != nil {
			return fmt.Errorf("write the report to %s: %w", name, err)
		}
		return nil
	}, func() { v.m.bar.show("Exported the "+r.Quarter.String()+" review to "+where, nil) })
}
